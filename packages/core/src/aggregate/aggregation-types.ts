import type { IndicatorDefinition } from '../domain/indicator.ts';
import type { Observation } from '../domain/observation.ts';
import type { ReadOptions } from '../derive/observation-value.ts';

/** What aggregation needs to know about an indicator; a full IndicatorDefinition fits. */
export type AggregatableIndicator = Pick<
  IndicatorDefinition,
  'id' | 'aggregation' | 'ratePer' | 'numeratorId' | 'denominatorId' | 'weightId'
>;

/** One child area's share in one parent area: 1 for nesting levels, 0..1 across correspondences. */
export interface AggregationLink {
  childKey: string;
  parentKey: string;
  weight: number;
}

export interface AggregationOptions extends ReadOptions {
  /**
   * A parent whose composition lists a child that has no observation at all for the indicator and
   * period is incompletely covered. `missing` (default): the parent value is missing
   * (`not_reported`). `flag`: the parent is computed from the children present and marked
   * `estimated`. Either way an `incomplete_coverage` warning names the absent children.
   */
  partialCoverage?: 'missing' | 'flag';
}

export const AGGREGATION_WARNING_CODES = [
  'not_aggregatable',
  'missing_children',
  'incomplete_coverage',
  'unmapped_children',
  'ratio_inputs_unknown',
  'weight_unknown',
  'weights_exceed_one',
] as const;
export type AggregationWarningCode = (typeof AGGREGATION_WARNING_CODES)[number];

/** Bad or incomplete data produce counted warnings, never a crash halfway through. */
export interface AggregationWarning {
  code: AggregationWarningCode;
  indicatorId: string | null;
  period: string | null;
  parentKey: string | null;
  /** How many observations or children the warning is about. */
  count: number;
  /** The children concerned, e.g. `01001000 (secret)`. */
  children: string[];
  message: string;
}

export interface AggregationResult {
  observations: Observation[];
  warnings: AggregationWarning[];
}
