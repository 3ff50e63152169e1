import { regularizedBeta } from './beta.ts';
import { findRoot } from './root.ts';

/**
 * Student's t distribution: the upper-tail probability through the incomplete beta function and the
 * quantile by inverting it with Brent's method; about 1e-13 relative for df >= 1.
 */

/** P(T > t) for t >= 0. */
function upperTail(t: number, df: number): number {
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** P(T <= t) for a t variable with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** t with P(T <= t) = p. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const tail = p < 0.5 ? p : 1 - p;
  const f = (t: number) => upperTail(t, df) - tail;
  let hi = 1;
  while (f(hi) > 0) hi *= 2;
  const t = findRoot(f, 0, hi);
  return p < 0.5 ? -t : t;
}
