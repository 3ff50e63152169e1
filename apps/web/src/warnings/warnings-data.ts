import { computed } from '@preact/signals';
import { api } from '../state/data.ts';
import { keyedResource } from '../state/resource.ts';
import { viewState } from '../state/store.ts';
import type { WarningsResponse } from './warning-types.ts';

/** Loaded only while the early-warning page is open: the evaluation runs every rule. */
export const warnings = keyedResource<WarningsResponse>(
  () => (viewState.value.page === 'warnings' ? 'warnings' : null),
  () => api.getWarnings(),
  2,
);

/** Names of the composite indices, for rules that watch an index class rather than an indicator. */
export const indexNames = keyedResource<Map<string, string>>(
  () => (viewState.value.page === 'warnings' ? 'indices' : null),
  async () => new Map((await api.listIndexPresets()).map((p) => [p.id, p.name])),
  1,
);

export const warningLevels = computed(() => [
  ...new Set((warnings.state.value.data?.rules ?? []).map((rule) => rule.level)),
]);
