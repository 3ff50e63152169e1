import { describe, expect, it } from 'vitest';
import { areaTypology, kMeans, mulberry32, standardizeColumns } from '../../src/correlate/index.ts';

describe('mulberry32', () => {
  it('is reproducible and uniform enough', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first).not.toEqual(Array.from({ length: 5 }, mulberry32(43)));
    const many = Array.from({ length: 10000 }, mulberry32(7));
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
    expect(many.reduce((s, v) => s + v, 0) / many.length).toBeCloseTo(0.5, 1);
  });
});

describe('standardizeColumns', () => {
  it('uses the sample SD and zeroes constant columns', () => {
    const z = standardizeColumns([
      [1, 5],
      [2, 5],
      [3, 5],
    ]);
    expect(z.means).toEqual([2, 5]);
    expect(z.sds).toEqual([1, 0]);
    expect(z.rows).toEqual([
      [-1, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(z.constantColumns).toEqual([1]);
  });
});

describe('areaTypology', () => {
  // Two obvious groups; x and y both take the values {1, 1, 2, 10, 10, 11}:
  // SS = 327 − 35²/6 = 737/6, sample variance 737/30.
  const table = {
    areaKeys: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    variables: [
      { id: 'x', values: [1, 2, 1, 10, 11, 10, 5] },
      { id: 'y', values: [1, 1, 2, 10, 10, 11, null] },
    ],
  };

  it('finds the groups, with centroids in original units and the within-cluster SS (hand-computed)', () => {
    const result = areaTypology(table, 2, { seed: 3 });
    expect(result.clusters).toEqual([
      { areaKey: 'a', cluster: 0 },
      { areaKey: 'b', cluster: 0 },
      { areaKey: 'c', cluster: 0 },
      { areaKey: 'd', cluster: 1 },
      { areaKey: 'e', cluster: 1 },
      { areaKey: 'f', cluster: 1 },
    ]);
    expect(result.excluded).toEqual(['g']);
    expect(result.centroids[0]![0]).toBeCloseTo(4 / 3, 12);
    expect(result.centroids[0]![1]).toBeCloseTo(4 / 3, 12);
    expect(result.centroids[1]![0]).toBeCloseTo(31 / 3, 12);
    // Per cluster, in original units: 6/9 for x plus 6/9 for y; in z-units divided by 737/30.
    expect(result.withinSS[0]).toBeCloseTo(40 / 737, 12);
    expect(result.withinSS[1]).toBeCloseTo(40 / 737, 12);
    expect(result.totalWithinSS).toBeCloseTo(80 / 737, 12);
    // Total SS of z-values: (n − 1) per column.
    expect(result.totalSS).toBeCloseTo(10, 12);
  });

  it('gives the same clusters for the same seed, with stable labels', () => {
    const random = mulberry32(11);
    const values = () => Array.from({ length: 60 }, () => Math.round(random() * 1000) / 10);
    const data = {
      areaKeys: Array.from({ length: 60 }, (_, i) => `A${String(i).padStart(2, '0')}`),
      variables: [
        { id: 'p', values: values() },
        { id: 'q', values: values() },
        { id: 'r', values: values() },
      ],
    };
    const one = areaTypology(data, 4, { seed: 99 });
    const two = areaTypology(data, 4, { seed: 99 });
    expect(two).toEqual(one);
    expect(one.clusters[0]!.cluster).toBe(0);
    expect(new Set(one.clusters.map((c) => c.cluster))).toEqual(new Set([0, 1, 2, 3]));
    expect(one.totalWithinSS).toBeLessThan(one.totalSS);
  });

  it('refuses more clusters than distinct areas', () => {
    expect(() => kMeans([[1], [1], [2]], 3)).toThrow(
      'cannot form 3 clusters from 2 distinct area profile(s)',
    );
    expect(() => kMeans([[1]], 0)).toThrow('k must be a positive integer, got 0');
  });
});
