import {
  areaTable,
  areaTypology,
  correlationMatrix,
  DomainError,
  type AreaTable,
  type AreaTypology,
  type CorrelationMatrix,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  areasAt,
  checkPeriod,
  indicatorRef,
  requireIndicator,
  requireLevel,
  valuesOf,
  type IndicatorRef,
} from '../store-reads.ts';

export interface CorrelationsQuery {
  indicators: readonly string[];
  level: string;
  /** Default: the latest period all indicators have values for on the level. */
  period?: string;
  method?: 'pearson' | 'spearman';
}

export interface CorrelationsAnalysis extends CorrelationMatrix {
  indicators: IndicatorRef[];
  level: string;
  period: string;
  areas: number;
}

export interface TypologyQuery {
  indicators: readonly string[];
  level: string;
  period?: string;
  k: number;
  seed?: number;
}

export interface TypologyAnalysis extends Omit<AreaTypology, 'clusters'> {
  indicators: IndicatorRef[];
  level: string;
  period: string;
  k: number;
  seed: number;
  clusters: { areaKey: string; name: string | null; cluster: number }[];
  /** Share of the total variance (in z-units) between the clusters: 1 − within SS / total SS. */
  explained: number | null;
}

/** Correlations between indicators across the areas of one level and period (pairwise complete). */
export async function correlationsAnalysis(
  store: Store,
  query: CorrelationsQuery,
): Promise<CorrelationsAnalysis> {
  const { indicators, level, period, table } = await tableOf(
    store,
    query.indicators,
    query.level,
    query.period,
    2,
  );
  const matrix = correlationMatrix(table.variables, query.method ?? 'pearson');
  return { ...matrix, indicators, level, period, areas: table.areaKeys.length };
}

/** An area typology: k-means on the z-standardised indicators, reproducible by seed. */
export async function typologyAnalysis(store: Store, query: TypologyQuery): Promise<TypologyAnalysis> {
  const { indicators, level, period, table } = await tableOf(
    store,
    query.indicators,
    query.level,
    query.period,
    1,
  );
  const seed = query.seed ?? 1;
  const typology = areaTypology(table, query.k, { seed });
  const names = await areasAt(store, level, period);
  return {
    ...typology,
    indicators,
    level,
    period,
    k: query.k,
    seed,
    clusters: typology.clusters.map((c) => ({ ...c, name: names.get(c.areaKey)?.name ?? null })),
    explained: typology.totalSS > 0 ? 1 - typology.totalWithinSS / typology.totalSS : null,
  };
}

async function tableOf(
  store: Store,
  ids: readonly string[],
  levelId: string,
  period: string | undefined,
  minimum: number,
): Promise<{ indicators: IndicatorRef[]; level: string; period: string; table: AreaTable }> {
  const unique = [...new Set(ids)];
  if (unique.length < minimum)
    throw new DomainError(
      'ValidationFailed',
      `indicators: expected at least ${minimum} distinct indicator(s)`,
      {
        indicators: ids,
      },
    );
  const definitions = await Promise.all(unique.map((id) => requireIndicator(store, id)));
  const level = await requireLevel(store, levelId);
  const chosen = period === undefined ? await commonPeriod(store, unique, level.id) : checkPeriod(period);
  const values = await valuesOf(store, unique, level.id, chosen);
  return {
    indicators: definitions.map(indicatorRef),
    level: level.id,
    period: chosen,
    table: areaTable([...values.values()].flat(), unique, { levelId: level.id, period: chosen }),
  };
}

async function commonPeriod(store: Store, ids: readonly string[], levelId: string): Promise<string> {
  const lists = await Promise.all(ids.map((id) => store.listPeriods(id, levelId)));
  const shared = lists.reduce((common, list) => common.filter((p) => list.includes(p)));
  const latest = shared.at(-1);
  if (latest === undefined)
    throw new DomainError(
      'ValidationFailed',
      `indicators ${ids.join(', ')} share no period on level "${levelId}"`,
      {
        indicators: ids,
        level: levelId,
      },
    );
  return latest;
}
