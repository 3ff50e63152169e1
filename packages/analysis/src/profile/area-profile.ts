import {
  periodEndDate,
  QUANTILE_DEFINITION,
  type IndicatorDefinition,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import { checkPeriod, indicatorRef, requireLevel, usable } from '../store-reads.ts';
import { areaChain, levelRef, type ChainLink } from './area-chain.ts';
import { IndicatorValues } from './indicator-values.ts';
import { levelSpread, type LevelSpread, type SpreadCache } from './level-spread.ts';
import { compareWithParent, countsOf, CONFIDENCE, describeComparison } from './profile-comparison.ts';
import type {
  AreaProfile,
  ProfileIndicator,
  ProfileQuery,
  ProfileReference,
  ProfileSeriesPoint,
} from './profile-types.ts';
import { parentReference } from './parent-reference.ts';

export interface ProfileOptions {
  /** Keeps the spread of a level between profiles (the analysis service caches it per data version). */
  spread?: SpreadCache;
}

interface ProfileContext {
  store: Store;
  reader: IndicatorValues;
  spread: SpreadCache;
  level: SpatialLevel;
  area: StoredArea;
  ancestors: ChainLink[];
  /** The profile's period; null when no indicator has values on the level. */
  period: string | null;
}

/**
 * One area against its references, indicator by indicator: its value in the profile's period (or
 * the indicator's latest period before it), its parent's and the other ancestors' values, the spread
 * over all areas of the level, the comparison with the parent and both time series. Stored and
 * derived indicators alike; reads go per indicator and level, never per area.
 */
export async function areaProfile(
  store: Store,
  query: ProfileQuery,
  options: ProfileOptions = {},
): Promise<AreaProfile> {
  const level = await requireLevel(store, query.level);
  const requested = query.period === undefined ? null : checkPeriod(query.period);
  const { area, ancestors } = await areaChain(store, level, query.area, requested ?? undefined);
  const catalogue = await store.listIndicators();
  const reader = new IndicatorValues(store, catalogue);
  const periodLists = await Promise.all(catalogue.map((i) => reader.periods(i.id, level.id)));
  const present = catalogue
    .map((indicator, i) => ({ indicator, periods: periodLists[i]! }))
    .filter((entry) => entry.periods.length > 0);
  const periods = byReferenceDate(present.flatMap((entry) => entry.periods));
  const context: ProfileContext = {
    store,
    reader,
    spread: options.spread ?? ((_key, compute) => compute()),
    level,
    area,
    ancestors,
    period: requested ?? periods.at(-1) ?? null,
  };
  const indicators = await Promise.all(
    present.map((entry) => profileIndicator(context, entry.indicator, entry.periods)),
  );
  return {
    level: levelRef(level),
    area: { key: area.key, name: area.name, parentKey: area.parentKey },
    ancestors: ancestors.map((link) => ({
      level: levelRef(link.level),
      key: link.area.key,
      name: link.area.name,
    })),
    requestedPeriod: requested,
    period: context.period,
    periods,
    topics: byTopic(indicators),
    method: {
      quantiles: QUANTILE_DEFINITION,
      comparison: describeComparison(),
      confidence: CONFIDENCE,
      period:
        "Each indicator shows its latest period whose reference date is not after the profile's period.",
    },
  };
}

async function profileIndicator(
  context: ProfileContext,
  indicator: IndicatorDefinition,
  periods: readonly string[],
): Promise<ProfileIndicator> {
  const { reader, level, area, ancestors } = context;
  const period = latestUpTo(periods, context.period);
  const parent = ancestors[0];
  const [spread, areaSeries, parentSeries] = await Promise.all([
    period === null ? Promise.resolve(null) : spreadOf(context, indicator, period),
    reader.series(indicator.id, level.id, area.key),
    parent ? reader.series(indicator.id, parent.level.id, parent.area.key) : Promise.resolve([]),
  ]);
  const own = period === null ? undefined : areaSeries.find((o) => o.period === period);
  const value = own ? usable(own) : null;
  const references = await referencesOf(context, indicator, period, parentSeries);
  const counts = own ? await countsOf(reader, indicator, own) : undefined;
  return {
    indicator: {
      ...indicatorRef(indicator),
      nameEn: indicator.nameEn,
      topic: indicator.topic,
      source: indicator.source,
      derived: reader.isDerived(indicator.id),
    },
    period,
    periodIsEarlier:
      period !== null && context.period !== null && periodEndDate(period) < periodEndDate(context.period),
    value,
    status: own?.status ?? 'nodata',
    missingReason: own?.missingReason ?? null,
    numerator: counts?.numerator ?? null,
    denominator: counts?.denominator ?? null,
    references,
    distribution: spread?.distribution ?? null,
    comparison: compareWithParent(indicator, own, counts, references[0]?.value ?? null),
    quintile: value === null ? null : (spread?.quintiles.get(value) ?? null),
    series: { area: points(areaSeries), parent: points(parentSeries) },
  };
}

/** The spread of the indicator over the areas of the level in the period, cached between profiles. */
function spreadOf(
  context: ProfileContext,
  indicator: IndicatorDefinition,
  period: string,
): Promise<LevelSpread> {
  const key = { indicatorId: indicator.id, level: context.level.id, period };
  return context.spread(key, async () =>
    levelSpread(await context.reader.at(indicator.id, context.level.id, period), indicator.polarity),
  );
}

/** Each ancestor's value in the indicator's period, parent first; the parent's comes from its series. */
async function referencesOf(
  context: ProfileContext,
  indicator: IndicatorDefinition,
  period: string | null,
  parentSeries: readonly StoredObservation[],
): Promise<ProfileReference[]> {
  const { reader, ancestors } = context;
  const derived = reader.isDerived(indicator.id);
  return Promise.all(
    ancestors.map(async (link, i): Promise<ProfileReference> => {
      const at = { level: link.level.id, key: link.area.key };
      if (period === null) return { ...at, ...NONE };
      if (i === 0)
        return parentReference(context.store, indicator, context.level, link, period, parentSeries, derived);
      const [stored] = await reader.at(indicator.id, link.level.id, period, link.area.key);
      return stored
        ? { ...at, ...valueOf(stored), basis: derived ? 'derived' : 'stored' }
        : { ...at, ...NONE };
    }),
  );
}

const NONE = { value: null, status: 'nodata', missingReason: null, basis: null } as const;

function valueOf(obs: StoredObservation) {
  return { value: usable(obs), status: obs.status, missingReason: obs.missingReason };
}

function points(series: readonly StoredObservation[]): ProfileSeriesPoint[] {
  return series.map((obs) => ({ period: obs.period, ...valueOf(obs) }));
}

/** The latest period whose reference date is not after `limit` (all periods without a limit). */
export function latestUpTo(periods: readonly string[], limit: string | null): string | null {
  const limitDate = limit === null ? null : periodEndDate(limit);
  let best: string | null = null;
  for (const period of periods) {
    if (limitDate !== null && periodEndDate(period) > limitDate) continue;
    if (best === null || compareByDate(period, best) > 0) best = period;
  }
  return best;
}

function compareByDate(a: string, b: string): number {
  const da = periodEndDate(a);
  const db = periodEndDate(b);
  if (da !== db) return da < db ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct periods ascending by reference date (`2018` and `2018-12-31` both stay, in text order). */
function byReferenceDate(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort(compareByDate);
}

function byTopic(indicators: readonly ProfileIndicator[]): AreaProfile['topics'] {
  const topics = new Map<string, ProfileIndicator[]>();
  for (const entry of indicators) {
    const list = topics.get(entry.indicator.topic);
    if (list) list.push(entry);
    else topics.set(entry.indicator.topic, [entry]);
  }
  return [...topics]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([topic, list]) => ({ topic, indicators: list }));
}
