import { twoSidedZ } from './confidence.ts';

/**
 * Byar's approximation to exact Poisson limits for an observed count (Breslow & Day 1987), used by
 * Fingertips for counts of 10 and more. Formulas as in PHEindicatormethods' byars_lower/upper.
 */

/**
 * Lower limit for the expected count. For very small x at high confidence the cubed base turns
 * negative (x = 1 at 99.8 %: −0.0028); a count's limit cannot be, so it is clamped at 0 — PHE's
 * reference sheet leaves that cell empty.
 */
export function byarsLower(x: number, confidence = 0.95): number {
  const z = twoSidedZ(confidence);
  if (x === 0) return 0;
  return Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3);
}

/** Upper limit for the expected count. */
export function byarsUpper(x: number, confidence = 0.95): number {
  const z = twoSidedZ(confidence);
  return (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
}
