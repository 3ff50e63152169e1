import { DomainError, type IndexDefinition } from '@lagebild/core';
import type { Store } from '@lagebild/store';

/**
 * The level an index is computed on when the caller names none: the finest level (highest sort
 * order) on which its first component has values for the period — the Planungsräume for the MSS,
 * not the Bezirke that carry the same indicators.
 */
export async function chooseIndexLevel(
  store: Store,
  definition: IndexDefinition,
  period: string,
): Promise<string> {
  const indicatorId = definition.components[0]!.indicator;
  const levels = (await store.listLevels()).sort((a, b) => b.sortOrder - a.sortOrder);
  for (const level of levels) {
    if ((await store.listPeriods(indicatorId, level.id)).includes(period)) return level.id;
  }
  throw new DomainError(
    'ValidationFailed',
    `index "${definition.id}": indicator "${indicatorId}" has no values for period ${period} on any level`,
    { preset: definition.id, indicatorId, period },
  );
}
