import { describe, expect, it } from 'vitest';
import { classify, classIndex, type ClassifyOptions } from '../../src/classify/index.ts';

const oneToTen = [7, 3, 9, 1, 5, 10, 2, 8, 4, 6];

describe('classify: hand-checked cases', () => {
  it('quantiles cut the ranks as floor(rank·k/n); each limit is the largest value of its class', () => {
    const c = classify(oneToTen, { method: 'quantile', classes: 4 });
    expect(c.breaks).toEqual([3, 5, 8]);
    expect(c.counts).toEqual([3, 2, 3, 2]);
    expect(c.domain).toEqual([1, 10]);
    expect([1, 3, 3.5, 5, 8, 8.1, 10].map(c.classOf)).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('keeps tied values together, in the lower class, and says when classes are empty', () => {
    const c = classify([1, 1, 1, 1, 2, 3], { method: 'quantile', classes: 2 });
    expect(c.breaks).toEqual([1]);
    expect(c.counts).toEqual([4, 2]);
    const flat = classify([5, 5, 5, 5], { method: 'quantile', classes: 3 });
    expect(flat.counts).toEqual([4, 0, 0]);
    expect(flat.warnings).toContain('some limits coincide: empty classes');
  });

  it('equal intervals split the range; a value on a limit belongs to the lower class', () => {
    const c = classify([0, 10, 2, 4.5, 8], { method: 'equal-interval', classes: 5 });
    expect(c.breaks).toEqual([2, 4, 6, 8]);
    expect(c.counts).toEqual([2, 0, 1, 1, 1]);
    expect(c.classOf(2)).toBe(0);
    expect(c.classOf(2.0001)).toBe(1);
    expect(c.classOf(-5)).toBe(0);
    expect(c.classOf(99)).toBe(4);
  });

  it('natural breaks (Fisher–Jenks) find the obvious groups', () => {
    const c = classify([22, 1, 12, 2, 21, 3, 10, 20, 11], { method: 'jenks', classes: 3 });
    expect(c.breaks).toEqual([3, 12]);
    expect(c.counts).toEqual([3, 3, 3]);
    const skewed = classify([1, 1, 1, 2, 2, 50, 51, 100], { method: 'jenks', classes: 3 });
    expect(skewed.breaks).toEqual([2, 51]);
  });

  it('natural breaks give fewer classes, with a warning, when there are fewer distinct values', () => {
    const c = classify([1, 1, 2, 2], { method: 'jenks', classes: 4 });
    expect(c.breaks).toEqual([1]);
    expect(c.counts).toEqual([2, 2]);
    expect(c.warnings).toContain('only 2 distinct values: 2 classes instead of 4');
  });

  it('standard deviations: whole or half steps around the mean, population SD by default', () => {
    const values = [-2, -1, 0, 1, 2]; // mean 0, population SD √2
    const s = Math.SQRT2;
    expect(classify(values, { method: 'sd', classes: 4 }).breaks).toEqual([-s, 0, s]);
    expect(classify(values, { method: 'sd', classes: 3 }).breaks).toEqual([-s / 2, s / 2]);
    expect(classify(values, { method: 'sd', classes: 4, sdStep: 0.5 }).breaks).toEqual([-s / 2, 0, s / 2]);
    const sample = Math.sqrt(2.5);
    const c = classify(values, { method: 'sd', classes: 6, sd: 'sample' });
    expect(c.breaks.map((b) => b / sample)).toEqual([-2, -1, 0, 1, 2]);
    expect(c.counts).toEqual([0, 1, 2, 1, 1, 0]);
  });

  it('manual breaks: k = breaks + 1, limits belong to the class below', () => {
    const c = classify([5, 10, 15, 20, 25], { method: 'manual', breaks: [10, 20] });
    expect(c.classes).toBe(3);
    expect(c.counts).toEqual([2, 2, 1]);
    expect([10, 10.0001, 20, 20.5].map(c.classOf)).toEqual([0, 1, 1, 2]);
  });

  it('a function is a strategy too', () => {
    const halves = (sorted: readonly number[]) => [sorted[Math.floor(sorted.length / 2)]!];
    const c = classify(oneToTen, { method: halves, classes: 2 });
    expect(c.method).toBe('halves');
    expect(c.breaks).toEqual([6]);
  });

  it('counts null, undefined, NaN and ±∞ as missing and never classes them', () => {
    const c = classify([1, null, Number.NaN, 2, undefined, Number.POSITIVE_INFINITY, 3], {
      method: 'quantile',
      classes: 3,
    });
    expect(c.missing).toBe(4);
    expect(c.counts).toEqual([1, 1, 1]);
    expect(c.warnings[0]).toBe('4 missing values (null or not a finite number) were not classed');
    expect([null, undefined, Number.NaN, Number.NEGATIVE_INFINITY].map(c.classOf)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const empty = classify([null, null], { method: 'jenks', classes: 3 });
    expect(empty.counts).toEqual([0]);
    expect(empty.classOf(1)).toBeNull();
    expect(empty.warnings).toContain('no values to classify');
  });

  it('is deterministic: the order of the input does not matter', () => {
    const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 211) / 3);
    const reversed = [...values].reverse();
    for (const method of ['quantile', 'equal-interval', 'jenks', 'sd'] as const) {
      const a = classify(values, { method, classes: 5 });
      const b = classify(reversed, { method, classes: 5 });
      expect(b.breaks).toEqual(a.breaks);
      expect(b.counts).toEqual(a.counts);
    }
  });

  it('classIndex finds the first limit a value does not exceed', () => {
    expect([0, 1, 1.5, 2, 3].map((v) => classIndex([1, 2], v))).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('classify: errors name the bad input', () => {
  const cases: [ClassifyOptions, string][] = [
    [{ method: 'quantile', classes: 1 }, 'classes must be an integer ≥ 2, got 1'],
    [{ method: 'jenks', classes: 2.5 }, 'classes must be an integer ≥ 2, got 2.5'],
    [{ method: 'jenks' }, 'classes must be an integer ≥ 2, got undefined'],
    [
      { method: 'kmeans' as 'jenks', classes: 3 },
      'unknown classification method "kmeans"; expected quantile, equal-interval, jenks, sd, manual or a function',
    ],
    [
      { method: 'manual', breaks: [3, 1] },
      'breaks must be finite numbers in strictly ascending order, got [3,1]',
    ],
    [
      { method: 'manual', breaks: [1, 1] },
      'breaks must be finite numbers in strictly ascending order, got [1,1]',
    ],
    [{ method: 'manual' }, 'breaks must be finite numbers in strictly ascending order, got undefined'],
    [{ method: 'manual', breaks: [] }, 'breaks must hold at least one limit, got []'],
    [
      { method: 'manual', breaks: [1, 2], classes: 4 },
      'classes must be breaks.length + 1 = 3 with manual breaks, got 4',
    ],
    [{ method: 'sd', classes: 4, sdStep: 2 as 1 }, 'sdStep must be 1 or 0.5, got 2'],
    [{ method: 'sd', classes: 4, sd: 'n' as 'sample' }, 'sd must be "population" or "sample", got "n"'],
    [
      { method: () => [2, 1], classes: 3 },
      'the break strategy must return finite numbers in ascending order, got [2,1]',
    ],
  ];
  it.each(cases)('%j', (options, message) => {
    expect(() => classify([1, 2, 3, 4], options)).toThrow(message);
    try {
      classify([1, 2, 3, 4], options);
    } catch (error) {
      expect(error).toMatchObject({ code: 'ValidationFailed' });
    }
  });
});
