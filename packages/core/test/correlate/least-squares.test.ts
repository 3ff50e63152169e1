import { describe, expect, it } from 'vitest';
import { leastSquares, linearFit } from '../../src/correlate/index.ts';

// Anscombe's quartet (Anscombe 1973): four data sets with the same line y = 3.00 + 0.500 x and r = 0.816.
const X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
const Y2 = [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74];

describe('least squares', () => {
  it('reproduces the published line and r of Anscombe’s quartet', () => {
    for (const y of [Y1, Y2]) {
      const fit = linearFit(X, y);
      expect(fit.n).toBe(11);
      expect(fit.line!.slope).toBeCloseTo(0.5, 2);
      expect(fit.line!.intercept).toBeCloseTo(3.0, 2);
      expect(fit.r).toBeCloseTo(0.816, 3);
      expect(fit.r2).toBeCloseTo(0.816 ** 2, 2);
    }
  });

  it('matches hand-computed values', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10 → slope 0.6, intercept 4 − 0.6 · 3 = 2.2.
    expect(leastSquares([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toEqual({
      slope: expect.closeTo(0.6, 12),
      intercept: expect.closeTo(2.2, 12),
      n: 5,
    });
    // an exact line is found exactly, also with values in the millions
    const x = [1_130_438, 1_093_753, 1_467_892];
    const line = leastSquares(
      x,
      x.map((v) => 7 - 2 * v),
    )!;
    expect(line.slope).toBeCloseTo(-2, 9);
    expect(line.intercept).toBeCloseTo(7, 3);
  });

  it('has no line when x does not vary or fewer than two pairs exist', () => {
    expect(leastSquares([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(leastSquares([1], [1])).toBeNull();
    expect(leastSquares([1, 2], [1])).toBeNull();
    // a constant y is a flat line, but r is undefined
    expect(leastSquares([1, 2, 3], [4, 4, 4])).toEqual({ slope: 0, intercept: 4, n: 3 });
    expect(linearFit([1, 2, 3], [4, 4, 4])).toMatchObject({ r: null, r2: null });
    expect(linearFit([1, 2], [1, 3])).toMatchObject({ n: 2, r: null, line: { slope: 2, intercept: -1 } });
  });
});
