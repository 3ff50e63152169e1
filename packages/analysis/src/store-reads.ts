import {
  DomainError,
  normalizePeriod,
  periodEndDate,
  type IndicatorDefinition,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';

/** Reads shared by every analysis: lookups that fail with the domain's own error codes. */

export async function requireIndicator(store: Store, id: string): Promise<IndicatorDefinition> {
  const indicator = await store.getIndicator(id);
  if (!indicator) throw new DomainError('IndicatorNotFound', `No indicator "${id}" in the catalogue.`);
  return indicator;
}

export async function requireLevel(store: Store, id: string): Promise<SpatialLevel> {
  const level = await store.getLevel(id);
  if (level) return level;
  const known = (await store.listLevels()).map((l) => l.id);
  throw new DomainError('LevelNotFound', `No spatial level "${id}". Known levels: ${known.join(', ')}.`);
}

/** A period as the store writes it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); `31.12.2018` is accepted too. */
export function checkPeriod(raw: string, field = 'period'): string {
  const period = normalizePeriod(raw);
  if (period === null)
    throw new DomainError(
      'ValidationFailed',
      `${field}: "${raw}" is not a period (expected YYYY, YYYY-MM or YYYY-MM-DD)`,
      { [field]: raw },
    );
  return period;
}

/** The given period, or the latest one with values of the indicator on the level. */
export async function periodOrLatest(
  store: Store,
  indicatorId: string,
  levelId: string,
  period: string | undefined,
): Promise<string> {
  if (period !== undefined) return checkPeriod(period);
  const latest = (await store.listPeriods(indicatorId, levelId)).at(-1);
  if (latest === undefined)
    throw new DomainError(
      'ValidationFailed',
      `indicator "${indicatorId}" has no values on level "${levelId}"`,
      { indicatorId, levelId },
    );
  return latest;
}

/** Values of several indicators on one level and period, keyed by indicator id. */
export async function valuesOf(
  store: Store,
  indicatorIds: readonly string[],
  levelId: string,
  period?: string,
): Promise<Map<string, StoredObservation[]>> {
  const ids = [...new Set(indicatorIds)];
  const lists = await Promise.all(
    ids.map((indicatorId) => store.getValues({ indicatorId, levelId, period })),
  );
  return new Map(ids.map((id, i) => [id, lists[i]!]));
}

/**
 * The areas of a level as they stood at a period's reference date, completed by today's areas for
 * keys that did not exist then (values of older territorial versions keep their names and parents).
 */
export async function areasAt(
  store: Store,
  levelId: string,
  period?: string,
): Promise<Map<string, StoredArea>> {
  const [current, then] = await Promise.all([
    store.listAreas(levelId),
    period === undefined ? Promise.resolve([]) : store.listAreas(levelId, { at: periodEndDate(period) }),
  ]);
  const areas = new Map(current.map((a) => [a.key, a]));
  for (const area of then) areas.set(area.key, area);
  return areas;
}

export function namesOf(areas: ReadonlyMap<string, StoredArea>): Map<string, string> {
  return new Map([...areas].map(([key, area]) => [key, area.name]));
}

/** A finite value usable in a computation: missing and suppressed observations are not. */
export function usable(obs: Pick<StoredObservation, 'value' | 'status'>): number | null {
  if (obs.status === 'missing' || obs.status === 'suppressed') return null;
  return obs.value !== null && Number.isFinite(obs.value) ? obs.value : null;
}

/** What results repeat of an indicator's definition. */
export type IndicatorRef = Pick<
  IndicatorDefinition,
  'id' | 'name' | 'unit' | 'kind' | 'polarity' | 'aggregation' | 'decimals'
>;

export function indicatorRef(indicator: IndicatorDefinition): IndicatorRef {
  const { id, name, unit, kind, polarity, aggregation, decimals } = indicator;
  return { id, name, unit, kind, polarity, aggregation, decimals };
}
