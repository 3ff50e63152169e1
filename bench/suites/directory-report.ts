import type { JobResult } from '../harness.ts';
import type { SuiteResult } from './context.ts';

/**
 * The directory table: per variant the run with the lowest p95 (other load only ever adds latency),
 * its p50/p99 and throughput, the p95 of every run, and the ratio of p95 to the SQL baseline.
 */
export function formatDirectoryTable(suite: SuiteResult): string {
  const best = (results: JobResult[]) =>
    results.reduce((a, b) => ((b.counts.p95Ms ?? 0) < (a.counts.p95Ms ?? 0) ? b : a));
  const baseline = Object.entries(suite.variants).find(([label]) => label.startsWith('PostgreSQL'))?.[1];
  const baseP95 = baseline ? best(baseline).counts.p95Ms! : null;
  const header = [
    'variant',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'CPU s',
    'peak RSS MiB',
    'p95 of each run',
    '× SQL p95',
  ];
  const cells = Object.entries(suite.variants).map(([label, results]) => {
    const b = best(results);
    return [
      label,
      b.counts.p50Ms!.toFixed(2),
      b.counts.p95Ms!.toFixed(2),
      b.counts.p99Ms!.toFixed(2),
      b.counts.perSecond!.toFixed(0),
      b.cpuSeconds.toFixed(2),
      String(Math.round(Math.max(...results.map((r) => r.peakRssMiB)))),
      results.map((r) => r.counts.p95Ms!.toFixed(2)).join(' / '),
      baseP95 ? `${(b.counts.p95Ms! / baseP95).toFixed(2)}×` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const input = Object.entries(suite.input).map(
    ([k, v]) => `${k}: ${typeof v === 'number' ? v.toLocaleString('en') : v}`,
  );
  return [`directory — ${input.join(', ')}`, line(header), ...cells.map(line)].join('\n');
}
