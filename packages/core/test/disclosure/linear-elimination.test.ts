import { describe, expect, it } from 'vitest';
import { determinedUnknowns } from '../../src/disclosure/linear-elimination.ts';

const eq = (terms: Record<number, number>, rhs: number) => ({
  cols: Object.keys(terms).map(Number),
  coefs: Object.values(terms),
  rhs,
});

describe('determinedUnknowns (exact Gauss–Jordan)', () => {
  it('finds unknowns pinned only by a combination of equations', () => {
    // x + y = 3, y + z = 5, x + z = 4 → x = 1, y = 2, z = 3
    const found = determinedUnknowns([eq({ 0: 1, 1: 1 }, 3), eq({ 1: 1, 2: 1 }, 5), eq({ 0: 1, 2: 1 }, 4)]);
    expect(Object.fromEntries(found)).toEqual({ 0: 1, 1: 2, 2: 3 });
  });

  it('leaves unknowns free when the equations only fix their sums', () => {
    // A 2 × 2 table with its row and column sums: every cell can move by ±t.
    const found = determinedUnknowns([
      eq({ 0: 1, 1: 1 }, 5),
      eq({ 2: 1, 3: 1 }, 7),
      eq({ 0: 1, 2: 1 }, 6),
      eq({ 1: 1, 3: 1 }, 6),
    ]);
    expect(found.size).toBe(0);
  });

  it('separates the determined part from the free part of one system', () => {
    // a − b = 0, b − c = 0, a + c = 4 → all 2; d + e = 9 stays free.
    const found = determinedUnknowns([
      eq({ 0: 1, 1: -1 }, 0),
      eq({ 1: 1, 2: -1 }, 0),
      eq({ 0: 1, 2: 1 }, 4),
      eq({ 3: 1, 4: 1 }, 9),
    ]);
    expect(Object.fromEntries(found)).toEqual({ 0: 2, 1: 2, 2: 2 });
  });

  it('ignores repeated equations and keeps going after a contradiction', () => {
    const found = determinedUnknowns([eq({ 0: 1, 1: 1 }, 3), eq({ 0: 2, 1: 2 }, 6), eq({ 0: 1, 1: 1 }, 4)]);
    expect(found.size).toBe(0);
  });

  it('stays exact when coefficients outgrow doubles (BigInt fallback)', () => {
    // Integer coefficients whose elimination products exceed 2^53: the double run must not decide.
    const big = 2 ** 40;
    const found = determinedUnknowns([eq({ 0: big, 1: 1 }, big + 1), eq({ 0: 1, 1: big }, big + 1)]);
    expect([...found.keys()].sort()).toEqual([0, 1]);
    expect(found.get(0)).toBeCloseTo(1, 6);
    expect(found.get(1)).toBeCloseTo(1, 6);
    // Nearly dependent but not dependent: 2^40·x + y and (2^40 + 1)·x + y … still both determined.
    const near = determinedUnknowns([eq({ 0: big, 1: 1 }, big), eq({ 0: big + 1, 1: 1 }, big + 1)]);
    expect(Object.fromEntries(near)).toEqual({ 0: 1, 1: 0 });
    // And truly dependent with huge coefficients: nothing is determined.
    const dependent = determinedUnknowns([
      eq({ 0: big, 1: big + 1 }, 1),
      eq({ 0: 2 * big, 1: 2 * big + 2 }, 2),
    ]);
    expect(dependent.size).toBe(0);
  });
});
