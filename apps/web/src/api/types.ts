/**
 * The shapes of the /api/v1 responses the atlas reads (see apps/server/src/http/schemas.ts). The
 * domain enums come from the pure core, so a new status or polarity is a type error here too.
 */
import type { Geometry } from '../../../../packages/core/src/domain/geojson.ts';
import type { IndicatorDefinition, Polarity } from '../../../../packages/core/src/domain/indicator.ts';
import type { LevelKind } from '../../../../packages/core/src/domain/level.ts';
import type {
  PyramidBand as CorePyramidBand,
  PyramidDefinition as CorePyramidDefinition,
} from '../../../../packages/core/src/pyramids/pyramid-definition.ts';
import type { MissingReason, ObservationStatus } from '../../../../packages/core/src/domain/observation.ts';

export type { Geometry, MissingReason, ObservationStatus, Polarity };

export interface Level {
  id: string;
  name: string;
  nameEn: string | null;
  kind: LevelKind;
  parentLevelId: string | null;
  sortOrder: number;
  description: string | null;
  areaCount: number;
}

/** A catalogue entry as the API sends it (the atlas does not read the formula). */
export type Indicator = Omit<IndicatorDefinition, 'formula'>;

export interface Coverage {
  levelId: string;
  periods: number;
  values: number;
}

export interface CatalogueEntry extends Indicator {
  coverage: Coverage[];
}

export interface Value {
  areaKey: string;
  areaName: string | null;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ObservationStatus;
  missingReason: MissingReason | null;
  batchId: number | null;
  /** Multi-period totals (disclosure rule `poolPeriods`): the first period of the block. */
  pooledFrom?: string;
}

export interface ValuesResponse {
  indicator: Indicator;
  level: string;
  period: string | null;
  values: Value[];
}

export interface SeriesResponse {
  indicator: Indicator;
  level: string;
  area: string;
  areaName: string | null;
  values: Value[];
}

export interface AreaProperties {
  key: string;
  name: string;
  parentKey: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface AreaFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: AreaProperties;
}

export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/** The one error shape of the API. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details: unknown;
}

/** A pyramid as configured (GET /pyramids): the core's definition, its bands listed in the summary. */
export type PyramidBandDefinition = CorePyramidBand;
export type PyramidDefinition = Omit<CorePyramidDefinition, 'bands'>;

export interface PyramidSummary extends PyramidDefinition {
  bands: PyramidBandDefinition[];
  levels: { levelId: string; periods: string[] }[];
}

/** One sex of one band: count, per year of age, and both as percent of the whole population. */
export interface PyramidSide {
  count: number | null;
  perYear: number | null;
  share: number | null;
  sharePerYear: number | null;
}

export interface PyramidBand {
  label: string;
  labelEn: string | null;
  ageFrom: number;
  ageTo: number | null;
  drawTo: number;
  years: number;
  male: PyramidSide;
  female: PyramidSide;
}

/** The pyramid of one area (GET /pyramids/{id}). */
export interface PyramidResponse {
  pyramid: PyramidDefinition;
  level: string;
  area: { key: string; name: string };
  period: string;
  bands: PyramidBand[];
  total: number | null;
  male: number | null;
  female: number | null;
  missing: { band: string; sex: 'male' | 'female'; indicator: string; reason: string | null }[];
}
