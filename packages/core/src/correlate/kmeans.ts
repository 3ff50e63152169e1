import { DomainError } from '../domain/errors.ts';
import { mulberry32 } from './random.ts';

export interface KMeansOptions {
  seed?: number;
  /** Independent k-means++ starts; the one with the smallest within-cluster SS wins. */
  restarts?: number;
  maxIterations?: number;
}

export interface KMeansResult {
  /** Cluster per point, numbered by first appearance in point order, so labels are stable. */
  assignments: number[];
  centroids: number[][];
  /** Within-cluster sum of squared distances, per cluster. */
  withinSS: number[];
  totalWithinSS: number;
  iterations: number;
}

/**
 * Lloyd's k-means with k-means++ initialisation (Arthur & Vassilvitskii 2007) and a seeded generator,
 * so the same data and seed always give the same clusters.
 */
export function kMeans(
  points: readonly (readonly number[])[],
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  validate(points, k);
  const random = mulberry32(options.seed ?? 1);
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.restarts ?? 10); run++) {
    const result = lloyd(points, initialCentroids(points, k, random), options.maxIterations ?? 100);
    if (!best || result.totalWithinSS < best.totalWithinSS - 1e-12) best = result;
  }
  return relabel(best!);
}

function validate(points: readonly (readonly number[])[], k: number): void {
  if (!Number.isInteger(k) || k < 1)
    throw new DomainError('ValidationFailed', `k must be a positive integer, got ${k}`, { k });
  const distinct = new Set(points.map((p) => p.join(','))).size;
  if (distinct < k)
    throw new DomainError(
      'ValidationFailed',
      `cannot form ${k} clusters from ${distinct} distinct area profile(s)`,
      { k, distinct },
    );
}

/** k-means++: each further centre is drawn with probability proportional to its squared distance. */
function initialCentroids(
  points: readonly (readonly number[])[],
  k: number,
  random: () => number,
): number[][] {
  const centroids = [[...points[Math.floor(random() * points.length)]!]];
  while (centroids.length < k) {
    const d2 = points.map((p) => Math.min(...centroids.map((c) => squaredDistance(p, c))));
    const total = d2.reduce((s, d) => s + d, 0);
    let target = random() * total;
    let index = d2.findIndex((d) => (target -= d) < 0);
    if (index < 0) index = d2.findLastIndex((d) => d > 0);
    centroids.push([...points[index]!]);
  }
  return centroids;
}

function lloyd(
  points: readonly (readonly number[])[],
  centroids: number[][],
  maxIterations: number,
): KMeansResult {
  let assignments = points.map(() => -1);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const next = points.map((p) => nearest(p, centroids));
    const changed = next.some((c, i) => c !== assignments[i]);
    assignments = next;
    if (!changed) break;
    centroids = updateCentroids(points, assignments, centroids);
  }
  const withinSS = centroids.map(() => 0);
  points.forEach((p, i) => (withinSS[assignments[i]!]! += squaredDistance(p, centroids[assignments[i]!]!)));
  return { assignments, centroids, withinSS, totalWithinSS: withinSS.reduce((s, v) => s + v, 0), iterations };
}

/** Cluster means; an emptied cluster takes over the point farthest from its centre, to keep k clusters. */
function updateCentroids(
  points: readonly (readonly number[])[],
  assignments: number[],
  old: number[][],
): number[][] {
  const dims = points[0]!.length;
  const sums = old.map(() => new Array<number>(dims).fill(0));
  const counts = old.map(() => 0);
  points.forEach((p, i) => {
    const c = assignments[i]!;
    counts[c]!++;
    p.forEach((v, j) => (sums[c]![j]! += v));
  });
  const centroids = sums.map((s, c) => (counts[c]! > 0 ? s.map((v) => v / counts[c]!) : old[c]!));
  counts.forEach((count, c) => {
    if (count > 0) return;
    const far = points.reduce(
      (best, p, i) => {
        const d = squaredDistance(p, centroids[assignments[i]!]!);
        return d > best.d ? { i, d } : best;
      },
      { i: 0, d: -1 },
    );
    centroids[c] = [...points[far.i]!];
    assignments[far.i] = c;
  });
  return centroids;
}

function nearest(point: readonly number[], centroids: readonly number[][]): number {
  let best = 0;
  let bestD = Infinity;
  centroids.forEach((c, i) => {
    const d = squaredDistance(point, c);
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
}

function relabel(result: KMeansResult): KMeansResult {
  const mapping = new Map<number, number>();
  for (const c of result.assignments) if (!mapping.has(c)) mapping.set(c, mapping.size);
  result.centroids.forEach((_, c) => {
    if (!mapping.has(c)) mapping.set(c, mapping.size);
  });
  const order = [...mapping.entries()].sort((a, b) => a[1] - b[1]).map(([old]) => old);
  return {
    ...result,
    assignments: result.assignments.map((c) => mapping.get(c)!),
    centroids: order.map((old) => result.centroids[old]!),
    withinSS: order.map((old) => result.withinSS[old]!),
  };
}
