import { confidenceLevel } from './confidence.ts';
import type { Estimate } from './estimate.ts';
import { studentTQuantile } from './special/student-t.ts';
import { isPresent, warn, type StatWarnings } from './warnings.ts';

/**
 * Mean with Student-t limits (PHEindicatormethods phe_mean): mean ± |t((1−c)/2; n−1)| · s / √n.
 * Missing values are skipped and counted; fewer than two values give null.
 */
export interface MeanResult extends Estimate {
  count: number;
  sum: number;
  standardDeviation: number;
}

export function meanWithLimits(
  values: readonly (number | null | undefined)[],
  options: { confidence?: number; warnings?: StatWarnings } = {},
): MeanResult | null {
  const { warnings } = options;
  const confidence = confidenceLevel(options.confidence ?? 0.95);
  const present = values.filter(isPresent);
  if (present.length < values.length) warnings?.add('missing-input', values.length - present.length);
  if (present.length < 2) return warn(warnings, 'too-few-values');
  const count = present.length;
  const sum = present.reduce((a, b) => a + b, 0);
  const mean = sum / count;
  // Two-pass variance, as R's sd(): no cancellation from subtracting large squares.
  const standardDeviation = Math.sqrt(present.reduce((a, x) => a + (x - mean) ** 2, 0) / (count - 1));
  const halfWidth =
    (Math.abs(studentTQuantile((1 - confidence) / 2, count - 1)) * standardDeviation) / Math.sqrt(count);
  return { value: mean, lower: mean - halfWidth, upper: mean + halfWidth, count, sum, standardDeviation };
}
