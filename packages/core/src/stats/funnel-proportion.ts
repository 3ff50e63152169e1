import { checkMultiplier } from './confidence.ts';
import { funnelAxisRange, funnelGrid } from './funnel-axis.ts';
import { funnelTotals } from './funnel-totals.ts';
import { normalQuantile } from './special/normal.ts';
import type { StatWarnings } from './warnings.ts';

/**
 * Funnel-plot control limits for proportions (PHEindicatormethods calculate_funnel_limits,
 * statistic "proportion"): 2 s (95 %, p = 0.025 each side) and 3 s (99.8 %, p = 0.001) limits
 * around the pooled proportion, on the 100-point grid of funnel-axis.ts.
 */

/**
 * The proportion at which the Wilson interval of an area of size `population` just touches the
 * average (PHE sigma_adjustment, solved in closed form), times `multiplier`.
 */
export function proportionFunnelPoint(
  p: number,
  population: number,
  average: number,
  side: 'low' | 'high',
  multiplier: number,
): number {
  const z2 = normalQuantile(p) ** 2;
  const first = average * (population / z2 + 1);
  const adjustment = Math.sqrt(
    (-8 * average * (population / z2 + 1)) ** 2 -
      64 *
        (1 / z2 + 1 / population) *
        average *
        (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
  );
  const last = 1 / z2 + 1 / population;
  const point = side === 'low' ? (first - adjustment / 8) / last : (first + adjustment / 8) / last;
  return (point / population) * multiplier;
}

export interface ProportionFunnelRow {
  population: number;
  lower2s: number;
  upper2s: number;
  lower3s: number;
  upper3s: number;
  baseline: number;
}

/** 100 funnel rows for rows of { numerator, denominator }; multiplier default 100 (percent). */
export function proportionFunnelLimits(
  rows: readonly { numerator: number; denominator: number }[],
  options: { multiplier?: number; warnings?: StatWarnings } = {},
): ProportionFunnelRow[] {
  const multiplier = checkMultiplier(options.multiplier ?? 100);
  const { average, minDenominator, maxDenominator } = funnelTotals(rows, options.warnings);
  const axis = funnelAxisRange(minDenominator, maxDenominator);
  const point = (p: number, population: number, side: 'low' | 'high') =>
    proportionFunnelPoint(p, population, average, side, multiplier);
  return funnelGrid(axis.min, axis.max).map((population) => ({
    population,
    // PHE caps at 0 and 100 whatever the multiplier.
    lower2s: Math.max(0, point(0.975, population, 'low')),
    upper2s: Math.min(100, point(0.975, population, 'high')),
    lower3s: Math.max(0, point(0.999, population, 'low')),
    upper3s: Math.min(100, point(0.999, population, 'high')),
    baseline: average * multiplier,
  }));
}
