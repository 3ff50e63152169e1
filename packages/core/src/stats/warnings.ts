/**
 * Counted warnings: bad data (a missing count, a zero denominator) yields a null result and one
 * count under a named code instead of an exception, so a table of 400 areas still computes 399.
 */
export type StatWarningCode =
  | 'missing-input'
  | 'negative-count'
  | 'non-positive-denominator'
  | 'numerator-exceeds-denominator'
  | 'negative-standard-population'
  | 'too-few-events'
  | 'too-few-values'
  | 'missing-confidence-interval'
  | 'inconsistent-bands';

export class StatWarnings {
  readonly counts = new Map<StatWarningCode, number>();

  add(code: StatWarningCode, n = 1): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + n);
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  count(code: StatWarningCode): number {
    return this.counts.get(code) ?? 0;
  }

  toJSON(): Partial<Record<StatWarningCode, number>> {
    return Object.fromEntries(this.counts);
  }
}

/** Records `code` when a collector was passed; returns null so callers can `return warn(...)`. */
export function warn(warnings: StatWarnings | undefined, code: StatWarningCode): null {
  warnings?.add(code);
  return null;
}

/** True for a finite number; null, undefined and NaN are missing input. */
export function isPresent(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
