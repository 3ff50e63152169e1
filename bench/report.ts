import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { median, REPO_ROOT, round, type JobResult } from './harness.ts';
import type { SuiteResult } from './suites/context.ts';

/**
 * Best (fastest) run, median and slowest run of one variant. The best run is the headline figure:
 * other load on the machine only ever adds time, so the fastest run is the least disturbed one.
 * Phases and CPU time are those of the best run; peak memory is the highest of all runs.
 */
export interface VariantSummary {
  variant: string;
  runs: number;
  bestSeconds: number;
  medianSeconds: number;
  maxSeconds: number;
  bestCpuSeconds: number;
  maxPeakRssMiB: number;
  phases: Record<string, number>;
  /** Counts of the best run (the same in every run). */
  counts: Record<string, number>;
}

export function summarize(results: JobResult[], variant: string): VariantSummary {
  const best = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const seconds = results.map((r) => r.seconds);
  return {
    variant,
    runs: results.length,
    bestSeconds: best.seconds,
    medianSeconds: round(median(seconds), 3),
    maxSeconds: Math.max(...seconds),
    bestCpuSeconds: best.cpuSeconds,
    maxPeakRssMiB: Math.round(Math.max(...results.map((r) => r.peakRssMiB))),
    phases: Object.fromEntries(Object.entries(best.phases ?? {}).map(([p, v]) => [p, round(v, 2)])),
    counts: best.counts,
  };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  duckdbNodeApi: string;
}

export function machine(): Machine {
  const require = createRequire(import.meta.url);
  const duckdbPackage = join(dirname(require.resolve('@duckdb/node-api')), '..', 'package.json');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    duckdbNodeApi: (JSON.parse(readFileSync(duckdbPackage, 'utf8')) as { version: string }).version,
  };
}

/**
 * Which product code was measured: the commit, and the product files that differ from it (figures
 * taken on a working tree with changes belong to that tree, not to the commit).
 */
export function productSource(): { commit: string; uncommitted: string[]; diffHash: string | null } {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  // The code and data the benchmarks run (the atlas benchmark also runs the server and the web app).
  const paths = [
    '--',
    'packages/core',
    'packages/importers',
    'packages/store',
    'packages/analysis',
    'apps/server/src',
    'apps/web/src',
    'demo',
  ];
  const status = git('status', '--porcelain', ...paths);
  const diff = git('diff', 'HEAD', ...paths);
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommitted: status ? status.split('\n').map((line) => line.trim().replace(/^\S+\s+/, '')) : [],
    /** Tells two runs on different uncommitted states apart. */
    diffHash: diff ? createHash('sha256').update(diff).digest('hex').slice(0, 12) : null,
  };
}

/** The plain-text table for stdout: one block per suite. */
export function formatTable(suite: SuiteResult, summaries: VariantSummary[]): string {
  const baseline = [...summaries].reverse().find((s) => s.variant.startsWith('DuckDB'));
  const input = Object.entries(suite.input).map(
    ([k, v]) => `${k}: ${typeof v === 'number' ? v.toLocaleString('en') : v}`,
  );
  const header = [
    'variant',
    'best s',
    'median s',
    'max s',
    'CPU s',
    'peak RSS MiB',
    `× ${baseline?.variant ?? 'baseline'}`,
    'phases of the best run (s)',
    'counts',
  ];
  const rows = summaries.map((s) => [
    s.variant,
    s.bestSeconds.toFixed(2),
    s.medianSeconds.toFixed(2),
    s.maxSeconds.toFixed(2),
    s.bestCpuSeconds.toFixed(2),
    String(s.maxPeakRssMiB),
    baseline ? `${(s.bestSeconds / baseline.bestSeconds).toFixed(1)}×` : '',
    Object.entries(s.phases)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(' · '),
    Object.entries(s.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(' · '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const runs = summaries[0]?.runs ?? 0;
  return [
    `${suite.name} (${input.join(', ')}; ${runs} run(s), best run first)`,
    line(header),
    ...rows.map(line),
    `setup (untimed): ${suite.setup.map((s) => `${s.seconds.toFixed(1)} s`).join(', ')}`,
  ].join('\n');
}
