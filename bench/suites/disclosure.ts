import { runRounds, type Variant } from '../harness.ts';
import { GEMEINDEN, KREISE, LAENDER, COUNTS } from '../fixtures/national.ts';
import type { SuiteContext, SuiteResult } from './context.ts';

/**
 * Benchmark 5: disclosure control (packages/core/src/disclosure) of one period at national scale,
 * the full engine (primary and secondary suppression, checked by the attacker) against the naive
 * primary-only pass in the same run. Pure core, in process; no database.
 */
export async function disclosureSuite(ctx: SuiteContext): Promise<SuiteResult> {
  const variants: Variant[] = [
    {
      label: 'Lagebild · primary + secondary',
      product: true,
      start: async () => ({ spec: { job: 'disclosure-lagebild', params: { mode: 'full' } } }),
    },
    {
      label: 'Lagebild · primary only',
      product: false,
      start: async () => ({ spec: { job: 'disclosure-lagebild', params: { mode: 'primary' } } }),
    },
  ];
  return {
    name: 'disclosure',
    input: {
      areas: `${LAENDER} Länder, ${KREISE} Kreise, ${GEMEINDEN} Gemeinden`,
      indicators: `1 rare count + ${COUNTS} counts, one period`,
      rule: 'minCount 3, Gemeinde → Kreis → Land',
    },
    setup: [],
    variants: await runRounds(variants, ctx.runs, ctx),
  };
}
