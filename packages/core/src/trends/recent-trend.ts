import { CHI_SQUARE_1DF_998, chiSquare1dfPValue } from './chi-square.ts';
import { periodDecimalYear } from './period-time.ts';
import { sortByPeriod } from './series.ts';

/**
 * The Fingertips "recent trend" marker (OHID/UKHSA, formerly PHE), as documented in the Fingertips
 * Public Health Technical Guidance, "Trend markers"
 * (https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/Trend_markers.html)
 * and implemented in PHEindicatormethods::assign_trend_markers (R, ukhsa-collaboration) and in the
 * Fingertips TrendMarkerCalculator (C#, ukhsa-collaboration/fingertips-open):
 *
 * 1. Only the 5 most recent points are used; fewer than 5 → "cannot be calculated".
 * 2. Significance: proportions use the χ² test for trend in proportions (Cochran–Armitage, the
 *    statistic of R's prop.trend.test); other values use a weighted regression of the value on time
 *    with weights 1/SE², SE from the 95 % CI, statistic (slope / SE(slope))². Significant when the
 *    statistic exceeds 9.5495, the 99.8 % point of χ²₁.
 * 3. Robustness to one outlier: the direction (slope; for proportions of logit(p) on time) is
 *    recomputed leaving out each of the 5 points in turn. If any of the five leave-one-out slopes has
 *    a different sign from the slope on all 5 points, one point drives the trend: "no significant
 *    change", reason "outlier found". Otherwise the marker is increasing or decreasing by the sign.
 *
 * Time is the period's reference date as a decimal year (Fingertips uses the year column, or 1..5),
 * which keeps irregular intervals honest; for yearly data the results are identical.
 * Deviation, documented: a proportion of exactly 0 or 1 has no logit, so the direction uses the
 * empirical logit log((r + ½) / (n − r + ½)) for such points; the significance test is unaffected.
 */
export const RECENT_TREND_POINTS = 5;

export type TrendMarker = 'increasing' | 'decreasing' | 'no_significant_change' | 'cannot_be_calculated';
export type TrendReason =
  | 'significant_trend'
  | 'no_significant_trend'
  | 'outlier_found'
  | 'not_enough_points'
  | 'missing_values'
  | 'invalid_input';

export interface RecentTrend {
  marker: TrendMarker;
  reason: TrendReason;
  /** The periods used, oldest first. */
  periods: string[];
  chiSquare: number | null;
  pValue: number | null;
  /** Slope on all points, per year: of logit(p) for proportions, of the value otherwise. */
  slope: number | null;
}

/** A proportion's counts for one period, e.g. SGB II recipients of the population. */
export interface CountPoint {
  period: string;
  numerator: number | null;
  denominator: number | null;
}

