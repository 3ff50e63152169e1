import type { Polarity } from '../domain/indicator.ts';
import { DomainError } from '../domain/errors.ts';
import type { StatWarnings } from './warnings.ts';

/**
 * Benchmark comparison as in Fingertips ("confidence intervals overlapping reference value"): an area
 * differs from the reference (England, the region, the county) only when its whole confidence
 * interval lies on one side of the reference value. Strict inequalities, as in FingertipsNext's
 * BenchmarkComparisonEngine: a limit equal to the reference value counts as similar.
 * Polarity turns the direction into a judgement; `neutral` indicators are only higher or lower.
 */
export type JudgedOutcome = 'better' | 'similar' | 'worse';
export type UnjudgedOutcome = 'higher' | 'similar' | 'lower';
export type BenchmarkOutcome = JudgedOutcome | UnjudgedOutcome | 'not_compared';
/** The 95 %/99.8 % variant: best/worst (much higher/lower) when even the 99.8 % interval excludes the reference. */
export type DualBenchmarkOutcome = BenchmarkOutcome | 'best' | 'worst' | 'much_higher' | 'much_lower';

export const BENCHMARK_METHODS = ['ci-overlap-95', 'ci-overlap-99.8', 'ci-overlap-95-99.8'] as const;
export type BenchmarkMethod = (typeof BENCHMARK_METHODS)[number];

export interface Interval {
  lower: number | null | undefined;
  upper: number | null | undefined;
}

/** −1 when the interval lies below the reference, +1 above, 0 when it contains it; null if anything is missing. */
export function directionFromReference(
  interval: Interval,
  reference: number | null | undefined,
): -1 | 0 | 1 | null {
  const { lower, upper } = interval;
  if (!isNumber(lower) || !isNumber(upper) || !isNumber(reference)) return null;
  if (upper < reference) return -1;
  if (lower > reference) return 1;
  return 0;
}

/** Names a direction according to polarity. */
export function outcomeForDirection(direction: -1 | 0 | 1 | null, polarity: Polarity): BenchmarkOutcome {
  if (direction === null) return 'not_compared';
  if (direction === 0) return 'similar';
  if (polarity === 'neutral') return direction > 0 ? 'higher' : 'lower';
  const higherIsBetter = polarity === 'higher_is_better';
  return direction > 0 === higherIsBetter ? 'better' : 'worse';
}

/** One interval (95 % or 99.8 %) against the reference value. */
export function compareWithReference(
  interval: Interval,
  reference: number | null | undefined,
  polarity: Polarity,
  warnings?: StatWarnings,
): BenchmarkOutcome {
  const direction = directionFromReference(interval, reference);
  if (direction === null) warnings?.add('missing-confidence-interval');
  return outcomeForDirection(direction, polarity);
}

/** Both intervals: significant at 99.8 % gives best/worst (much higher/lower), at 95 % only better/worse. */
export function compareWithReferenceDual(
  interval95: Interval,
  interval998: Interval,
  reference: number | null | undefined,
  polarity: Polarity,
  warnings?: StatWarnings,
): DualBenchmarkOutcome {
  const strong = outcomeForDirection(directionFromReference(interval998, reference), polarity);
  const weak = compareWithReference(interval95, reference, polarity, warnings);
  if (strong === 'better') return 'best';
  if (strong === 'worse') return 'worst';
  if (strong === 'higher') return 'much_higher';
  if (strong === 'lower') return 'much_lower';
  return weak;
}

/** The value with its intervals as an area's published figures carry them. */
export interface AreaIntervals {
  ci95?: Interval;
  ci998?: Interval;
}

/** Dispatches on a named method, as an indicator's definition stores it. */
export function benchmark(
  area: AreaIntervals,
  reference: number | null | undefined,
  options: { method: BenchmarkMethod; polarity: Polarity; warnings?: StatWarnings },
): DualBenchmarkOutcome {
  const { method, polarity, warnings } = options;
  const missing: Interval = { lower: null, upper: null };
  switch (method) {
    case 'ci-overlap-95':
      return compareWithReference(area.ci95 ?? missing, reference, polarity, warnings);
    case 'ci-overlap-99.8':
      return compareWithReference(area.ci998 ?? missing, reference, polarity, warnings);
    case 'ci-overlap-95-99.8':
      return compareWithReferenceDual(
        area.ci95 ?? missing,
        area.ci998 ?? missing,
        reference,
        polarity,
        warnings,
      );
    default:
      throw new DomainError('ValidationFailed', `unknown benchmark method: ${String(method)}`, { method });
  }
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}
