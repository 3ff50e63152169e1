/**
 * The shape of GET /api/v1/levels/{level}/areas/{key}/profile (apps/server/src/routes/profile.routes.ts).
 */
import type {
  AggregationRule,
  IndicatorKind,
  Polarity,
} from '../../../../packages/core/src/domain/indicator.ts';
import type { MissingReason, ObservationStatus } from '../../../../packages/core/src/domain/observation.ts';

export type ProfileStatus = ObservationStatus | 'nodata';
export type ProfileOutcome = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

export interface ProfileLevelRef {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface ProfileAncestor {
  level: ProfileLevelRef;
  key: string;
  name: string;
}

export interface ProfilePoint {
  period: string;
  value: number | null;
  status: ProfileStatus;
  missingReason: MissingReason | null;
}

export interface ProfileReference extends Omit<ProfilePoint, 'period'> {
  level: string;
  key: string;
  basis: 'stored' | 'derived' | 'aggregated' | null;
}

export interface ProfileDistribution {
  count: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

export interface ProfileIndicator {
  indicator: {
    id: string;
    name: string;
    nameEn: string | null;
    unit: string;
    kind: IndicatorKind;
    polarity: Polarity;
    aggregation: AggregationRule;
    decimals: number;
    topic: string;
    source: string | null;
    derived: boolean;
  };
  period: string | null;
  periodIsEarlier: boolean;
  value: number | null;
  status: ProfileStatus;
  missingReason: MissingReason | null;
  numerator: number | null;
  denominator: number | null;
  references: ProfileReference[];
  distribution: ProfileDistribution | null;
  comparison: {
    reference: 'parent';
    outcome: ProfileOutcome;
    method: 'wilson' | 'poisson' | 'none';
    lower: number | null;
    upper: number | null;
    limits: 'wilson' | 'exact' | 'byars' | null;
  };
  quintile: number | null;
  series: { area: ProfilePoint[]; parent: ProfilePoint[] };
}

export interface AreaProfileResponse {
  level: ProfileLevelRef;
  area: { key: string; name: string; parentKey: string | null };
  ancestors: ProfileAncestor[];
  requestedPeriod: string | null;
  period: string | null;
  periods: string[];
  topics: { topic: string; indicators: ProfileIndicator[] }[];
  method: { quantiles: string; comparison: string; confidence: number; period: string };
  dataVersion: string;
}
