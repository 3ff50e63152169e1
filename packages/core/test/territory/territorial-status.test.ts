import { describe, expect, it } from 'vitest';
import { territorialChanges, type Area } from '../../src/index.ts';

const square = (x: number): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const area = (key: string, x: number, validFrom = '2021-01-01'): Area => ({
  levelId: 'gemeinde',
  key,
  name: `G ${key}`,
  parentKey: key.slice(0, 5),
  validFrom,
  validTo: null,
  predecessors: [],
  sourceCrs: 'EPSG:31467',
  geometry: square(x),
  attributes: {},
});
const listed = (key: string, effectiveFrom: string | null = null) => ({
  key,
  name: `G ${key}`,
  parentKey: key.slice(0, 5),
  effectiveFrom,
});

describe('territorialChanges', () => {
  const current = [area('01001001', 0), area('01001002', 1), area('01001003', 2), area('01001004', 3)];

  it('leaves areas that are still listed alone', () => {
    const result = territorialChanges(
      current,
      current.map((a) => listed(a.key)),
      '2022-12-31',
      [],
    );
    expect(result).toEqual({ added: [], ended: [], unchanged: 4, warnings: [] });
  });

  it('forms a new area from its declared predecessors, which end the day it begins', () => {
    const list = [listed('01001001'), listed('01001004'), listed('01001009', '2021-11-01')];
    const result = territorialChanges(current, list, '2022-12-31', [
      { key: '01001009', predecessors: ['01001002', '01001003'] },
    ]);
    expect(result.added).toHaveLength(1);
    const merged = result.added[0]!;
    expect(merged).toMatchObject({
      key: '01001009',
      validFrom: '2021-11-01',
      validTo: null,
      predecessors: ['01001002', '01001003'],
      sourceCrs: 'EPSG:31467',
    });
    expect(merged.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [square(1)!.coordinates, square(2)!.coordinates],
    });
    expect(result.ended.map((a) => [a.key, a.validFrom, a.validTo])).toEqual([
      ['01001002', '2021-01-01', '2021-11-01'],
      ['01001003', '2021-01-01', '2021-11-01'],
    ]);
  });

  it('gives an area that absorbed another a new version and ends the old one', () => {
    const list = [listed('01001001', '2021-07-01'), listed('01001002'), listed('01001003')];
    const result = territorialChanges(current, list, '2022-12-31', [
      { key: '01001001', predecessors: ['01001004'] },
    ]);
    expect(result.added.map((a) => [a.key, a.validFrom, a.predecessors])).toEqual([
      ['01001001', '2021-07-01', ['01001004']],
    ]);
    expect(result.ended.map((a) => [a.key, a.validTo])).toEqual([
      ['01001001', '2021-07-01'],
      ['01001004', '2021-07-01'],
    ]);
  });

  it('ends unlisted areas on the status date when no successor is declared', () => {
    const result = territorialChanges(
      current,
      [listed('01001001'), listed('01001002'), listed('01001003')],
      '2022-12-31',
      [],
    );
    expect(result.ended.map((a) => [a.key, a.validTo])).toEqual([['01001004', '2022-12-31']]);
  });

  it('does not end a predecessor that is still listed (it gave up part of its territory)', () => {
    const list = [...current.map((a) => listed(a.key)), listed('01001010', '2022-01-01')];
    const result = territorialChanges(current, list, '2022-12-31', [
      { key: '01001010', predecessors: ['01001001'] },
    ]);
    expect(result.ended).toEqual([]);
    expect(result.added[0]!.key).toBe('01001010');
  });

  it('warns about predecessors it does not know and effective dates before the current version', () => {
    const result = territorialChanges(
      current,
      [...current.map((a) => listed(a.key)), listed('01001011', '2020-01-01')],
      '2022-12-31',
      [{ key: '01001011', predecessors: ['09999999'] }],
    );
    expect(result.warnings).toEqual(['01001011: predecessor 09999999 is not a current area']);
    const absorbed = territorialChanges(current, [listed('01001001', '2020-06-01')], '2022-12-31', [
      { key: '01001001', predecessors: ['01001002'] },
    ]);
    expect(absorbed.warnings[0]).toContain('not after the current version');
    expect(absorbed.added[0]!.validFrom).toBe('2022-12-31');
  });
});