/** A value with its 95 % confidence interval for one period, e.g. a rate with Byar's limits. */
export interface IntervalPoint {
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** The recent trend of a proportion from its counts. */
export function recentTrendForProportions(points: readonly CountPoint[]): RecentTrend {
  const recent = sortByPeriod(points).slice(-RECENT_TREND_POINTS);
  const periods = recent.map((p) => p.period);
  if (recent.length < RECENT_TREND_POINTS) return unavailable(periods, 'not_enough_points');
  if (recent.some((p) => p.numerator === null || p.denominator === null))
    return unavailable(periods, 'missing_values');
  const r = recent.map((p) => p.numerator!);
  const n = recent.map((p) => p.denominator!);
  if (r.some((x, i) => x < 0 || !(n[i]! > 0) || x > n[i]!)) return unavailable(periods, 'invalid_input');
  const t = timeScores(periods);
  const logits = r.map((x, i) => empiricalLogit(x, n[i]!));
  return decide(periods, trendChiSquare(r, n, t), (keep) => olsSlope(pick(t, keep), pick(logits, keep)));
}

/** The recent trend of a rate, mean or other value from its 95 % confidence intervals. */
export function recentTrendForIntervals(points: readonly IntervalPoint[], z = 1.959964): RecentTrend {
  const recent = sortByPeriod(points).slice(-RECENT_TREND_POINTS);
  const periods = recent.map((p) => p.period);
  if (recent.length < RECENT_TREND_POINTS) return unavailable(periods, 'not_enough_points');
  if (recent.some((p) => p.value === null || p.lower === null || p.upper === null))
    return unavailable(periods, 'missing_values');
  const v = recent.map((p) => p.value!);
  const se = recent.map((p) => (p.upper! - p.lower!) / (2 * z));
  if (se.some((s) => !(s > 0))) return unavailable(periods, 'invalid_input');
  const w = se.map((s) => 1 / (s * s));
  const t = timeScores(periods);
  const all = weightedSlope(t, v, w);
  const chiSquare = (all.slope / all.se) ** 2;
  return decide(
    periods,
    chiSquare,
    (keep) => weightedSlope(pick(t, keep), pick(v, keep), pick(w, keep)).slope,
  );
}

/** Applies the significance threshold and the leave-one-out outlier check. */
function decide(
  periods: string[],
  chiSquare: number,
  slopeOf: (keep: (i: number) => boolean) => number,
): RecentTrend {
  const slope = slopeOf(() => true);
  const base = { periods, chiSquare, pValue: chiSquare1dfPValue(chiSquare), slope };
  if (!(chiSquare > CHI_SQUARE_1DF_998))
    return { ...base, marker: 'no_significant_change', reason: 'no_significant_trend' };
  const flips = periods.some((_, left) => Math.sign(slopeOf((i) => i !== left)) !== Math.sign(slope));
  if (flips) return { ...base, marker: 'no_significant_change', reason: 'outlier_found' };
  return { ...base, marker: slope < 0 ? 'decreasing' : 'increasing', reason: 'significant_trend' };
}

/**
 * χ² for trend in proportions: N (N Σrt − R Σnt)² / (R (N − R) (N Σnt² − (Σnt)²)), with r cases of n
 * at time t, R = Σr, N = Σn. 0 when all or none are cases (no variation to test).
 */
export function trendChiSquare(r: readonly number[], n: readonly number[], t: readonly number[]): number {
  let R = 0,
    N = 0,
    rt = 0,
    nt = 0,
    nt2 = 0;
  r.forEach((ri, i) => {
    const ni = n[i]!;
    const ti = t[i]!;
    R += ri;
    N += ni;
    rt += ri * ti;
    nt += ni * ti;
    nt2 += ni * ti * ti;
  });
  const denominator = R * (N - R) * (N * nt2 - nt * nt);
  if (!(denominator > 0)) return 0;
  return (N * (N * rt - R * nt) ** 2) / denominator;
}

/** Years since the first period: shifting time changes neither statistic, and keeps sums small. */
function timeScores(periods: readonly string[]): number[] {
  const years = periods.map(periodDecimalYear);
  return years.map((y) => y - years[0]!);
}

function empiricalLogit(r: number, n: number): number {
  return r === 0 || r === n ? Math.log((r + 0.5) / (n - r + 0.5)) : Math.log(r / (n - r));
}

function olsSlope(t: readonly number[], y: readonly number[]): number {
  return weightedSlope(
    t,
    y,
    t.map(() => 1),
  ).slope;
}

/** Weighted least squares slope and its standard error (weights are inverse variances). */
function weightedSlope(
  t: readonly number[],
  y: readonly number[],
  w: readonly number[],
): { slope: number; se: number } {
  let s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    s5 = 0;
  t.forEach((ti, i) => {
    const wi = w[i]!;
    const yi = y[i]!;
    s1 += wi;
    s2 += wi * yi * ti;
    s3 += wi * ti;
    s4 += wi * yi;
    s5 += wi * ti * ti;
  });
  const d = s1 * s5 - s3 * s3;
  return { slope: (s1 * s2 - s3 * s4) / d, se: Math.sqrt(s1 / d) };
}

function pick<T>(values: readonly T[], keep: (i: number) => boolean): T[] {
  return values.filter((_, i) => keep(i));
}

function unavailable(periods: string[], reason: TrendReason): RecentTrend {
  return { marker: 'cannot_be_calculated', reason, periods, chiSquare: null, pValue: null, slope: null };
}
