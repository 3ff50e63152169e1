import { join } from 'node:path';
import { runRounds, type Variant } from '../harness.ts';
import { GEMEINDEN, KREISE, LAENDER, COUNTS, RATES, SHARES, YEARS } from '../fixtures/national.ts';
import type { SuiteContext, SuiteResult } from './context.ts';

/**
 * Benchmark 3: the full analysis recompute on a national-scale synthetic set, Lagebild's pure core
 * modules against the same computation in DuckDB SQL. The Lagebild job of each round writes a sample
 * of its results, which the DuckDB job of the same round compares with its own.
 */
export async function analysisSuite(ctx: SuiteContext): Promise<SuiteResult> {
  const checkPath = (run: number) => join(ctx.work, `analysis-check-${run}.json`);
  const variants: Variant[] = [
    {
      label: 'Lagebild · core modules',
      product: true,
      start: async (run) => ({ spec: { job: 'analysis-lagebild', params: { checkPath: checkPath(run) } } }),
    },
    {
      label: 'DuckDB · SQL, in memory',
      product: false,
      start: async (run) => ({ spec: { job: 'analysis-duckdb', params: { checkPath: checkPath(run) } } }),
    },
  ];
  return {
    name: 'analysis',
    input: {
      areas: `${LAENDER} Länder, ${KREISE} Kreise, ${GEMEINDEN} Gemeinden`,
      indicators: `${COUNTS} counts, ${SHARES} shares, ${RATES} rates`,
      years: YEARS.length,
    },
    setup: [],
    variants: await runRounds(variants, ctx.runs, ctx),
  };
}
