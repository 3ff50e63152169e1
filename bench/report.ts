import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { median, round, type JobResult } from './harness.ts';
import type { SuiteResult } from './suites/context.ts';

/** Median, min and max over the runs of one variant; phases and peak memory as medians. */
export interface VariantSummary {
  variant: string;
  runs: number;
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  medianPeakRssMiB: number;
  phases: Record<string, number>;
  /** Counts of the last run (the same in every run). */
  counts: Record<string, number>;
}

export function summarize(results: JobResult[], variant: string): VariantSummary {
  const seconds = results.map((r) => r.seconds);
  const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.phases ?? {})))];
  return {
    variant,
    runs: results.length,
    medianSeconds: round(median(seconds), 3),
    minSeconds: Math.min(...seconds),
    maxSeconds: Math.max(...seconds),
    medianPeakRssMiB: round(median(results.map((r) => r.peakRssMiB)), 0),
    phases: Object.fromEntries(phaseNames.map((p) => [p, round(median(results.map((r) => r.phases?.[p] ?? 0)), 2)])),
    counts: results.at(-1)?.counts ?? {},
  };
}

export function machine(): Record<string, string | number> {
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

/** The plain-text table for stdout: one block per suite. */
export function formatTable(suite: SuiteResult, summaries: VariantSummary[]): string {
  const baseline = [...summaries].reverse().find((s) => s.variant.startsWith('DuckDB'));
  const input = Object.entries(suite.input).map(([k, v]) => `${k}: ${typeof v === 'number' ? v.toLocaleString('en') : v}`);
  const header = ['variant', 'median s', 'min s', 'max s', 'peak RSS MiB', `× ${baseline?.variant ?? 'baseline'}`, 'phases (median s)', 'counts'];
  const rows = summaries.map((s) => [
    s.variant,
    s.medianSeconds.toFixed(2),
    s.minSeconds.toFixed(2),
    s.maxSeconds.toFixed(2),
    String(s.medianPeakRssMiB),
    baseline ? `${(s.medianSeconds / baseline.medianSeconds).toFixed(1)}×` : '',
    Object.entries(s.phases).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' · '),
    Object.entries(s.counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(' · '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const runs = summaries[0]?.runs ?? 0;
  return [
    `${suite.name} (${input.join(', ')}; median of ${runs} run(s))`,
    line(header),
    ...rows.map(line),
    `setup (untimed): ${suite.setup.map((s) => `${s.seconds.toFixed(1)} s`).join(', ')}`,
  ].join('\n');
}
