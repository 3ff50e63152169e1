import { computed, signal } from '@preact/signals';
import type { AreaFeature } from '../api/types.ts';
import { api } from '../state/data.ts';
import { keyedResource } from '../state/resource.ts';
import { areaNames } from '../state/series.ts';
import { levelId, period, selectedKeys, updateView, viewState } from '../state/store.ts';
import type { CompareAreasResponse } from './compare-types.ts';

/** More lines than this are no longer told apart in a chart, nor columns read in a table. */
export const MAX_AREAS = 8;
export const MAX_INDICATORS = 8;

const SEP = '\u001f';

/** The areas compared: the selection of the atlas (the same `sel`), at most MAX_AREAS of them. */
export const comparedAreas = computed(() => selectedKeys.value.slice(0, MAX_AREAS));

/** The indicators compared: the `cmp` list, or the atlas' indicator while none is chosen. */
export const comparedIndicators = computed(() => {
  const { compare, indicator } = viewState.value;
  return compare.length > 0 ? compare : indicator ? [indicator] : [];
});

/** Names and parents of the areas of the current level (no geometry), for the area search. */
export const levelAreas = keyedResource<AreaFeature[]>(
  () => levelId.value,
  async (level) => [...(await areaNames(level)).values()],
  4,
);

export const comparison = keyedResource<CompareAreasResponse>(
  () => {
    const areas = comparedAreas.value;
    const indicators = comparedIndicators.value;
    if (areas.length === 0 || indicators.length === 0) return null;
    return [levelId.value, areas.join(','), indicators.join(','), period.value ?? ''].join(SEP);
  },
  (key) => {
    const [level, areas, indicators, p] = key.split(SEP) as [string, string, string, string];
    return api.compareAreas({
      level,
      areas: areas.split(','),
      indicators: indicators.split(','),
      period: p || null,
    });
  },
  16,
);

/**
 * The last comparison that loaded: its periods stay offered while the next one loads, so the
 * period choice does not vanish under the keyboard.
 */
export const lastComparison = signal<CompareAreasResponse | null>(null);
comparison.state.subscribe((state) => {
  if (state.status === 'ready' && state.data) lastComparison.value = state.data;
});

/** Every period any compared indicator has on the level, newest first. */
export const comparePeriods = computed(() => {
  const data = lastComparison.value;
  if (!data || data.level !== levelId.value) return [];
  return [...new Set(data.indicators.flatMap((i) => i.periods))].sort().reverse();
});

export function addArea(key: string): void {
  const current = selectedKeys.value;
  if (current.includes(key) || current.length >= MAX_AREAS) return;
  updateView({ selected: [...current, key] }, 'push');
}

export function removeArea(key: string): void {
  updateView({ selected: selectedKeys.value.filter((k) => k !== key) }, 'push');
}

export function addIndicator(id: string): void {
  const current = comparedIndicators.value;
  if (current.includes(id) || current.length >= MAX_INDICATORS) return;
  updateView({ compare: [...current, id] }, 'push');
}

export function removeIndicator(id: string): void {
  updateView({ compare: comparedIndicators.value.filter((i) => i !== id) }, 'push');
}

/** Area keys belong to one level: a new level starts with an empty selection. */
export function setCompareLevel(level: string): void {
  if (level === viewState.value.level) return;
  updateView({ level, parent: null, selected: [], filter: '' }, 'push');
}

export function setComparePeriod(value: string | null): void {
  updateView({ period: value }, 'push');
}
