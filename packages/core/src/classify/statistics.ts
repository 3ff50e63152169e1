/** Small descriptive statistics shared by classification and the index engine. */

/** Which standard deviation: divide by n (population) or by n − 1 (sample). */
export type SdKind = 'population' | 'sample';

export function finiteValues(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

export function meanOf(values: readonly number[]): number {
  // Kahan summation keeps long series (9,600 rows) deterministic to the last digit that matters.
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const y = v - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Standard deviation; NaN for fewer than 1 (population) or 2 (sample) values. */
export function sdOf(values: readonly number[], kind: SdKind, mean = meanOf(values)): number {
  const divisor = kind === 'population' ? values.length : values.length - 1;
  if (divisor <= 0) return Number.NaN;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / divisor);
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Average ranks (1-based) with ties sharing the mean of their positions, in input order. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let p = start; p <= end; p++) ranks[order[p]![1]] = rank;
    start = end + 1;
  }
  return ranks;
}
