import { join } from 'node:path';
import { GEMEINDEN, KREISE, LAENDER } from '../fixtures/national.ts';
import { runJob, runRounds, type JobResult, type Variant } from '../harness.ts';
import type { AccessApiParams } from '../jobs/access-api.ts';
import { accessPeriods } from '../jobs/access-setup.ts';
import { copySqlite, type SuiteContext, type SuiteResult } from './context.ts';

/** Periods in the store (one cold request each per run), warm requests and clients per run. */
export const ACCESS_PERIODS = 3;
export const ACCESS_REQUESTS = 100;
export const ACCESS_CONCURRENCY = 4;

/**
 * Benchmark 7: what reading through the principal's view of the store costs, on the values route at
 * Gemeinde level (11,000 values): the Statistikstelle, who reads the store as it is (the baseline,
 * in the same run), against the anonymous public without and with disclosure control, cold (the
 * first request of a period computes it over all levels) and warm (from the cache).
 */
export async function accessSuite(ctx: SuiteContext): Promise<SuiteResult> {
  const template = join(ctx.work, 'access.db');
  const setup: JobResult[] = [
    await runJob({ job: 'access-setup', params: { target: template, periods: ACCESS_PERIODS } }),
  ];
  const variant = (label: string, mode: AccessApiParams['mode'], product: boolean): Variant => ({
    label,
    product,
    start: async (run) => {
      const copy = join(ctx.work, `access-${mode}-${run}.db`);
      const cleanup = copySqlite(template, copy);
      const params: AccessApiParams = {
        target: copy,
        mode,
        periods: accessPeriods(ACCESS_PERIODS),
        requests: ACCESS_REQUESTS,
        concurrency: ACCESS_CONCURRENCY,
      };
      return { spec: { job: 'access-api', params: { ...params } }, cleanup };
    },
  });
  const variants = [
    variant('Statistikstelle · no view', 'office', false),
    variant('public · view, no rule', 'public', true),
    variant('public · view, minCount 3', 'public-rule', true),
  ];
  return {
    name: 'access',
    input: {
      areas: `${LAENDER} Länder, ${KREISE} Kreise, ${GEMEINDEN} Gemeinden`,
      request: 'GET /indicators/{id}/values?level=gemeinde&period=…',
      indicator: 'a rare count (5 per 10,000 residents) on all three levels',
      periods: ACCESS_PERIODS,
      'warm requests': ACCESS_REQUESTS,
      concurrency: ACCESS_CONCURRENCY,
    },
    setup,
    variants: await runRounds(variants, ctx.runs, { ...ctx, bigStack: false }),
    format: formatAccessTable,
  };
}

/**
 * Per variant: cold (the first request of each period) as the median over all runs and the slowest;
 * warm p50/p95 of the run with the lowest p95 and the p95 of every run; memory growth from before the
 * first cold request to after the warm load (RSS, and the heap after a full collection).
 */
export function formatAccessTable(suite: SuiteResult): string {
  const header = [
    'variant',
    'cold p50 ms',
    'cold max ms',
    'warm p50 ms',
    'warm p95 ms',
    'req/s',
    'p95 of each run',
    'RSS +MiB',
    'heap +MiB',
    'peak RSS MiB',
    'suppressed',
  ];
  const cells = Object.entries(suite.variants).map(([label, results]) => {
    const best = results.reduce((a, b) => (b.counts.warmP95Ms! < a.counts.warmP95Ms! ? b : a));
    const colds = results.map((r) => r.counts.coldP50Ms!).sort((a, b) => a - b);
    const max = (f: (r: JobResult) => number) => Math.max(...results.map(f));
    return [
      label,
      colds[Math.floor((colds.length - 1) / 2)]!.toFixed(0),
      max((r) => r.counts.coldMaxMs!).toFixed(0),
      best.counts.warmP50Ms!.toFixed(1),
      best.counts.warmP95Ms!.toFixed(1),
      best.counts.perSecond!.toFixed(0),
      results.map((r) => r.counts.warmP95Ms!.toFixed(0)).join(' / '),
      max((r) => r.counts.rssGrowthMiB!).toFixed(0),
      max((r) => r.counts.heapGrowthMiB!).toFixed(1),
      max((r) => r.peakRssMiB).toFixed(0),
      String(best.counts.suppressedPerPeriod),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const input = Object.entries(suite.input).map(([k, v]) => `${k}: ${v}`);
  return [`access — ${input.join(', ')}`, line(header), ...cells.map(line)].join('\n');
}
