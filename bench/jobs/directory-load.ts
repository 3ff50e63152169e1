import { round } from '../harness.ts';

/** What every directory job reports besides its wall time. */
export interface LoadFigures {
  requests: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  perSecond: number;
}

/**
 * Fires `requests` calls of `call(i)` from `concurrency` clients, each starting its next request when
 * its previous one answered (a closed loop, like users waiting for a page), and measures every
 * request from send to complete answer.
 */
export async function runLoad(
  requests: number,
  concurrency: number,
  call: (i: number) => Promise<void>,
): Promise<{ latenciesMs: Float64Array; seconds: number }> {
  const latenciesMs = new Float64Array(requests);
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < requests; i = next++) {
      const t = performance.now();
      await call(i);
      latenciesMs[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
}

/** Percentiles by the nearest-rank method, in ms, and throughput. */
export function figures(latenciesMs: Float64Array, seconds: number, concurrency: number): LoadFigures {
  const sorted = Float64Array.from(latenciesMs).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    requests: sorted.length,
    concurrency,
    p50Ms: round(rank(50), 2),
    p95Ms: round(rank(95), 2),
    p99Ms: round(rank(99), 2),
    maxMs: round(sorted[sorted.length - 1]!, 2),
    meanMs: round(sum / sorted.length, 2),
    perSecond: round(sorted.length / seconds, 1),
  };
}

/** Totals and first ids of the first queries, written by the Lagebild job for the baseline to compare. */
export interface DirectoryCheck {
  queries: { total: number; ids: string[] }[];
}

export const CHECKED_QUERIES = 200;
