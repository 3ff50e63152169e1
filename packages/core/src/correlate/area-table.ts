import type { Observation } from '../domain/observation.ts';
import type { Variable } from './correlation-matrix.ts';

export interface AreaTable {
  areaKeys: string[];
  variables: Variable[];
}

/**
 * Lays out indicators side by side per area for one level and period: the input of correlations
 * and typologies. Missing and suppressed observations become null; areas are sorted by key.
 */
export function areaTable(
  observations: readonly Observation[],
  indicatorIds: readonly string[],
  where: { levelId: string; period: string },
): AreaTable {
  const cells = new Map<string, Map<string, number | null>>();
  for (const obs of observations) {
    if (
      obs.levelId !== where.levelId ||
      obs.period !== where.period ||
      !indicatorIds.includes(obs.indicatorId)
    )
      continue;
    const usable = obs.status !== 'missing' && obs.status !== 'suppressed' ? obs.value : null;
    let row = cells.get(obs.areaKey);
    if (!row) cells.set(obs.areaKey, (row = new Map()));
    row.set(obs.indicatorId, usable);
  }
  const areaKeys = [...cells.keys()].sort();
  return {
    areaKeys,
    variables: indicatorIds.map((id) => ({
      id,
      values: areaKeys.map((key) => cells.get(key)!.get(id) ?? null),
    })),
  };
}
