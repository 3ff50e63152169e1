import { describe, expect, it } from 'vitest';
import { poolPeriods } from '../../src/disclosure/index.ts';
import { obs } from './fixtures.ts';

const series = (areaKey: string, values: Record<string, number | null>) =>
  Object.entries(values).map(([period, value]) =>
    obs(
      'g',
      areaKey,
      value,
      value === null ? { period, status: 'missing', missingReason: 'later' } : { period },
    ),
  );

describe('poolPeriods', () => {
  it('sums counts over blocks of n consecutive periods that end with the latest one', () => {
    const input = series('a', { 2017: 1, 2018: 2, 2019: 0, 2020: 1, 2021: 2, 2022: 2, 2023: 1 });
    const { observations, dropped, warnings } = poolPeriods(input, { periods: 3 });
    expect(observations.map((o) => [o.pooledFrom, o.period, o.value, o.status])).toEqual([
      ['2018', '2020', 3, 'final'],
      ['2021', '2023', 5, 'final'],
    ]);
    expect(observations[0]).toMatchObject({
      indicatorId: 'cases',
      levelId: 'g',
      areaKey: 'a',
      pooledPeriods: 3,
    });
    // 2017 is in no complete block and is not published on its own either.
    expect(dropped).toEqual(['2017']);
    expect(warnings).toEqual([]);
  });

  it('never makes rolling windows, whose differences would give single years away', () => {
    const { observations } = poolPeriods(series('a', { 2020: 1, 2021: 1, 2022: 1, 2023: 1 }), { periods: 2 });
    expect(observations.map((o) => `${o.pooledFrom}–${o.period}`)).toEqual(['2020–2021', '2022–2023']);
  });

  it('makes a block missing when one period is missing, and confidential when one is', () => {
    const input = [
      ...series('a', { 2021: 4, 2022: null }),
      ...series('b', { 2021: 4 }),
      obs('g', 'c', 3, { period: '2021' }),
      obs('g', 'c', null, { period: '2022', status: 'missing', missingReason: 'secret' }),
    ];
    const pooled = poolPeriods(input, { periods: 2 }).observations;
    expect(pooled.map((o) => [o.areaKey, o.value, o.status, o.missingReason])).toEqual([
      ['a', null, 'missing', 'later'],
      ['b', null, 'missing', 'not_reported'],
      ['c', null, 'suppressed', 'suppressed'],
    ]);
  });

  it('re-derives pooled shares from the summed counts, never by averaging', () => {
    const input = [
      obs('g', 'a', 50, { period: '2021', numerator: 1, denominator: 2, status: 'provisional' }),
      obs('g', 'a', 10, { period: '2022', numerator: 2, denominator: 20 }),
    ];
    const [pooled] = poolPeriods(input, { periods: 2, ratePer: 100 }).observations;
    expect(pooled).toMatchObject({ numerator: 3, denominator: 22, status: 'provisional' });
    expect(pooled!.value).toBeCloseTo((100 * 3) / 22, 10);
  });

  it('does not pool across a gap in yearly periods', () => {
    const { observations, dropped, warnings } = poolPeriods(
      series('a', { 2019: 1, 2021: 1, 2022: 1, 2023: 1 }),
      {
        periods: 2,
      },
    );
    expect(observations.map((o) => o.period)).toEqual(['2023']);
    expect(dropped).toEqual(['2019', '2021']);
    expect(warnings).toEqual(['block 2019–2021 is not consecutive (2020 is missing); not pooled']);
  });

  it('rejects a block length below 2 and a bad ratePer', () => {
    expect(() => poolPeriods([], { periods: 1 })).toThrow(
      'invalid periods: 1 (expected a whole number >= 2)',
    );
    expect(() => poolPeriods([], { periods: 2, ratePer: 0 })).toThrow('invalid ratePer: 0');
  });
});
