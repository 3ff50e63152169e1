import type { Polarity } from '../domain/indicator.ts';
import { DomainError } from '../domain/errors.ts';
import { isPresent, type StatWarnings } from './warnings.ts';

/**
 * Quintile benchmarking as FingertipsNext does it (stored procedure
 * GetIndicatorDetailsWithQuintileBenchmarkComparison): SQL NTILE(5) over all areas of the benchmark
 * group ordered by value, then a label by polarity. NTILE makes groups of equal size
 * (the first N mod k groups one larger) and splits ties arbitrarily; here ties keep input order,
 * which makes the result deterministic. Fewer than 5 values: not compared.
 */
export type QuintileOutcome =
  'lowest' | 'low' | 'middle' | 'high' | 'highest' | 'worst' | 'worse' | 'better' | 'best' | 'not_compared';

const NEUTRAL_LABELS = ['lowest', 'low', 'middle', 'high', 'highest'] as const;
const HIGHER_IS_BETTER_LABELS = ['worst', 'worse', 'middle', 'better', 'best'] as const;
const HIGHER_IS_WORSE_LABELS = ['best', 'better', 'middle', 'worse', 'worst'] as const;

/**
 * SQL NTILE(k) over the values in ascending order. Missing values get null (counted) instead of a
 * tile: SQL Server would sort NULLs first and put them in the lowest tiles.
 */
export function ntile(
  values: readonly (number | null | undefined)[],
  k: number,
  warnings?: StatWarnings,
): (number | null)[] {
  if (!Number.isInteger(k) || k < 1)
    throw new DomainError('ValidationFailed', `invalid k: ${k} (expected an integer >= 1)`, { k });
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((e): e is { v: number; i: number } => isPresent(e.v))
    .sort((a, b) => a.v - b.v || a.i - b.i);
  if (order.length < values.length) warnings?.add('missing-input', values.length - order.length);
  const result: (number | null)[] = values.map(() => null);
  const size = Math.floor(order.length / k);
  const larger = order.length % k;
  let position = 0;
  for (let group = 1; group <= k; group++) {
    const groupSize = size + (group <= larger ? 1 : 0);
    for (let j = 0; j < groupSize; j++) result[order[position++]!.i] = group;
  }
  return result;
}

/** The FingertipsNext label of quintile 1…5 for a polarity. */
export function quintileOutcome(quintile: number | null, polarity: Polarity): QuintileOutcome {
  if (quintile === null || !Number.isInteger(quintile) || quintile < 1 || quintile > 5) return 'not_compared';
  const labels =
    polarity === 'neutral'
      ? NEUTRAL_LABELS
      : polarity === 'higher_is_better'
        ? HIGHER_IS_BETTER_LABELS
        : HIGHER_IS_WORSE_LABELS;
  return labels[quintile - 1]!;
}

/** Quintile outcomes for all areas of a benchmark group at one period. */
export function quintileBenchmark(
  values: readonly (number | null | undefined)[],
  polarity: Polarity,
  warnings?: StatWarnings,
): QuintileOutcome[] {
  const quintiles = ntile(values, 5, warnings);
  // FingertipsNext counts every row of the period, values or not, before comparing.
  if (values.length < 5) return values.map(() => 'not_compared');
  return quintiles.map((q) => quintileOutcome(q, polarity));
}
