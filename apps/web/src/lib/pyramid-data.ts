import type { PyramidBand, PyramidSummary } from '../api/types.ts';
import { matchingPeriod } from './scatter-data.ts';

/** The first configured pyramid whose bands all have values on the level. */
export function pyramidForLevel(list: readonly PyramidSummary[], levelId: string): PyramidSummary | null {
  return list.find((p) => p.levels.some((l) => l.levelId === levelId)) ?? null;
}

/** The pyramid's period on a level that goes with the map's period (the latest when none is shown). */
export function pyramidPeriod(
  pyramid: PyramidSummary,
  levelId: string,
  wanted: string | null,
): string | null {
  const periods = pyramid.levels.find((l) => l.levelId === levelId)?.periods ?? [];
  return wanted === null ? (periods.at(-1) ?? null) : matchingPeriod(periods, wanted);
}

export type Sex = 'male' | 'female';

/** Men are drawn to the left of the age axis, women to the right. */
export const SIDE_SIGN: Record<Sex, -1 | 1> = { male: -1, female: 1 };

/**
 * The step outline of one side of a pyramid, as [x, age] points: up each band at its length (percent
 * of the population per year of age), across to the next band at the band limit. It starts and ends
 * on the age axis, so it reads as the contour of the comparison area.
 */
export function outlinePoints(bands: readonly PyramidBand[], sex: Sex): [number, number][] {
  const sign = SIDE_SIGN[sex];
  const points: [number, number][] = [];
  for (const band of bands) {
    const length = band[sex].sharePerYear;
    if (length === null) return [];
    if (points.length === 0) points.push([0, band.ageFrom]);
    points.push([sign * length, band.ageFrom], [sign * length, band.drawTo]);
  }
  const last = bands.at(-1);
  if (last) points.push([0, last.drawTo]);
  return points;
}

/** The longest bar of the pyramids drawn, so both sides share one symmetric scale. */
export function longestBar(...pyramids: (readonly PyramidBand[] | null | undefined)[]): number {
  let max = 0;
  for (const bands of pyramids)
    for (const band of bands ?? [])
      max = Math.max(max, band.male.sharePerYear ?? 0, band.female.sharePerYear ?? 0);
  return max;
}
