import type { Observation } from '../domain/observation.ts';
import type { LinkIndex } from './aggregation-links.ts';
import type { AggregationLink, AggregationOptions, AggregationWarning } from './aggregation-types.ts';
import type { PeriodSeries } from './observation-series.ts';

/** What every aggregation rule works with: the links, the child series and the warning sink. */
export interface AggregationContext {
  links: LinkIndex;
  series: ReadonlyMap<string, PeriodSeries>;
  toLevelId: string;
  options: AggregationOptions;
  warnings: AggregationWarning[];
}

/**
 * Calls `fn` for every period and every parent that has at least one child observed in one of the
 * input series, in period order and then parent order. Children without a parent are reported once.
 */
export function forEachParent(
  indicatorId: string,
  ctx: AggregationContext,
  inputs: readonly PeriodSeries[],
  fn: (links: readonly AggregationLink[], period: string, parentKey: string) => Observation | null,
): Observation[] {
  reportUnmapped(indicatorId, ctx, inputs);
  const periods = [...new Set(inputs.flatMap((s) => [...s.keys()]))].sort();
  const result: Observation[] = [];
  for (const period of periods) {
    const cells = inputs.map((s) => s.get(period));
    for (const [parentKey, links] of ctx.links.byParent) {
      if (!links.some((l) => cells.some((c) => c?.has(l.childKey)))) continue;
      const obs = fn(links, period, parentKey);
      if (obs) result.push(obs);
    }
  }
  return result;
}

export function warn(
  ctx: Pick<AggregationContext, 'warnings'>,
  warning: Omit<AggregationWarning, 'period' | 'parentKey' | 'children'> &
    Partial<Pick<AggregationWarning, 'period' | 'parentKey' | 'children'>>,
): void {
  ctx.warnings.push({ period: null, parentKey: null, children: [], ...warning });
}

/** Children listed in a parent's composition but without any observation: a coverage gap. */
export function noteAbsent(
  ctx: Pick<AggregationContext, 'warnings'>,
  where: { indicatorId: string; period: string; parentKey: string },
  absent: readonly string[],
  madeMissing: boolean,
): void {
  if (absent.length === 0) return;
  const effect = madeMissing
    ? 'parent value missing (not_reported)'
    : 'computed from the children present and marked estimated';
  warn(ctx, {
    code: 'incomplete_coverage',
    ...where,
    count: absent.length,
    children: [...absent],
    message: `${where.indicatorId} ${where.period} ${where.parentKey}: ${absent.length} child area(s) have no observation (${absent.join(', ')}); ${effect}`,
  });
}

function reportUnmapped(indicatorId: string, ctx: AggregationContext, inputs: readonly PeriodSeries[]): void {
  const unmapped = new Set<string>();
  for (const series of inputs)
    for (const cells of series.values())
      for (const key of cells.keys()) if (!ctx.links.byChild.has(key)) unmapped.add(key);
  if (unmapped.size > 0)
    warn(ctx, {
      code: 'unmapped_children',
      indicatorId,
      count: unmapped.size,
      children: [...unmapped],
      message: `${indicatorId}: ${unmapped.size} area(s) have no parent and were left out`,
    });
}

export function countObservations(series: PeriodSeries): number {
  let n = 0;
  for (const cells of series.values()) n += cells.size;
  return n;
}
