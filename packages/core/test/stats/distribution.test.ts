import { describe, expect, it } from 'vitest';
import { quantileSorted, summarizeDistribution } from '../../src/stats/index.ts';

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('matches R quantile() on 1..10', () => {
    // R: quantile(1:10) → 1.00 3.25 5.50 7.75 10.00
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(values, p))).toEqual([1, 3.25, 5.5, 7.75, 10]);
  });

  it('interpolates between unequal gaps like R', () => {
    // R: quantile(c(1, 2, 4, 8, 16), c(.1, .25, .9)) → 1.4 2.0 12.8
    const values = [1, 2, 4, 8, 16];
    expect(quantileSorted(values, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(values, 0.25)).toBe(2);
    expect(quantileSorted(values, 0.9)).toBeCloseTo(12.8, 12);
  });

  it('gives the one value of a single-value set and null for none', () => {
    expect(quantileSorted([7], 0.25)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });

  it('refuses probabilities outside 0..1, naming the value', () => {
    expect(() => quantileSorted([1, 2], 1.5)).toThrow(/1\.5/);
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrow(/NaN/);
  });
});

describe('summarizeDistribution', () => {
  it('sorts, leaves out missing values and counts the rest', () => {
    expect(summarizeDistribution([4, null, 1, 3, undefined, 2, Number.NaN])).toEqual({
      count: 4,
      min: 1,
      p25: 1.75,
      median: 2.5,
      p75: 3.25,
      max: 4,
    });
  });

  it('sorts negative numbers numerically, not as text', () => {
    expect(summarizeDistribution([-10, 2, -3, 11])).toMatchObject({ min: -10, max: 11, median: -0.5 });
  });

  it('is null without any value', () => {
    expect(summarizeDistribution([null, undefined])).toBeNull();
  });
});
