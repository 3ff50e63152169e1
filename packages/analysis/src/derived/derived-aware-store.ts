import type { StoredObservation } from '@lagebild/core';
import type { Store, ValueQuery } from '@lagebild/store';
import type { DerivedQuery } from './derived-values.ts';

/** How the derived values are obtained (the analysis service passes its cached computations). */
export interface DerivedReads {
  values(indicatorId: string, query: DerivedQuery): Promise<{ values: StoredObservation[] }>;
  periods(indicatorId: string, levelId: string): Promise<{ periods: string[] }>;
}

/**
 * The store as analyses and read routes see it: the values, periods and series of a derived indicator
 * (one with a formula) are computed from its inputs, so comparisons, aggregation, trends, correlations,
 * indices, warnings and exports treat derived and stored indicators alike, through one code path.
 * Everything else, writes included, goes to the store unchanged.
 */
export function withDerivedIndicators(store: Store, derived: DerivedReads): Store {
  const isDerived = async (indicatorId: string) => (await store.getIndicator(indicatorId))?.formula != null;

  async function getValues(query: ValueQuery): Promise<StoredObservation[]> {
    if (!(await isDerived(query.indicatorId))) return store.getValues(query);
    const single = query.areaKeys?.length === 1 ? query.areaKeys[0] : undefined;
    const { values } = await derived.values(query.indicatorId, {
      level: query.levelId,
      period: query.period,
      area: single,
    });
    if (query.areaKeys === undefined || single !== undefined) return values;
    const keys = new Set(query.areaKeys);
    return values.filter((o) => keys.has(o.areaKey));
  }

  async function listPeriods(indicatorId: string, levelId: string): Promise<string[]> {
    if (!(await isDerived(indicatorId))) return store.listPeriods(indicatorId, levelId);
    return (await derived.periods(indicatorId, levelId)).periods;
  }

  async function getSeries(indicatorId: string, levelId: string, areaKey: string) {
    if (!(await isDerived(indicatorId))) return store.getSeries(indicatorId, levelId, areaKey);
    return getValues({ indicatorId, levelId, areaKeys: [areaKey] });
  }

  const overrides: Partial<Store> = { getValues, listPeriods, getSeries };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
