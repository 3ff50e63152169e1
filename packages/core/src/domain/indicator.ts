/** The indicator catalogue: what a figure means, how it aggregates, whether higher is better. */
export const INDICATOR_KINDS = ['count', 'share', 'rate', 'mean', 'median', 'index', 'money'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * How values combine when areas are added up:
 * - sum: counts add up;
 * - ratio: re-derived from numerator and denominator (shares, rates), never averaged;
 * - weighted_mean: population-weighted mean, flagged as an estimate;
 * - none: not aggregatable (medians, indices).
 */
export const AGGREGATION_RULES = ['sum', 'ratio', 'weighted_mean', 'none'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export const POLARITIES = ['higher_is_better', 'higher_is_worse', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const CONFIDENTIALITY_CLASSES = ['public', 'internal', 'confidential'] as const;
export type ConfidentialityClass = (typeof CONFIDENTIALITY_CLASSES)[number];

export interface IndicatorDefinition {
  /** Stable slug, e.g. `population_total`. */
  id: string;
  /** Increases whenever the definition changes; earlier versions stay readable. */
  version: number;
  name: string;
  nameEn: string | null;
  /** Lebenslage / Handlungsfeld, e.g. `Bevölkerung`, `Arbeit und Einkommen`. */
  topic: string;
  description: string | null;
  unit: string;
  kind: IndicatorKind;
  /** For rates: the N in "per N" (100 for percent, 1000 for per 1,000 residents). */
  ratePer: number | null;
  numeratorId: string | null;
  denominatorId: string | null;
  aggregation: AggregationRule;
  /** Weight indicator for weighted_mean aggregation (usually the population). */
  weightId: string | null;
  polarity: Polarity;
  source: string | null;
  updateCycle: string | null;
  /** Reference-date rule, e.g. `31.12.`, `Jahresdurchschnitt`. */
  referenceDate: string | null;
  confidentiality: ConfidentialityClass;
  decimals: number;
  notes: string | null;
  /**
   * A derived indicator's formula over other indicator ids, e.g. `100 * sgb2_u15 / bev_u15`
   * (see core/derive). Its values are computed from the inputs, never imported; null for stored ones.
   */
  formula: string | null;
}

/** Fields a caller may omit when declaring an indicator; defaults are filled by `withIndicatorDefaults`. */
export type IndicatorInput = Pick<IndicatorDefinition, 'id' | 'name' | 'unit' | 'kind'> &
  Partial<Omit<IndicatorDefinition, 'id' | 'name' | 'unit' | 'kind' | 'version'>>;

export function withIndicatorDefaults(input: IndicatorInput): Omit<IndicatorDefinition, 'version'> {
  return {
    nameEn: null,
    topic: 'Allgemein',
    description: null,
    ratePer: input.kind === 'share' ? 100 : null,
    numeratorId: null,
    denominatorId: null,
    aggregation: defaultAggregation(input.kind),
    weightId: null,
    polarity: 'neutral',
    source: null,
    updateCycle: null,
    referenceDate: null,
    confidentiality: 'public',
    decimals: input.kind === 'count' ? 0 : 1,
    notes: null,
    formula: null,
    ...input,
  };
}

function defaultAggregation(kind: IndicatorKind): AggregationRule {
  if (kind === 'count' || kind === 'money') return 'sum';
  if (kind === 'share' || kind === 'rate') return 'ratio';
  return 'none';
}

/** True when two definitions differ in anything that is part of the definition (not the version). */
export function definitionChanged(
  a: Omit<IndicatorDefinition, 'version'>,
  b: Omit<IndicatorDefinition, 'version'>,
): boolean {
  const keys = Object.keys(a) as (keyof typeof a)[];
  return keys.some((k) => a[k] !== b[k]);
}
