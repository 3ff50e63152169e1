import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.ts';

/** Within-class sum of squared deviations of a partition given by upper-closed limits. */
function withinSS(values: number[], breaks: number[]): number {
  const c = classify(values, { method: 'manual', breaks: breaks.length > 0 ? breaks : [Infinity] });
  const groups = new Map<number, number[]>();
  for (const v of values) groups.set(c.classOf(v)!, [...(groups.get(c.classOf(v)!) ?? []), v]);
  let total = 0;
  for (const g of groups.values()) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    total += g.reduce((a, b) => a + (b - mean) ** 2, 0);
  }
  return total;
}

/** The best partition by trying every choice of k − 1 limits among the distinct values. */
function bruteForce(values: number[], k: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b).slice(0, -1);
  let best = Infinity;
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === k - 1) {
      best = Math.min(best, withinSS(values, chosen));
      return;
    }
    for (let i = start; i < distinct.length; i++) choose(i + 1, [...chosen, distinct[i]!]);
  };
  choose(0, []);
  return best;
}

/** The textbook dynamic programme over the sorted values (ties may split here, so ≤ the grouped optimum). */
function plainDp(values: number[], k: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const ss = (i: number, j: number) => {
    let sum = 0;
    for (let p = i; p <= j; p++) sum += x[p]!;
    const mean = sum / (j - i + 1);
    let total = 0;
    for (let p = i; p <= j; p++) total += (x[p]! - mean) ** 2;
    return total;
  };
  const cost = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (j >= i ? ss(i, j) : 0)),
  );
  let previous = x.map((_, j) => cost[0]![j]!);
  for (let c = 1; c < k; c++) {
    previous = x.map((_, j) => {
      let best = Infinity;
      for (let i = c; i <= j; i++) best = Math.min(best, previous[i - 1]! + cost[i]![j]!);
      return best;
    });
  }
  return previous[n - 1]!;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('natural breaks are the exact Fisher–Jenks optimum', () => {
  it('matches a brute-force search on 60 random series (with ties)', () => {
    const random = seeded(42);
    for (let run = 0; run < 60; run++) {
      const n = 6 + Math.floor(random() * 9);
      const k = 2 + Math.floor(random() * 3);
      const values = Array.from({ length: n }, () => Math.round(random() * 40) / 4);
      const c = classify(values, { method: 'jenks', classes: k });
      expect(withinSS(values, c.breaks)).toBeCloseTo(bruteForce(values, k), 9);
    }
  });

  it('matches the plain O(k·n²) dynamic programme on 400 values', () => {
    const random = seeded(11);
    const values = Array.from({ length: 400 }, () => Math.round(random() ** 2 * 500) / 10);
    for (const k of [2, 4, 7]) {
      const c = classify(values, { method: 'jenks', classes: k });
      expect(withinSS(values, c.breaks)).toBeCloseTo(plainDp(values, k), 6);
    }
  });

  it('handles 5,000 values in 7 classes quickly', () => {
    const random = seeded(7);
    const values = Array.from({ length: 5000 }, () => random() ** 3 * 1000);
    const started = performance.now();
    const c = classify(values, { method: 'jenks', classes: 7 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(c.breaks).toHaveLength(6);
  });
});
