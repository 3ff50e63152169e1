import type { IndicatorDefinition } from '../domain/indicator.ts';
import type { Observation } from '../domain/observation.ts';
import type { ClassAssignment } from '../trends/class-transitions.ts';

/** Value above/below a threshold; without `direction` the worse side follows the polarity. */
export interface ThresholdRule {
  kind: 'threshold';
  id: string;
  indicatorId: string;
  threshold: number;
  direction?: 'above' | 'below';
}

/** More than k standard deviations (across the areas of the level) from a reference, on the worse side. */
export interface DeviationRule {
  kind: 'deviation';
  id: string;
  indicatorId: string;
  k: number;
  /** The reference value, e.g. the Kreis value; default: the mean over the areas. */
  reference?: number;
}

/** A significant recent trend (Fingertips method, trends/recent-trend.ts) in the worse direction. */
export interface TrendRule {
  kind: 'worsening_trend';
  id: string;
  indicatorId: string;
  /** `proportion` (default) tests counts; `interval` tests values with 95 % intervals from the context. */
  method?: 'proportion' | 'interval';
  /** For neutral indicators: which direction to flag. */
  direction?: 'increasing' | 'decreasing';
}

/** A move of an area into a worse class of an index between two periods. */
export interface ClassDropRule {
  kind: 'class_drop';
  id: string;
  /** Key of the classification in `context.classes`, usually the index indicator id. */
  classificationId: string;
  levelId: string;
  /** Class labels in order. */
  order: readonly string[];
  /** Whether a later position in `order` is worse (MSS status 1 → 4) or better. */
  worseWhen: 'higher' | 'lower';
  /** Default: the two latest periods with classes. */
  fromPeriod?: string;
  toPeriod?: string;
  /** Minimum number of classes to drop; default 1. */
  minSteps?: number;
}

export type WarningRule = ThresholdRule | DeviationRule | TrendRule | ClassDropRule;

export interface WarningContext {
  indicators: readonly Pick<IndicatorDefinition, 'id' | 'polarity' | 'numeratorId' | 'denominatorId'>[];
  observations: readonly Observation[];
  /** Class assignments per classification, for class_drop rules. */
  classes?: ReadonlyMap<string, readonly ClassAssignment[]>;
  /** 95 % intervals for `interval` trend rules, keyed by `intervalKey(...)`. */
  intervals?: ReadonlyMap<string, { lower: number; upper: number }>;
  /** The period to evaluate; default: each indicator's latest period on each level. */
  period?: string;
}

/** One reason an area is flagged: which rule, indicator, period and values. */
export interface WarningReason {
  ruleId: string;
  kind: WarningRule['kind'];
  indicatorId: string;
  period: string;
  value: number | null;
  message: string;
  details: Record<string, number | string | null>;
}

export interface FlaggedArea {
  levelId: string;
  areaKey: string;
  reasons: WarningReason[];
}

/** Things a rule could not judge (missing values, too short series), counted per rule. */
export interface WarningNote {
  ruleId: string;
  count: number;
  message: string;
}

export interface WarningEvaluation {
  flagged: FlaggedArea[];
  notes: WarningNote[];
}

/** What each rule returns before the results are merged per area. */
export interface RuleOutcome {
  hits: { levelId: string; areaKey: string; reason: WarningReason }[];
  notes: WarningNote[];
}

export function intervalKey(indicatorId: string, levelId: string, areaKey: string, period: string): string {
  return `${indicatorId}\u0000${levelId}\u0000${areaKey}\u0000${period}`;
}
