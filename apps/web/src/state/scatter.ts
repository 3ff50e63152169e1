import { computed } from '@preact/signals';
import type { CatalogueEntry, Value } from '../api/types.ts';
import { matchingPeriod } from '../lib/scatter-data.ts';
import { api, effectivePeriod, indicatorById, catalogue } from './data.ts';
import { keyedResource } from './resource.ts';
import { indicatorId, levelId, updateView, viewState } from './store.ts';

const SEP = '\u001f';

/** The scatter chart's second indicator (x); never the map's own indicator. */
export const versusId = computed(() => {
  const versus = viewState.value.versus;
  return versus && versus !== indicatorId.value ? versus : null;
});
export const versusIndicator = computed(() =>
  versusId.value ? (indicatorById.value.get(versusId.value) ?? null) : null,
);

/** The indicators the scatter chart can set against the map's: those with values on the level. */
export const versusChoices = computed<CatalogueEntry[]>(() => {
  const level = levelId.value;
  return (catalogue.state.value.data ?? [])
    .filter((i) => i.id !== indicatorId.value && i.coverage.some((c) => c.levelId === level && c.values > 0))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.name.localeCompare(b.name));
});

export interface VersusValues {
  /** The map's period the values go with. */
  wanted: string;
  /** The period of the values: the same, or the nearest (see matchingPeriod); null when none exists. */
  period: string | null;
  values: Value[];
}

/** The second indicator's values on the map's level, in the period matching the map's. */
export const versusValues = keyedResource<VersusValues>(
  () => {
    const versus = versusId.value;
    const period = effectivePeriod.value;
    return versus && period ? [versus, levelId.value, period].join(SEP) : null;
  },
  async (key) => {
    const [versus, level, wanted] = key.split(SEP) as [string, string, string];
    const period = matchingPeriod(await api.listPeriods(versus, level), wanted);
    if (period === null) return { wanted, period, values: [] };
    return { wanted, period, values: (await api.getValues(versus, level, period)).values };
  },
  16,
);

export function setVersus(id: string | null): void {
  updateView({ versus: id }, 'replace');
}
