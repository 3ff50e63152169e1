import type { Observation } from '../domain/observation.ts';
import type { IndexDefinition } from './definition.ts';
import type { IndexRow } from './exclusions.ts';

/** The indicators an index reads: its components and, if set, the population. */
export function indexInputs(definition: IndexDefinition): string[] {
  const ids = definition.components.map((c) => c.indicator);
  if (definition.population !== null) ids.unshift(definition.population);
  return [...new Set(ids)];
}

/**
 * Turns stored observations (of any of the index's indicators, one level and period) into one row
 * per area, ordered by key. A missing observation stays null: the index leaves the area out.
 */
export function indexRowsFromObservations(
  observations: readonly Pick<Observation, 'indicatorId' | 'areaKey' | 'value'>[],
  names: ReadonlyMap<string, string> = new Map(),
): IndexRow[] {
  const rows = new Map<string, Record<string, number | null>>();
  for (const o of observations) {
    const values = rows.get(o.areaKey) ?? {};
    values[o.indicatorId] = o.value;
    rows.set(o.areaKey, values);
  }
  return [...rows.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, name: names.get(key) ?? null, values: rows.get(key)! }));
}
