import { computed } from '@preact/signals';
import { api } from '../state/data.ts';
import { keyedResource } from '../state/resource.ts';
import { viewState } from '../state/store.ts';
import type { AreaProfileResponse } from './profile-types.ts';

const SEP = '\u001f';

/** The profile's area on its level, when the page names one. */
export const profileArea = computed(() => {
  const { page, level, area } = viewState.value;
  return page === 'profile' && area ? { level, area } : null;
});

/** The profile of the area in the view state, at its period (null: the latest); cached per key. */
export const areaProfile = keyedResource<AreaProfileResponse>(
  () => {
    const target = profileArea.value;
    return target ? [target.level, target.area, viewState.value.period ?? ''].join(SEP) : null;
  },
  (key) => {
    const [level, area, period] = key.split(SEP) as [string, string, string];
    return api.getAreaProfile(level, area, period || null);
  },
  8,
);
