import { DomainError } from '../domain/errors.ts';

/**
 * Sample quantiles by Hyndman & Fan (1996) definition 7: linear interpolation between the order
 * statistics at h = (n − 1)·p, the default of R's `quantile()`, NumPy's `percentile` and Excel's
 * `PERCENTILE.INC`. Chosen because planners check figures in those tools: a median or quartile
 * shown here is the one they get there. `sorted` must be ascending and finite.
 */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1))
    throw new DomainError('ValidationFailed', `invalid quantile probability: ${p} (expected 0 to 1)`, { p });
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower]!;
  const above = sorted[Math.min(n - 1, lower + 1)]!;
  return below + (h - lower) * (above - below);
}

/** The spread of a set of values as a box plot or a spine chart shows it. */
export interface DistributionSummary {
  /** Values counted (missing ones are left out). */
  count: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/** The name of the quantile definition used, for results to state it. */
export const QUANTILE_DEFINITION = 'Hyndman & Fan type 7 (linear interpolation; R quantile() default)';

/** Count, min, quartiles (definition 7) and max of the finite values; null without any. */
export function summarizeDistribution(
  values: readonly (number | null | undefined)[],
): DistributionSummary | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return null;
  const sorted = Float64Array.from(present).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    min: list[0]!,
    p25: quantileSorted(list, 0.25)!,
    median: quantileSorted(list, 0.5)!,
    p75: quantileSorted(list, 0.75)!,
    max: list[list.length - 1]!,
  };
}
