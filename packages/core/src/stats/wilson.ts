import { checkMultiplier, confidenceLevel, twoSidedZ } from './confidence.ts';
import type { Estimate, IntervalOptions } from './estimate.ts';
import { isPresent, warn } from './warnings.ts';

/**
 * Wilson score interval for a proportion (Wilson 1927), the Fingertips method for proportions:
 * unlike the normal approximation it stays inside [0, 1] and behaves for 0 and n events.
 * The expressions keep PHEindicatormethods' order of operations so results agree to the last bits.
 */

/** Lower Wilson limit of x/n as a proportion of 1. */
export function wilsonLower(x: number, n: number, confidence = 0.95): number {
  const z = twoSidedZ(confidence);
  return (2 * x + z ** 2 - z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2);
}

/** Upper Wilson limit of x/n as a proportion of 1. */
export function wilsonUpper(x: number, n: number, confidence = 0.95): number {
  const z = twoSidedZ(confidence);
  return (2 * x + z ** 2 + z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2);
}

/**
 * Proportion with Wilson limits, scaled by `multiplier` (default 1; 100 for percent).
 * Returns null, with a counted warning, for missing or impossible inputs (x < 0, n <= 0, x > n).
 */
export function wilson(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  options: IntervalOptions = {},
): Estimate | null {
  const { confidence = 0.95, warnings } = options;
  const multiplier = checkMultiplier(options.multiplier ?? 1);
  confidenceLevel(confidence);
  if (!isPresent(numerator) || !isPresent(denominator)) return warn(warnings, 'missing-input');
  if (numerator < 0) return warn(warnings, 'negative-count');
  if (denominator <= 0) return warn(warnings, 'non-positive-denominator');
  if (numerator > denominator) return warn(warnings, 'numerator-exceeds-denominator');
  return {
    value: (numerator / denominator) * multiplier,
    lower: wilsonLower(numerator, denominator, confidence) * multiplier,
    upper: wilsonUpper(numerator, denominator, confidence) * multiplier,
  };
}
