import { computed } from '@preact/signals';
import type { AreaFeature, Level } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { rowByKey } from './atlas-model.ts';
import { api, currentIndicator, levelById } from './data.ts';
import { keyedResource } from './resource.ts';
import { indicatorId, lang, levelId, selectedKeys } from './store.ts';

const SEP = '\u001f';

/** One line of the time series chart: an area with its level and its values by period. */
export interface SeriesLine {
  role: 'area' | 'parent' | 'whole';
  key: string;
  name: string;
  level: Level;
  points: { period: string; value: number | null }[];
}

/** Area names (no geometry) of a level, loaded once per level. */
const namesCache = new Map<string, Promise<Map<string, AreaFeature>>>();
export function areaNames(level: string): Promise<Map<string, AreaFeature>> {
  let promise = namesCache.get(level);
  if (!promise) {
    promise = api
      .listAreas(level, { geometry: false })
      .then((c) => new Map(c.features.map((f) => [f.properties.key, f])));
    promise.catch(() => namesCache.delete(level));
    namesCache.set(level, promise);
  }
  return promise;
}

/** The chain of ancestors of an area: its parent area, the parent's parent … up to the top level. */
export async function ancestorsOf(
  levels: Map<string, Level>,
  level: Level,
  parentKey: string | null,
): Promise<{ level: Level; key: string; name: string }[]> {
  const chain: { level: Level; key: string; name: string }[] = [];
  let current = level;
  let key = parentKey;
  while (current.parentLevelId) {
    const parentLevel = levels.get(current.parentLevelId);
    if (!parentLevel) break;
    const names = await areaNames(parentLevel.id);
    // the top level holds one area (Deutschland) that every area belongs to, parentKey or not
    const feature = key ? names.get(key) : names.size === 1 ? [...names.values()][0] : undefined;
    if (!feature) break;
    chain.push({ level: parentLevel, key: feature.properties.key, name: feature.properties.name });
    current = parentLevel;
    key = feature.properties.parentKey;
  }
  return chain;
}

/** The area whose series is shown: the last one selected. */
export const focusKey = computed(() => selectedKeys.value.at(-1) ?? null);

/**
 * The time series of the focused area, its parent area and the whole (the topmost ancestor whose
 * level has values of the indicator: Deutschland for a Kreis, the Bezirk for a Berliner PLR).
 */
export const seriesLines = keyedResource<SeriesLine[]>(
  () => {
    const indicator = indicatorId.value;
    const key = focusKey.value;
    const row = key ? rowByKey.value.get(key) : undefined;
    if (!indicator || !row || levelById.value.size === 0) return null;
    return [indicator, levelId.value, row.key, row.parentKey ?? ''].join(SEP);
  },
  async (cacheKey) => {
    const [indicator, levelName, key, parentKey] = cacheKey.split(SEP) as [string, string, string, string];
    const levels = levelById.peek();
    const level = levels.get(levelName)!;
    const row = rowByKey.peek().get(key);
    const covered = new Set(
      (currentIndicator.peek()?.coverage ?? []).filter((c) => c.values > 0).map((c) => c.levelId),
    );
    const chain = (await ancestorsOf(levels, level, parentKey || null)).filter((a) =>
      covered.has(a.level.id),
    );
    const wanted: { role: SeriesLine['role']; key: string; name: string; level: Level }[] = [
      { role: 'area', key, name: row?.name ?? key, level },
    ];
    const parent = chain[0];
    if (parent && parent.level.id === level.parentLevelId) wanted.push({ role: 'parent', ...parent });
    const whole = chain.at(-1);
    if (whole && whole !== parent) wanted.push({ role: 'whole', ...whole });
    else if (whole && !wanted.some((w) => w.role === 'parent')) wanted.push({ role: 'whole', ...whole });
    return Promise.all(
      wanted.map(async (w) => {
        const series = await api.getSeries(indicator, w.level.id, w.key);
        return {
          ...w,
          points: series.values
            .map((v) => ({ period: v.period, value: typeof v.value === 'number' ? v.value : null }))
            .sort((a, b) => a.period.localeCompare(b.period)),
        };
      }),
    );
  },
  24,
);

export function lineLabel(line: SeriesLine): string {
  return `${line.name} (${localName(lang.value, line.level)})`;
}
