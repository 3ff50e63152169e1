import { describe, expect, it } from 'vitest';
import type { Value } from '../src/api/types.ts';
import type { AreaRow } from '../src/lib/area-rows.ts';
import { matchingPeriod, regressionEnds, scatterData } from '../src/lib/scatter-data.ts';

const row = (key: string, value: number | null): AreaRow => ({
  key,
  name: `Area ${key}`,
  parentKey: null,
  value,
  status: value === null ? 'missing' : 'final',
  missingReason: null,
  numerator: null,
  denominator: null,
});

const value = (areaKey: string, v: number | null): Value => ({
  areaKey,
  areaName: null,
  period: '2016',
  value: v,
  numerator: null,
  denominator: null,
  status: v === null ? 'missing' : 'final',
  missingReason: v === null ? 'secret' : null,
  batchId: 1,
});

describe('scatter data', () => {
  it('pairs areas by key, counts those left out by reason and fits the line', () => {
    const rows = [
      row('a', 2),
      row('b', 4),
      row('c', 5),
      row('d', 4),
      row('e', 5),
      row('f', null),
      row('g', 7),
      row('h', null),
    ];
    const xs = [
      value('a', 1),
      value('b', 2),
      value('c', 3),
      value('d', 4),
      value('e', 5),
      value('f', 6),
      value('g', null),
      value('z', 9),
    ];
    const data = scatterData(rows, xs);
    expect(data.points.map((p) => [p.key, p.x, p.y])).toEqual([
      ['a', 1, 2],
      ['b', 2, 4],
      ['c', 3, 5],
      ['d', 4, 4],
      ['e', 5, 5],
    ]);
    // f has x but no y; g has y but no x; h has neither; z is not an area of the map
    expect(data.total).toBe(8);
    expect(data.leftOut).toEqual({ noY: 1, noX: 1, neither: 1 });
    expect(data.fit.n).toBe(5);
    expect(data.fit.r).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(data.fit.line!.slope).toBeCloseTo(0.6, 12);
    expect(regressionEnds(data)).toEqual([
      [1, expect.closeTo(2.8, 12)],
      [5, expect.closeTo(5.2, 12)],
    ]);
  });

  it('has no line without points', () => {
    const data = scatterData([row('a', 1)], []);
    expect(data.points).toEqual([]);
    expect(data.fit).toEqual({ n: 0, line: null, r: null, r2: null });
    expect(regressionEnds(data)).toBeNull();
  });

  it('matches the period of the second indicator to the map’s', () => {
    expect(matchingPeriod(['2015', '2016', '2017'], '2016')).toBe('2016');
    // the same year in another granularity, else the latest before, else the earliest after
    expect(matchingPeriod(['2015-12-31', '2016-06-30', '2016-12-31'], '2016')).toBe('2016-12-31');
    expect(matchingPeriod(['2015-12-31'], '2016')).toBe('2015-12-31');
    expect(matchingPeriod(['2003', '2005', '2019'], '2016')).toBe('2005');
    expect(matchingPeriod(['2019', '2020'], '2016')).toBe('2019');
    expect(matchingPeriod([], '2016')).toBeNull();
  });
});
