import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.ts';
import { areaTable, midRanks, correlationMatrix, pearson, spearman } from '../../src/correlate/index.ts';

describe('pearson and spearman', () => {
  it('match hand-computed values', () => {
    // dx = −2..2, dy = −2, 0, 1, 0, 1: Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6 / √60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    // Ranks of y with ties: 1, 2.5, 4.5, 2.5, 4.5 → Σdxdy = 7, Σdy² = 9 → ρ = 7 / √90.
    expect(midRanks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(90), 12);
  });

  it('is ±1 for monotonic data under Spearman even when not linear', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBe(1);
    expect(pearson([1, 2, 3, 4], [1, 8, 27, 64])).toBeLessThan(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it('is null for fewer than 3 pairs or a constant series', () => {
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

describe('correlationMatrix', () => {
  it('uses pairwise complete areas and reports n per pair', () => {
    const matrix = correlationMatrix([
      { id: 'x', values: [1, 2, 3, 4, 5, null] },
      { id: 'y', values: [2, 4, 5, 4, 5, 9] },
      { id: 'z', values: [null, null, 1, 2, 3, 4] },
    ]);
    expect(matrix.ids).toEqual(['x', 'y', 'z']);
    expect(matrix.n).toEqual([
      [5, 5, 3],
      [5, 6, 4],
      [3, 4, 4],
    ]);
    expect(matrix.r[0]![1]).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(matrix.r[1]![0]).toBe(matrix.r[0]![1]);
    expect(matrix.r[0]![2]).toBeCloseTo(1, 12);
    expect(matrix.r[0]![0]).toBe(1);
  });

  it('ranks Spearman pairs within their complete areas', () => {
    const matrix = correlationMatrix(
      [
        { id: 'x', values: [1, 2, 3, 4, 5, 100] },
        { id: 'y', values: [2, 4, 5, 4, 5, null] },
      ],
      'spearman',
    );
    expect(matrix.r[0]![1]).toBeCloseTo(7 / Math.sqrt(90), 12);
  });

  it('rejects variables of different lengths, naming the variable', () => {
    expect(() =>
      correlationMatrix([
        { id: 'x', values: [1, 2, 3] },
        { id: 'y', values: [1, 2] },
      ]),
    ).toThrow('variable "y" has 2 values, expected 3');
  });
});

describe('areaTable', () => {
  it('lays indicators side by side per area, missing as null', () => {
    const o = (indicatorId: string, areaKey: string, value: number | null, period = '2020'): Observation => ({
      indicatorId,
      levelId: 'plr',
      areaKey,
      period,
      value,
      numerator: null,
      denominator: null,
      status: value === null ? 'missing' : 'final',
      missingReason: value === null ? 'secret' : null,
    });
    const table = areaTable(
      [o('a', 'K2', 1), o('a', 'K1', 2), o('b', 'K1', null), o('b', 'K2', 3), o('a', 'K1', 9, '2019')],
      ['a', 'b'],
      {
        levelId: 'plr',
        period: '2020',
      },
    );
    expect(table).toEqual({
      areaKeys: ['K1', 'K2'],
      variables: [
        { id: 'a', values: [2, 1] },
        { id: 'b', values: [null, 3] },
      ],
    });
  });
});
