import {
  DomainError,
  periodEndDate,
  shapePyramid,
  type BandCount,
  type PyramidDefinition,
  type PyramidShape,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { checkPeriod, requireLevel, usable } from '../store-reads.ts';

/** A pyramid as listed: its definition and the levels (with periods) on which every band has values. */
export interface PyramidSummary extends PyramidDefinition {
  levels: { levelId: string; periods: string[] }[];
}

export interface PyramidQuery {
  level: string;
  key: string;
  /** Default: the latest period with values of the first band on the level. */
  period?: string;
}

export type PyramidResult = PyramidShape & {
  pyramid: Omit<PyramidDefinition, 'bands'>;
  level: string;
  area: { key: string; name: string };
  period: string;
};

/** Looks a configured pyramid up; an unknown id names the known ones. */
export function requirePyramid(pyramids: readonly PyramidDefinition[], id: string): PyramidDefinition {
  const found = pyramids.find((p) => p.id === id);
  if (found) return found;
  throw new DomainError(
    'ValidationFailed',
    `No pyramid "${id}". Known pyramids: ${pyramids.map((p) => p.id).join(', ') || 'none'}.`,
    { pyramid: id },
  );
}

/** The levels on which every band indicator has values, with the periods of the first band there. */
export async function pyramidSummary(store: Store, pyramid: PyramidDefinition): Promise<PyramidSummary> {
  const ids = pyramid.bands.flatMap((b) => [b.male, b.female]);
  const counts = await Promise.all(ids.map((id) => store.countObservations(id)));
  const levelsOf = counts.map((c) => new Set(c.filter((l) => l.values > 0).map((l) => l.levelId)));
  const levels = (await store.listLevels())
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .filter((level) => levelsOf.every((set) => set.has(level.id)));
  return {
    ...pyramid,
    levels: await Promise.all(
      levels.map(async (level) => ({
        levelId: level.id,
        periods: await store.listPeriods(pyramid.bands[0]!.male, level.id),
      })),
    ),
  };
}

/** The pyramid of one area in one period: counts, persons per year of age and shares of the whole. */
export async function pyramidForArea(
  store: Store,
  pyramid: PyramidDefinition,
  query: PyramidQuery,
): Promise<PyramidResult> {
  await requireLevel(store, query.level);
  const period =
    query.period === undefined ? await latestPeriod(store, pyramid, query.level) : checkPeriod(query.period);
  const area =
    (await store.getArea(query.level, query.key, periodEndDate(period))) ??
    (await store.getArea(query.level, query.key));
  if (!area)
    throw new DomainError('AreaNotFound', `No area "${query.key}" on level "${query.level}".`, {
      level: query.level,
      key: query.key,
    });
  const ids = pyramid.bands.flatMap((b) => [b.male, b.female]);
  const observations = await Promise.all(
    ids.map((indicatorId) =>
      store.getValues({ indicatorId, levelId: query.level, period, areaKeys: [query.key] }),
    ),
  );
  const counts = new Map<string, BandCount>();
  ids.forEach((id, i) => {
    const obs = observations[i]![0];
    if (obs)
      counts.set(id, {
        value: usable(obs),
        reason: obs.missingReason ?? (usable(obs) === null ? obs.status : null),
      });
  });
  const { bands: _bands, ...definition } = pyramid;
  return {
    pyramid: definition,
    level: query.level,
    area: { key: area.key, name: area.name },
    period,
    ...shapePyramid(pyramid, (id) => counts.get(id)),
  };
}

async function latestPeriod(store: Store, pyramid: PyramidDefinition, level: string): Promise<string> {
  const latest = (await store.listPeriods(pyramid.bands[0]!.male, level)).at(-1);
  if (latest !== undefined) return latest;
  throw new DomainError('ValidationFailed', `pyramid "${pyramid.id}" has no values on level "${level}"`, {
    pyramid: pyramid.id,
    level,
  });
}
