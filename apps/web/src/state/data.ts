import { computed, effect } from '@preact/signals';
import { createApiClient } from '../api/client.ts';
import type { AreaCollection, CatalogueEntry, Level, ValuesResponse } from '../api/types.ts';
import { keyedResource } from './resource.ts';
import { indicatorId, levelId, parentKey, period } from './store.ts';

export const api = createApiClient();

/** Geometry tolerance in degrees (≈ 25 m): invisible on screen, a sixth of the Berlin LOR data. */
export const SIMPLIFY = 0.0003;

const SEP = '\u001f';
const split = (key: string) => key.split(SEP);

export const levels = keyedResource<Level[]>(
  () => 'levels',
  () => api.listLevels(),
);
export const catalogue = keyedResource<CatalogueEntry[]>(
  () => 'catalogue',
  () => api.listIndicators(),
);

export const periods = keyedResource<string[]>(
  () => (indicatorId.value ? [indicatorId.value, levelId.value].join(SEP) : null),
  (key) => {
    const [indicator, level] = split(key);
    return api.listPeriods(indicator!, level!);
  },
);

export const areas = keyedResource<AreaCollection>(
  () => [levelId.value, parentKey.value ?? ''].join(SEP),
  (key) => {
    const [level, parent] = split(key);
    return api.listAreas(level!, { parent: parent || null, simplify: SIMPLIFY });
  },
  8,
);

/** The period shown: the one in the view state when it has values, else the latest. */
export const effectivePeriod = computed<string | null>(() => {
  const p = periods.state.value;
  if (p.status !== 'ready' || !p.data || p.key !== [indicatorId.value, levelId.value].join(SEP)) return null;
  const wanted = period.value;
  return wanted && p.data.includes(wanted) ? wanted : (p.data.at(-1) ?? null);
});

export const valuesKey = (indicator: string, level: string, p: string) => [indicator, level, p].join(SEP);

export const values = keyedResource<ValuesResponse>(
  () => {
    const p = effectivePeriod.value;
    return indicatorId.value && p ? valuesKey(indicatorId.value, levelId.value, p) : null;
  },
  (key) => {
    const [indicator, level, p] = split(key);
    return api.getValues(indicator!, level!, p!);
  },
  48,
);

/**
 * Switching the indicator keeps the period in the URL: its values are asked for at once, beside the
 * period list, instead of after it (one round trip less). When the new indicator has no values for
 * that period the answer is small and simply not used.
 */
effect(() => {
  const indicator = indicatorId.value;
  const wanted = period.value;
  if (!indicator || !wanted) return;
  values.prefetch(valuesKey(indicator, levelId.value, wanted)).catch(() => undefined);
});

export const levelList = computed(() =>
  [...(levels.state.value.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder),
);
export const levelById = computed(() => new Map(levelList.value.map((l) => [l.id, l])));
export const indicatorById = computed(
  () => new Map((catalogue.state.value.data ?? []).map((i) => [i.id, i])),
);
export const currentIndicator = computed(() =>
  indicatorId.value ? (indicatorById.value.get(indicatorId.value) ?? null) : null,
);
export const currentLevel = computed(() => levelById.value.get(levelId.value) ?? null);

/** The areas of the parent level (names only), for the "limit to area" choice. */
export const parentAreas = keyedResource<AreaCollection>(
  () => currentLevel.value?.parentLevelId ?? null,
  (level) => api.listAreas(level, { geometry: false }),
  4,
);

/** For each child level of the current level: how many areas each parent area holds. */
export const childCounts = keyedResource<Map<string, Map<string, number>>>(
  () => {
    const current = currentLevel.value;
    if (!current) return null;
    const children = levelList.value.filter((l) => l.parentLevelId === current.id).map((l) => l.id);
    return children.length > 0 ? children.join(SEP) : null;
  },
  async (key) => {
    const result = new Map<string, Map<string, number>>();
    await Promise.all(
      split(key).map(async (level) => {
        const collection = await api.listAreas(level, { geometry: false });
        const counts = new Map<string, number>();
        for (const f of collection.features) {
          const parent = f.properties.parentKey;
          if (parent) counts.set(parent, (counts.get(parent) ?? 0) + 1);
        }
        result.set(level, counts);
      }),
    );
    return result;
  },
  4,
);

/** The first period of the shown values' block when they are multi-period totals, else undefined. */
export const pooledFrom = computed(
  () => values.state.value.data?.values.find((v) => v.pooledFrom)?.pooledFrom,
);
