import type { SdKind } from '../classify/statistics.ts';

/**
 * A composite index as data: which indicators, how each is standardised, weighted and combined, how
 * the result is classed, and which areas are left out. Definitions are versioned; a preset file may
 * hold several versions (e.g. the Berlin MSS with four indicators until 2017 and three from 2019),
 * each applying to a range of periods. Parse untrusted input with `parseIndexPreset`.
 */
export interface IndexDefinition {
  id: string;
  /** Increases whenever the method changes; results name the version they were computed with. */
  version: number;
  name: string;
  description: string | null;
  /** The periods (YYYY, YYYY-MM or YYYY-MM-DD, compared as text) this version is meant for. */
  appliesTo: { from: string | null; to: string | null };
  /** Indicator holding each area's population, for `exclude.minPopulation`. */
  population: string | null;
  components: IndexComponent[];
  /** Default standardisation of the components. */
  standardise: Standardisation;
  /** `sum`: Σ wᵢ·vᵢ; `mean`: Σ wᵢ·vᵢ / Σ wᵢ. */
  combine: 'sum' | 'mean';
  /** Standardisation of the combined score over the included areas (MSS: z with population SD). */
  restandardise: Standardisation | null;
  classes: IndexClass[];
  exclude: IndexExclusions;
  /** How many components to name as the top drivers of each area's score. */
  explainTop: number;
}

export interface IndexComponent {
  /** Short name used in results and explanations, e.g. `S1`. */
  id: string;
  indicator: string;
  label: string | null;
  /** +1: a higher value raises the score; −1: it lowers it (the standardised value is mirrored). */
  direction: 1 | -1;
  weight: number;
  /** Overrides the definition's standardisation for this component. */
  standardise: Standardisation | null;
}

/**
 * - `z`: (x − mean) / sd, with the population (÷ n) or sample (÷ n − 1) SD;
 * - `min-max`: (x − min) / (max − min), 0 … 1;
 * - `rank`: percent rank (rank − 1) / (n − 1), ties sharing their average rank, 0 … 1;
 * - `none`: the raw value.
 * Direction −1 mirrors a value: −z, −x for `none`, 1 − v for `min-max` and `rank`.
 */
export type Standardisation =
  { method: 'z'; sd: SdKind } | { method: 'min-max' } | { method: 'rank' } | { method: 'none' };

/** A class of the final score, on an interval written as `[a, b)`, `(a, b]`, `(-inf, a)` … */
export interface IndexClass {
  code: number;
  label: string;
  /** Short sign used in cross classes (MSS Dynamik: `+`, `+/-`, `-`); defaults to the code. */
  symbol: string;
  interval: ClassInterval;
}

export interface ClassInterval {
  lower: number;
  upper: number;
  lowerClosed: boolean;
  upperClosed: boolean;
}

export interface IndexExclusions {
  /** Areas with fewer residents (by `population`) are left out; null: no minimum. */
  minPopulation: number | null;
  /** Areas left out by name, with the reason (e.g. a published outlier). */
  areas: NamedExclusion[];
  /** Leave out areas whose component values are all 0 (sources that write 0 for "not evaluated"). */
  allZero: boolean;
}

export interface NamedExclusion {
  key: string;
  name: string | null;
  reason: string;
}

/** Several versions of one index, each for its range of periods. */
export interface IndexPreset {
  id: string;
  name: string;
  versions: IndexDefinition[];
}

/**
 * A class built from the classes of several indices, as the MSS Gesamtindex combines the Status
 * and Dynamik classes into `2+/-` (number 23, "Status mittel, Dynamik stabil"). The templates name
 * the parts: `{Status.symbol}{Dynamik.symbol}`; fields are `code`, `symbol` and `label`.
 */
export interface CrossClassDefinition {
  id: string;
  version: number;
  name: string;
  description: string | null;
  parts: { name: string; index: string }[];
  code: string;
  number: string | null;
  label: string;
}

export function isInside(interval: ClassInterval, value: number): boolean {
  const aboveLower = interval.lowerClosed ? value >= interval.lower : value > interval.lower;
  const belowUpper = interval.upperClosed ? value <= interval.upper : value < interval.upper;
  return aboveLower && belowUpper;
}

export function formatInterval(interval: ClassInterval): string {
  const bound = (v: number) =>
    v === Number.POSITIVE_INFINITY ? 'inf' : v === Number.NEGATIVE_INFINITY ? '-inf' : String(v);
  return `${interval.lowerClosed ? '[' : '('}${bound(interval.lower)}, ${bound(interval.upper)}${interval.upperClosed ? ']' : ')'}`;
}
