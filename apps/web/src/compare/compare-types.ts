/** The answer of GET /api/v1/compare (see apps/server/src/routes/compare.routes.ts). */
import type { Indicator, MissingReason, ObservationStatus } from '../api/types.ts';

export type Outcome = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

export interface CompareArea {
  key: string;
  name: string | null;
  parentKey: string | null;
  parentName: string | null;
}

export interface CompareReference {
  role: 'level' | 'parent';
  level: string;
  key: string | null;
  name: string | null;
  value: number | null;
  basis: 'stored' | 'aggregated' | 'pooled' | 'weighted_mean' | 'mean' | 'derived';
}

export interface CompareValue {
  areaKey: string;
  value: number | null;
  status: ObservationStatus | 'nodata';
  missingReason: MissingReason | null;
  numerator: number | null;
  denominator: number | null;
  lower: number | null;
  upper: number | null;
  outcome: Outcome;
  parentOutcome: Outcome;
  quintile: number | null;
}

export interface ComparePoint {
  period: string;
  value: number | null;
  status: ObservationStatus;
  missingReason: MissingReason | null;
}

export interface CompareIndicator {
  indicator: Indicator & { formula: string | null };
  periods: string[];
  period: string | null;
  method: {
    interval: 'wilson' | 'poisson' | 'none';
    benchmark: 'ci-overlap' | 'quantiles';
    confidence: number;
  };
  references: CompareReference[];
  values: CompareValue[];
  series: { areaKey: string; values: ComparePoint[] }[];
}

export interface CompareAreasResponse {
  level: string;
  period: string | null;
  areas: CompareArea[];
  indicators: CompareIndicator[];
  warnings: Record<string, number>;
  dataVersion: string;
}
