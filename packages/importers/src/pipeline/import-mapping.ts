import { DomainError } from '@lagebild/core';
import { areaMappingSchema, type AreaMapping } from '../mapping/area-mapping.schema.ts';
import { tableMappingSchema, type TableMapping } from '../mapping/mapping.schema.ts';
import { catalogueSchema, type CatalogueMapping } from './catalogue.schema.ts';
import { correspondenceMappingSchema, type CorrespondenceMapping } from './correspondence.schema.ts';
import { pointsMappingSchema, type PointsMapping } from './points.schema.ts';
import { servicesMappingSchema, type ServicesMapping } from './services.schema.ts';
import { territorialStatusSchema, type TerritorialStatusMapping } from './territorial-status.schema.ts';

const GEO_FORMATS = new Set(['geojson', 'shapefile', 'shapefile-zip', 'geopackage']);

/**
 * A mapping file says how one source becomes levels/areas (geo formats) or observations (tables).
 * Table mappings may route rows to several levels by key pattern (`levels:`), so one GENESIS table
 * feeds Bund, Länder and Kreise at once; each route becomes one TableMapping.
 */
export type ImportSpec =
  | { kind: 'areas'; mapping: AreaMapping; raw: unknown }
  | { kind: 'catalogue'; mapping: CatalogueMapping; raw: unknown }
  | { kind: 'territorial-status'; mapping: TerritorialStatusMapping; raw: unknown }
  | { kind: 'points'; mapping: PointsMapping; raw: unknown }
  | { kind: 'services'; mapping: ServicesMapping; raw: unknown }
  | { kind: 'correspondence'; mapping: CorrespondenceMapping; raw: unknown }
  | { kind: 'table'; routes: TableMapping[]; allZeroRows: AllZeroRows | null; raw: unknown };

/** Rows whose values (except the listed indicators) are all 0 are taken as not evaluated. */
export interface AllZeroRows {
  ignore: string[];
}

interface LevelRoute {
  level: string;
  keep?: string;
  pad?: number;
  /** Keys renamed for this level only, e.g. the Land rows 02/11 that stand for the Kreise 02000/11000. */
  rename?: Record<string, string>;
}

export function parseImportMapping(raw: unknown): ImportSpec {
  if (!isRecord(raw)) throw new DomainError('MappingInvalid', 'A mapping must be a YAML/JSON object.');
  const format = String(raw.format ?? '');
  if (GEO_FORMATS.has(format)) return { kind: 'areas', mapping: parseWith(areaMappingSchema, raw), raw };
  if (format === 'territorial-status') {
    return { kind: 'territorial-status', mapping: parseWith(territorialStatusSchema, raw), raw };
  }
  if (format === 'correspondence') {
    return { kind: 'correspondence', mapping: parseWith(correspondenceMappingSchema, raw), raw };
  }
  if (format === 'points') return { kind: 'points', mapping: parseWith(pointsMappingSchema, raw), raw };
  if (format === 'services') return { kind: 'services', mapping: parseWith(servicesMappingSchema, raw), raw };
  if (format === 'catalogue') return { kind: 'catalogue', mapping: parseWith(catalogueSchema, raw), raw };
  const { levels, allZeroRowsMissing, ...rest } = raw;
  const routes = Array.isArray(levels) ? (levels as LevelRoute[]) : [null];
  return {
    kind: 'table',
    routes: routes.map((route) => parseWith(tableMappingSchema, route ? withRoute(rest, route) : rest)),
    allZeroRows: allZeroRowsOption(allZeroRowsMissing),
    raw,
  };
}

function allZeroRowsOption(value: unknown): AllZeroRows | null {
  if (value === true) return { ignore: [] };
  if (isRecord(value) && Array.isArray(value.ignore)) return { ignore: value.ignore.map(String) };
  return null;
}

function withRoute(base: Record<string, unknown>, route: LevelRoute): Record<string, unknown> {
  const area = isRecord(base.area) ? base.area : {};
  const routed: Record<string, unknown> = { ...area };
  if (route.keep !== undefined) routed.keep = route.keep;
  if (route.pad !== undefined) routed.pad = route.pad;
  if (route.rename !== undefined) routed.rename = route.rename;
  return { ...base, level: route.level, area: routed };
}

function parseWith<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  raw: unknown,
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
  );
  throw new DomainError('MappingInvalid', `The mapping is not valid: ${problems.join('; ')}`, { problems });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
