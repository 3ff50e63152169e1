import type { StatWarnings } from './warnings.ts';

/** A point estimate with the limits of its confidence interval, on the output scale (after the multiplier). */
export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

/** Options shared by the interval methods. */
export interface IntervalOptions {
  /** 0.95 (default), 0.998, or any level in [0.9, 1); percentages 90–100 are accepted too. */
  confidence?: number;
  /** Scale of the output: 1 for a proportion, 100 for percent, 100000 for "per 100,000". */
  multiplier?: number;
  /** Collects counted warnings for inputs that yield no estimate. */
  warnings?: StatWarnings;
}
