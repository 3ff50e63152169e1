import { regularizedGammaP, regularizedGammaQ } from './gamma.ts';
import { findRoot } from './root.ts';

/**
 * Quantiles of the gamma (unit scale) and chi-square distributions by inverting the regularised
 * incomplete gamma function with Brent's method. The lower tail is solved on P, the upper tail on Q,
 * so both stay accurate near 0 and 1; the result carries the accuracy of P/Q (see gamma.ts),
 * about 1e-14 relative for the small shapes exact Poisson limits use.
 */

/** x with P(shape, x) = p, i.e. the p-quantile of a Gamma(shape, 1) variable. */
export function gammaQuantile(p: number, shape: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(shape > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const f =
    p <= 0.5
      ? (x: number) => regularizedGammaP(shape, x) - p
      : (x: number) => 1 - p - regularizedGammaQ(shape, x);
  return findRoot(f, 0, upperBracket(f, shape));
}

/** x with P(X <= x) = p for a chi-square variable with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  if (df === 0) return p >= 0 && p <= 1 ? 0 : NaN;
  return 2 * gammaQuantile(p, df / 2);
}

/** Doubles a guess beyond the mean until the root lies below it. */
function upperBracket(f: (x: number) => number, shape: number): number {
  let hi = shape + 10 * Math.sqrt(shape) + 10;
  while (f(hi) < 0) hi *= 2;
  return hi;
}
