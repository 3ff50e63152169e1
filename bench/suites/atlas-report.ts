import { median } from '../harness.ts';
import type { SuiteResult } from './context.ts';

/**
 * The atlas table: per step the median of the runs (the headline, as the brief of the benchmark
 * asks), best and slowest run, the renderer's main-thread time, and the ratio to MapLibre alone.
 */
export function formatAtlasTable(suite: SuiteResult): string {
  const rows = Object.entries(suite.variants).map(([label, results]) => {
    const [variant, metric] = label.split(' · ') as [string, string];
    const ms = results.map((r) => r.seconds * 1000);
    return {
      metric,
      variant,
      median: median(ms),
      best: Math.min(...ms),
      max: Math.max(...ms),
      cpu: median(results.map((r) => r.cpuSeconds * 1000)),
    };
  });
  const baselineOf = (metric: string) =>
    rows.find((r) => r.metric === metric && r.variant.startsWith('MapLibre alone, same'));
  const header = ['step', 'variant', 'median ms', 'best ms', 'max ms', 'main thread ms', '× MapLibre alone'];
  const cells = rows.map((r) => {
    const base = baselineOf(r.metric);
    return [
      r.metric,
      r.variant,
      r.median.toFixed(0),
      r.best.toFixed(0),
      r.max.toFixed(0),
      r.cpu.toFixed(0),
      base ? `${(r.median / base.median).toFixed(1)}×` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const input = Object.entries(suite.input).map(([k, v]) => `${k}: ${v}`);
  const runs = Object.values(suite.variants)[0]?.length ?? 0;
  return [
    `${suite.name} (${input.join(', ')}; ${runs} run(s), median first)`,
    line(header),
    ...cells.map(line),
    `setup (untimed): ${suite.setup.map((s) => `${s.job} ${s.seconds.toFixed(1)} s`).join(', ')}`,
  ].join('\n');
}
