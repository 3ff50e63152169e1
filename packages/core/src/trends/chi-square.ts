import { regularizedGammaQ } from '../stats/special/gamma.ts';

/**
 * The 99.8 % point of the χ² distribution with 1 degree of freedom. Fingertips tests recent trends
 * at this level ("99.8 % confidence"), so roughly 1 in 500 stable series is flagged by chance.
 */
export const CHI_SQUARE_1DF_998 = 9.5495;

/** P(χ²₁ > x), exactly: the upper regularised incomplete gamma function Q(1/2, x/2). */
export function chiSquare1dfPValue(x: number): number {
  if (!(x > 0)) return 1;
  return regularizedGammaQ(0.5, x / 2);
}
