import {
  assessTrend,
  changeBetween,
  changeOverPeriods,
  DomainError,
  recentTrendForIntervals,
  recentTrendForProportions,
  StatWarnings,
  type ChangeResult,
  type IndicatorDefinition,
  type RecentTrend,
  type StoredObservation,
  type TrendAssessment,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  areaInterval,
  hasCounts,
  intervalMethod,
  multiplierOf,
  type Counts,
} from '../compare/interval-method.ts';
import { indicatorRef, requireIndicator, requireLevel, usable, type IndicatorRef } from '../store-reads.ts';

export interface TrendQuery {
  level: string;
  area: string;
  /** Change over this many periods back from the latest (default 1: the last step). */
  periods?: number;
}

export interface TrendAnalysis {
  indicator: IndicatorRef;
  level: string;
  area: { key: string; name: string | null };
  series: {
    period: string;
    value: number | null;
    status: string;
    numerator: number | null;
    denominator: number | null;
  }[];
  /** Over `periods` steps back from the latest, and over the whole series. */
  change: ChangeResult;
  overall: ChangeResult;
  /**
   * The Fingertips recent trend of the last five points: `proportions` (χ² test for trend) for shares
   * with counts, `intervals` (weighted regression) for rates with counts; null where neither applies.
   */
  recentTrend: (RecentTrend & { method: 'proportions' | 'intervals'; assessment: TrendAssessment }) | null;
  notes: string[];
}

/** The time series of one area with its change, annual growth and recent trend marker. */
export async function trendAnalysis(
  store: Store,
  indicatorId: string,
  query: TrendQuery,
): Promise<TrendAnalysis> {
  const indicator = await requireIndicator(store, indicatorId);
  const level = await requireLevel(store, query.level);
  const periods = query.periods ?? 1;
  if (!Number.isInteger(periods) || periods < 1)
    throw new DomainError('ValidationFailed', `periods: ${periods} (expected an integer >= 1)`, { periods });
  const [own, numerators, denominators, area] = await Promise.all([
    store.getSeries(indicator.id, level.id, query.area),
    relatedSeries(store, indicator.numeratorId, level.id, query.area),
    relatedSeries(store, indicator.denominatorId, level.id, query.area),
    store.getArea(level.id, query.area),
  ]);
  if (!area && own.length === 0)
    throw new DomainError('AreaNotFound', `No area "${query.area}" on level "${level.id}".`, {
      level: level.id,
      key: query.area,
    });
  const series = own.map((obs) => ({
    period: obs.period,
    value: usable(obs),
    status: obs.status,
    ...countsOf(obs, numerators, denominators),
  }));
  const points = series.map(({ period, value }) => ({ period, value }));
  const notes: string[] = [];
  return {
    indicator: indicatorRef(indicator),
    level: level.id,
    area: { key: query.area, name: area?.name ?? null },
    series,
    change: changeOverPeriods(points, periods),
    overall: points.length >= 2 ? changeBetween(points[0]!, points.at(-1)!) : changeOverPeriods(points, 1),
    recentTrend: recentTrend(indicator, series, notes),
    notes,
  };
}

async function relatedSeries(store: Store, id: string | null, levelId: string, areaKey: string) {
  if (id === null) return new Map<string, StoredObservation>();
  return new Map((await store.getSeries(id, levelId, areaKey)).map((o) => [o.period, o]));
}

function countsOf(
  obs: StoredObservation,
  numerators: ReadonlyMap<string, StoredObservation>,
  denominators: ReadonlyMap<string, StoredObservation>,
): Counts {
  if (obs.numerator !== null && obs.denominator !== null)
    return { numerator: obs.numerator, denominator: obs.denominator };
  const num = numerators.get(obs.period);
  const den = denominators.get(obs.period);
  return { numerator: num ? usable(num) : null, denominator: den ? usable(den) : null };
}

function recentTrend(
  indicator: IndicatorDefinition,
  series: (Counts & { period: string; value: number | null })[],
  notes: string[],
): TrendAnalysis['recentTrend'] {
  const method = intervalMethod(indicator, series.some(hasCounts));
  if (method === 'none') {
    notes.push('no recent trend marker: the indicator has no numerator and denominator to test against');
    return null;
  }
  if (method === 'wilson') {
    const trend = recentTrendForProportions(series);
    return { ...trend, method: 'proportions', assessment: assessTrend(trend.marker, indicator.polarity) };
  }
  const options = { confidence: 0.95, multiplier: multiplierOf(indicator), warnings: new StatWarnings() };
  const trend = recentTrendForIntervals(
    series.map((p) => ({ period: p.period, ...areaInterval('poisson', p.value, p, options) })),
  );
  return { ...trend, method: 'intervals', assessment: assessTrend(trend.marker, indicator.polarity) };
}
