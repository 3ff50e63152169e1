import { describe, expect, it } from 'vitest';
import {
  assignQuantiles,
  assignQuantilesByGroup,
  invertForPolarity,
  QUANTILE_NAMES,
  StatWarnings,
} from '../../src/stats/index.ts';
import { hasPhe, num, readSheet, type Row } from './reference-data.ts';

describe('assignQuantiles', () => {
  it('splits 10 distinct values into quintiles of two', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(assignQuantiles(values, { groups: 5, invert: false })).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(assignQuantiles(values, { groups: 5, invert: true })).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('keeps ties together and skips missing values', () => {
    const warnings = new StatWarnings();
    // Ranks (min): 1, 2, 2, 4, 5 of N = 5 → q = floor(6 − ceil((6 − r) / 1)).
    expect(assignQuantiles([10, 20, 20, null, 30, 40], { groups: 5, invert: false, warnings })).toEqual([
      1,
      2,
      2,
      null,
      4,
      5,
    ]);
    expect(warnings.count('missing-input')).toBe(1);
  });

  it('gives no groups when there are fewer values than groups', () => {
    const warnings = new StatWarnings();
    expect(assignQuantiles([1, 2, 3], { groups: 4, warnings })).toEqual([null, null, null]);
    expect(warnings.count('too-few-values')).toBe(3);
    expect(() => assignQuantiles([1], { groups: 1 })).toThrow('invalid groups: 1');
  });

  it('maps polarity to direction so that group 1 is the worst', () => {
    expect(invertForPolarity('higher_is_worse')).toBe(true);
    expect(invertForPolarity('higher_is_better')).toBe(false);
    expect(QUANTILE_NAMES[5]).toBe('Quintile');
  });
});

/** PHE codes polarity as text for real indicators and as a logical for the dummy ones. */
const invertOf = (row: Row) => row.Polarity === true || row.Polarity === 'RAG - Low is good';
const isGood = (row: Row) => String(row.Test).startsWith('Good');

describe.skipIf(!hasPhe)(
  'PHE quantiles, testdata_Quantiles.xlsx (needs ../shared/data/phe-indicator-methods-testdata)',
  () => {
    // The four groupings of PHEindicatormethods' testQuantiles.R; together they cover all 1,017 rows.
    const cases = [
      {
        name: 'deciles within indicator × sex × region, direction by polarity',
        set: 'IndSexReg',
        groups: 10,
        key: (r: Row) => `${r.IndSexRef} ${r.ParentCode}`,
        invert: invertOf as boolean | ((r: Row) => boolean),
      },
      {
        name: 'septiles within indicator × sex, direction by polarity',
        set: 'IndSex',
        groups: 7,
        key: (r: Row) => String(r.IndSexRef),
        invert: invertOf,
      },
      {
        name: 'quartiles over all rows, highest values first',
        set: 'None',
        groups: 4,
        key: () => 'all',
        invert: true,
      },
    ];

    it.each(cases)('$name', async ({ set, groups, key, invert }) => {
      const rows = (await readSheet('testdata_Quantiles.xlsx', 'testdata_Quantiles')).filter(
        (r) => isGood(r) && r.GroupSet === set,
      );
      const actual = assignQuantilesByGroup(rows, {
        groups,
        groupKey: key,
        value: (r) => num(r.Value),
        invert,
      });
      const mismatches = rows
        .filter((r, i) => actual[i] !== num(r.QuantileInGrp))
        .map((r) => `row ${r._row}`);
      expect(mismatches).toEqual([]);
      expect(rows.length).toBeGreaterThan(150);
    });

    it('rejects mixed polarity within a set (BadPolarity rows) and, with one direction, matches their septiles', async () => {
      const rows = (await readSheet('testdata_Quantiles.xlsx', 'testdata_Quantiles')).filter(
        (r) => r.Test === 'BadPolarity',
      );
      const options = {
        groups: 7,
        groupKey: (r: Row) => String(r.IndSexRef),
        value: (r: Row) => num(r.Value),
      };
      expect(() => assignQuantilesByGroup(rows, { ...options, invert: invertOf })).toThrow(
        'invert differs within group: 11111Female',
      );
      const actual = assignQuantilesByGroup(rows, { ...options, invert: true });
      expect(actual).toEqual(rows.map((r) => num(r.QuantileInGrp)));
    });

    it('covers every row of the sheet', async () => {
      const rows = await readSheet('testdata_Quantiles.xlsx', 'testdata_Quantiles');
      expect(rows.length).toBe(1017);
      const covered = rows.filter(
        (r) =>
          r.Test === 'BadPolarity' ||
          (isGood(r) && ['IndSexReg', 'IndSex', 'None'].includes(String(r.GroupSet))),
      );
      expect(covered.length).toBe(1017);
    });
  },
);
