import type { BenchmarkOutcome, DistributionSummary, MissingReason, ObservationStatus } from '@lagebild/core';
import type { IntervalMethod } from '../compare/interval-method.ts';
import type { IndicatorRef } from '../store-reads.ts';

export interface ProfileQuery {
  level: string;
  area: string;
  /** The profile's period; each indicator shows its latest period up to it. Default: the latest of all. */
  period?: string;
}

export interface ProfileLevelRef {
  id: string;
  name: string;
  nameEn: string | null;
}

/** One ancestor of the area: its parent area, the parent's parent … up to the top level. */
export interface ProfileAncestor {
  level: ProfileLevelRef;
  key: string;
  name: string;
}

/** `nodata`: the area has no observation in the period (other areas of the level have). */
export type ProfileStatus = ObservationStatus | 'nodata';

export interface ProfileValue {
  value: number | null;
  status: ProfileStatus;
  missingReason: MissingReason | null;
}

/**
 * An ancestor's value in the indicator's period: `stored`, `derived` (computed from the formula on
 * that level), `aggregated` (the parent only: computed from its children when it has no stored
 * value, as the comparison with the parent does) or null when there is none.
 */
export interface ProfileReference extends ProfileValue {
  level: string;
  key: string;
  basis: 'stored' | 'derived' | 'aggregated' | null;
}

export interface ProfileSeriesPoint extends ProfileValue {
  period: string;
}

export interface ProfileComparison {
  /** Always the parent area: the profile compares an area with the area it belongs to. */
  reference: 'parent';
  outcome: BenchmarkOutcome;
  /** How the area's confidence interval was computed; `none` means not compared (no counts). */
  method: IntervalMethod;
  lower: number | null;
  upper: number | null;
  limits: 'wilson' | 'exact' | 'byars' | null;
}

export interface ProfileIndicator {
  indicator: IndicatorRef & {
    nameEn: string | null;
    topic: string;
    source: string | null;
    /** Computed from a formula over other indicators. */
    derived: boolean;
  };
  /**
   * The period of the figures: the profile's period, or the indicator's latest period before it
   * (`periodIsEarlier`); null when the indicator has no period up to the profile's period.
   */
  period: string | null;
  periodIsEarlier: boolean;
  value: number | null;
  status: ProfileStatus;
  missingReason: MissingReason | null;
  numerator: number | null;
  denominator: number | null;
  /** One per ancestor of the area, in the order of `ancestors` (parent first). */
  references: ProfileReference[];
  /** Over all areas of the level in `period` (quartiles by QUANTILE_DEFINITION). */
  distribution: DistributionSummary | null;
  comparison: ProfileComparison;
  /**
   * Quintile of the area among the areas of the level (PHE method): 1 = worst (lowest for neutral
   * indicators), 5 = best; what the comparison says when there is no interval.
   */
  quintile: number | null;
  series: { area: ProfileSeriesPoint[]; parent: ProfileSeriesPoint[] };
}

export interface AreaProfile {
  level: ProfileLevelRef;
  area: { key: string; name: string; parentKey: string | null };
  ancestors: ProfileAncestor[];
  requestedPeriod: string | null;
  /** The profile's period: the requested one, or the latest with values of any indicator. */
  period: string | null;
  /** Every period with values of any indicator on the level, ascending by reference date. */
  periods: string[];
  /** Topics in alphabetical order (as the atlas lists them), indicators in catalogue order. */
  topics: { topic: string; indicators: ProfileIndicator[] }[];
  method: {
    quantiles: string;
    comparison: string;
    confidence: number;
    period: string;
  };
}
