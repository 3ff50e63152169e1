/**
 * The x-axis grid of PHE funnel plots (PHEindicatormethods calculate_funnel_limits): 100 points
 * spaced geometrically from a "neat" minimum to a "neat" maximum, so the curved limits are drawn
 * densely where they bend. Reproduced literally, including two R details that change the grid:
 * round() rounds halves to even, and nchar() of a round number such as 1e5 counts "1e+05".
 */

/** R's round(x): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

/**
 * nchar(as.character(n)) for a non-negative whole number in R: the fixed notation unless the
 * scientific one ("1e+05", "1.5e+07") is shorter.
 */
export function rCharacterWidth(n: number): number {
  const fixed = String(n);
  if (n === 0) return fixed.length;
  const significant = fixed.replace(/0+$/, '');
  const exponent = fixed.length - 1;
  const exponentWidth = Math.max(2, String(exponent).length);
  const scientific = significant.length + (significant.length > 1 ? 1 : 0) + 2 + exponentWidth;
  return fixed.length <= scientific ? fixed.length : scientific;
}

/** Rounds 95 % of x down to its leading digit(s): the axis starts a little below the smallest denominator. */
export function signifFloor(x: number, fraction = 0.95): number {
  if (x === 0) return 0;
  const n = rCharacterWidth(Math.floor(x * fraction)) - 1;
  return Math.floor((x * fraction) / 10 ** n) * 10 ** n;
}

/** Rounds 105 % of x up to two leading digits: the axis ends a little above the largest denominator. */
export function signifCeiling(x: number, fraction = 1.05): number {
  if (x === 0) return 0;
  const n = rCharacterWidth(Math.ceil(x * fraction)) - 2;
  return Math.ceil((x * fraction) / 10 ** n) * 10 ** n;
}

/** The neat axis range for denominators between min and max; 0 when they span more than a factor 2. */
export function funnelAxisRange(
  minDenominator: number,
  maxDenominator: number,
): { min: number; max: number } {
  return {
    min: maxDenominator > 2 * minDenominator ? 0 : signifFloor(minDenominator),
    max: signifCeiling(maxDenominator),
  };
}

/**
 * The 100 x values from max(1, min) towards max, each step at least 1. `lag` is 0 for proportions
 * and rates (the grid ends exactly at max) and 1 for ratios (PHE's ratio grid uses j − 1).
 */
export function funnelGrid(min: number, max: number, lag: 0 | 1 = 0): number[] {
  const points = [Math.max(1, min)];
  for (let j = 2; j <= 100; j++) {
    const previous = points[j - 2]!;
    const step = roundHalfEven((max / previous) ** (1 / (101 - (j - lag))) * previous);
    points.push(Math.max(step, previous + 1));
  }
  return points;
}
