import { pearson } from './pearson.ts';

/** The ordinary least-squares line y = intercept + slope · x. */
export interface LeastSquaresLine {
  slope: number;
  intercept: number;
  n: number;
}

/**
 * The least-squares line of y on x for equally long series without gaps. Null when there are fewer
 * than 2 pairs or x does not vary (no line is determined). Sums are taken around the means, which
 * keeps large values (counts in the millions) from cancelling out.
 */
export function leastSquares(x: readonly number[], y: readonly number[]): LeastSquaresLine | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxy += dx * (y[i]! - my);
    sxx += dx * dx;
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, n };
}

/** A scatter's summary: the regression line with Pearson's r and r² (each null when undefined). */
export interface LinearFit {
  n: number;
  line: LeastSquaresLine | null;
  r: number | null;
  r2: number | null;
}

export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const r = pearson(x, y);
  return { n: Math.min(x.length, y.length), line: leastSquares(x, y), r, r2: r === null ? null : r * r };
}
