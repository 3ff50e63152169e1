import { describe, expect, it } from 'vitest';
import {
  CHI_SQUARE_1DF_998,
  assessTrend,
  chiSquare1dfPValue,
  recentTrendForIntervals,
  recentTrendForProportions,
  trendChiSquare,
} from '../../src/trends/index.ts';

const years = ['2016', '2017', '2018', '2019', '2020'];
const counts = (numerators: (number | null)[], denominator = 100, periods = years) =>
  numerators.map((numerator, i) => ({ period: periods[i]!, numerator, denominator }));

describe('trendChiSquare (χ² test for trend in proportions)', () => {
  it("matches R's prop.trend.test on its documented example (X-squared = 8.2249, p = 0.004132)", () => {
    const chi = trendChiSquare([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4]);
    expect(chi).toBeCloseTo(8.2249, 4);
    expect(chiSquare1dfPValue(chi)).toBeCloseTo(0.004132, 5);
  });

  it('is 1000/21 for 10, 20, 30, 40, 50 of 100 (hand-computed)', () => {
    // N = 500, R = 150, Σrt = 550, Σnt = 1500, Σnt² = 5500:
    // 500 · (500·550 − 150·1500)² / (150 · 350 · (500·5500 − 1500²)) = 1.25e12 / 2.625e10.
    expect(trendChiSquare([10, 20, 30, 40, 50], [100, 100, 100, 100, 100], [1, 2, 3, 4, 5])).toBeCloseTo(
      1000 / 21,
      10,
    );
  });

  it('does not depend on where time starts', () => {
    const r = [3, 5, 4, 9, 12];
    const n = [50, 60, 55, 70, 80];
    expect(trendChiSquare(r, n, [2016, 2017, 2018, 2019, 2020])).toBeCloseTo(
      trendChiSquare(r, n, [0, 1, 2, 3, 4]),
      8,
    );
  });

  it('uses the 99.8 % point of χ²₁', () => {
    expect(chiSquare1dfPValue(CHI_SQUARE_1DF_998)).toBeCloseTo(0.002, 6);
  });
});

describe('recentTrendForProportions (Fingertips recent trend)', () => {
  it('marks a significant rise without outliers as increasing', () => {
    const trend = recentTrendForProportions(counts([10, 20, 30, 40, 50]));
    expect(trend).toMatchObject({ marker: 'increasing', reason: 'significant_trend', periods: years });
    expect(trend.chiSquare).toBeCloseTo(1000 / 21, 8);
    expect(trend.slope).toBeGreaterThan(0);
  });

  it('marks a significant fall as decreasing', () => {
    expect(recentTrendForProportions(counts([50, 40, 30, 20, 10]))).toMatchObject({ marker: 'decreasing' });
  });

  it('refuses a trend carried by one point: 30, 29, 28, 27, 60 of 100', () => {
    // χ² = 500 · (500·580 − 174·1500)² / (174 · 326 · 500000) = 14.826 > 9.5495, so significant;
    // but without the last point the logit slope is negative, so one point drives the "rise".
    const trend = recentTrendForProportions(counts([30, 29, 28, 27, 60]));
    expect(trend.chiSquare).toBeCloseTo(420_500_000_000 / 28_362_000_000, 8);
    expect(trend).toMatchObject({ marker: 'no_significant_change', reason: 'outlier_found' });
  });

  it('finds no significant change in noise', () => {
    expect(recentTrendForProportions(counts([10, 11, 10, 11, 10]))).toMatchObject({
      marker: 'no_significant_change',
      reason: 'no_significant_trend',
    });
  });

  it('uses only the five most recent points, in period order', () => {
    const seven = ['2014', '2015', ...years];
    const shuffled = counts([90, 1, 10, 20, 30, 40, 50], 100, seven).reverse();
    expect(recentTrendForProportions(shuffled)).toMatchObject({ marker: 'increasing', periods: years });
  });

  it('cannot be calculated from fewer than five points, missing counts or impossible counts', () => {
    expect(recentTrendForProportions(counts([1, 2, 3, 4]))).toMatchObject({
      marker: 'cannot_be_calculated',
      reason: 'not_enough_points',
    });
    expect(recentTrendForProportions(counts([1, 2, null, 4, 5]))).toMatchObject({ reason: 'missing_values' });
    expect(recentTrendForProportions(counts([1, 2, 3, 4, 500]))).toMatchObject({ reason: 'invalid_input' });
  });

  it('handles a zero count with the empirical logit', () => {
    expect(recentTrendForProportions(counts([0, 10, 20, 30, 40]))).toMatchObject({ marker: 'increasing' });
  });
});

describe('recentTrendForIntervals', () => {
  const interval = (values: number[], se: number) =>
    values.map((value, i) => ({
      period: years[i]!,
      value,
      lower: value - 1.959964 * se,
      upper: value + 1.959964 * se,
    }));

  it('tests the weighted slope: values 1..5 with SE 1 give χ² = 10 (hand-computed)', () => {
    // t = 0..4, w = 1: slope = (5·40 − 10·15) / (5·30 − 10²) = 1, SE = √(5/50), χ² = 1 / 0.1 = 10.
    const trend = recentTrendForIntervals(interval([1, 2, 3, 4, 5], 1));
    expect(trend.slope).toBeCloseTo(1, 10);
    expect(trend.chiSquare).toBeCloseTo(10, 8);
    expect(trend.marker).toBe('increasing');
  });

  it('is not significant with SE 1.1 (χ² = 10 / 1.21 = 8.26)', () => {
    const trend = recentTrendForIntervals(interval([1, 2, 3, 4, 5], 1.1));
    expect(trend.chiSquare).toBeCloseTo(10 / 1.21, 8);
    expect(trend.marker).toBe('no_significant_change');
  });

  it('refuses a trend carried by one point', () => {
    expect(recentTrendForIntervals(interval([5, 4.9, 4.8, 4.7, 12], 0.5))).toMatchObject({
      reason: 'outlier_found',
    });
  });

  it('cannot be calculated without intervals', () => {
    const points = interval([1, 2, 3, 4, 5], 1).map((p, i) => (i === 2 ? { ...p, lower: null } : p));
    expect(recentTrendForIntervals(points)).toMatchObject({ reason: 'missing_values' });
    expect(recentTrendForIntervals(interval([1, 2, 3, 4, 5], 0))).toMatchObject({ reason: 'invalid_input' });
  });
});

describe('assessTrend', () => {
  it('reads the marker through the polarity', () => {
    expect(assessTrend('increasing', 'higher_is_worse')).toBe('worsening');
    expect(assessTrend('decreasing', 'higher_is_worse')).toBe('improving');
    expect(assessTrend('increasing', 'higher_is_better')).toBe('improving');
    expect(assessTrend('decreasing', 'higher_is_better')).toBe('worsening');
    expect(assessTrend('increasing', 'neutral')).toBe('no_judgement');
    expect(assessTrend('no_significant_change', 'higher_is_worse')).toBe('no_significant_change');
  });
});
