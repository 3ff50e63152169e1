import { describe, expect, it } from 'vitest';
import {
  annualGrowthRate,
  changeOverPeriods,
  periodDecimalYear,
  periodEndDate,
  seriesByArea,
} from '../../src/trends/index.ts';

describe('periodEndDate / periodDecimalYear', () => {
  it('reads a period as its reference date', () => {
    expect(periodEndDate('2015')).toBe('2015-12-31');
    expect(periodEndDate('2016-02')).toBe('2016-02-29');
    expect(periodEndDate('2015-06-30')).toBe('2015-06-30');
    expect(() => periodEndDate('31.12.2015')).toThrow(
      'period "31.12.2015" is not YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });

  it('counts 31.12. as the full year, so year-end periods are whole years apart', () => {
    expect(periodDecimalYear('2015')).toBe(2016);
    expect(periodDecimalYear('2015-12-31')).toBe(2016);
    expect(periodDecimalYear('2016-06-30')).toBe(2016 + 182 / 366);
    expect(periodDecimalYear('2020') - periodDecimalYear('2015')).toBe(5);
  });
});

describe('changeOverPeriods', () => {
  const series = [
    { period: '2020', value: 121 },
    { period: '2016', value: 100 },
    { period: '2018', value: 110 },
  ];

  it('compares the last point with the one n positions earlier', () => {
    expect(changeOverPeriods(series, 1)).toEqual({
      ok: true,
      fromPeriod: '2018',
      toPeriod: '2020',
      from: 110,
      to: 121,
      absolute: 11,
      relative: 0.1,
      years: 2,
      annualRate: Math.sqrt(1.1) - 1,
    });
    const overAll = changeOverPeriods(series, 2);
    expect(overAll).toMatchObject({ ok: true, absolute: 21, years: 4 });
    expect(overAll.ok && overAll.relative).toBeCloseTo(0.21, 12);
    expect(overAll.ok && overAll.annualRate).toBeCloseTo(1.21 ** 0.25 - 1, 12);
  });

  it('says why it cannot compare', () => {
    expect(changeOverPeriods(series, 3)).toMatchObject({ ok: false, reason: 'too_short' });
    expect(changeOverPeriods([...series, { period: '2021', value: null }], 1)).toEqual({
      ok: false,
      reason: 'missing_value',
      fromPeriod: '2020',
      toPeriod: '2021',
    });
    expect(() => changeOverPeriods([...series, { period: '2020', value: 1 }])).toThrow(
      'time series has period 2020 twice',
    );
  });

  it('gives no relative change from 0', () => {
    expect(
      changeOverPeriods([
        { period: '2019', value: 0 },
        { period: '2020', value: 5 },
      ]),
    ).toMatchObject({
      absolute: 5,
      relative: null,
      annualRate: null,
    });
  });
});

describe('annualGrowthRate', () => {
  it('is the compound rate over the exact time between reference dates', () => {
    expect(annualGrowthRate(100, 161.051, periodDecimalYear('2020') - periodDecimalYear('2015'))).toBeCloseTo(
      0.1,
      12,
    );
    // 31.12.2015 and the year 2017 (31.12.2017) are exactly two years apart.
    expect(
      annualGrowthRate(100, 121, periodDecimalYear('2017') - periodDecimalYear('2015-12-31')),
    ).toBeCloseTo(0.1, 12);
    expect(annualGrowthRate(100, 50, 1)).toBe(-0.5);
  });

  it('is undefined for non-positive starts, negative ends and no elapsed time', () => {
    expect(annualGrowthRate(0, 5, 1)).toBeNull();
    expect(annualGrowthRate(-1, 5, 1)).toBeNull();
    expect(annualGrowthRate(1, -5, 1)).toBeNull();
    expect(annualGrowthRate(1, 5, 0)).toBeNull();
  });
});

describe('seriesByArea', () => {
  it('groups one indicator by area, sorted, with missing values as null', () => {
    const o = (areaKey: string, period: string, value: number | null) => ({
      indicatorId: 'x',
      levelId: 'l',
      areaKey,
      period,
      value,
      numerator: null,
      denominator: null,
      status: value === null ? ('missing' as const) : ('final' as const),
      missingReason: value === null ? ('secret' as const) : null,
    });
    const result = seriesByArea(
      [
        o('A', '2021', 2),
        o('A', '2020', 1),
        o('B', '2020', null),
        { ...o('A', '2019', 0), indicatorId: 'y' },
      ],
      'x',
    );
    expect(Object.fromEntries(result)).toEqual({
      A: [
        { period: '2020', value: 1 },
        { period: '2021', value: 2 },
      ],
      B: [{ period: '2020', value: null }],
    });
  });
});
