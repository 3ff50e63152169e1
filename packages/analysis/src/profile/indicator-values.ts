import type { IndicatorDefinition, StoredObservation } from '@lagebild/core';
import type { Store, ValueQuery } from '@lagebild/store';

/**
 * Reads an indicator's values for one profile. `store` is the analysis service's derived-aware view
 * (`analysis.reads`), so stored and derived indicators read alike. Every read is per indicator and
 * level, never one query per area; and one profile reads each (indicator, level, period) once, even
 * when a derived indicator needs it again as an input.
 */
export class IndicatorValues {
  readonly #store: Store;
  readonly #derived: ReadonlySet<string>;

  constructor(store: Store, catalogue: readonly IndicatorDefinition[]) {
    this.#store = onceEach(store);
    this.#derived = new Set(catalogue.filter((i) => i.formula !== null).map((i) => i.id));
  }

  isDerived(indicatorId: string): boolean {
    return this.#derived.has(indicatorId);
  }

  /** The periods with values on the level, ascending. */
  periods(indicatorId: string, levelId: string): Promise<string[]> {
    return this.#store.listPeriods(indicatorId, levelId);
  }

  /** All areas of the level in one period, or one area. */
  at(indicatorId: string, levelId: string, period: string, areaKey?: string): Promise<StoredObservation[]> {
    return this.#store.getValues({
      indicatorId,
      levelId,
      period,
      areaKeys: areaKey === undefined ? undefined : [areaKey],
    });
  }

  /** The time series of one area, ascending by period. */
  series(indicatorId: string, levelId: string, areaKey: string): Promise<StoredObservation[]> {
    return this.#store.getSeries(indicatorId, levelId, areaKey);
  }
}

/** The store with `getValues` and `listPeriods` answered once per distinct query (pending ones shared). */
function onceEach(store: Store): Store {
  const values = new Map<string, Promise<StoredObservation[]>>();
  const periods = new Map<string, Promise<string[]>>();
  const remember = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (!found) {
      found = read();
      cache.set(key, found);
    }
    return found;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'getValues')
        return (query: ValueQuery) => remember(values, valueKey(query), () => target.getValues(query));
      if (property === 'listPeriods')
        return (indicatorId: string, levelId: string) =>
          remember(periods, `${indicatorId}\u001f${levelId}`, () => target.listPeriods(indicatorId, levelId));
      const member = Reflect.get(target, property, target) as unknown;
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
  });
}

function valueKey(query: ValueQuery): string {
  return [query.indicatorId, query.levelId, query.period ?? '*', query.areaKeys?.join(',') ?? '*'].join(
    '\u001f',
  );
}
