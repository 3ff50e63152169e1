import {
  indicatorAccessOnLevel,
  indicatorVisible,
  needsDisclosureControl,
  parseFormula,
  withinScopes,
  type AreaScope,
  type DisclosureRule,
  type IndicatorAccess,
  type IndicatorDefinition,
  type Principal,
  type StoredObservation,
} from '@lagebild/core';
import type { Store, ValueQuery } from '@lagebild/store';
import type { AccessRules } from './access-rules.ts';
import type { DisclosedValues, PublishedObservation } from './disclosed-values.ts';

export interface ProtectedStoreOptions {
  principal: Principal;
  rules: AccessRules;
  disclosed: DisclosedValues;
  /** Changes with the data and the rules: the key of the disclosure results. */
  version: () => Promise<string>;
}

/**
 * The store as one principal may read it: indicators it may not see do not exist (not in the
 * catalogue, no versions, no periods, no values: a 404 like any unknown id), values of other areas
 * are left out where it sees only its own, and values that need disclosure control come suppressed.
 * Every analysis and every read route reads through this view, so whatever they compute is a
 * function of what the principal may see and nothing else. Writes and everything that is not
 * indicator data pass through unchanged.
 */
export function protectedStore(store: Store, options: ProtectedStoreOptions): Store {
  const { principal, rules } = options;
  const controlled = needsDisclosureControl(principal);
  let levelIds: Promise<string[]> | null = null;
  const allLevels = () => (levelIds ??= store.listLevels().then((levels) => levels.map((l) => l.id)));
  const parents = new Map<string, Promise<Map<string, AreaScope | null>>>();

  // A view lives for one data version and one revision of the rules, so its decisions can be kept.
  const decided = new Map<string, Promise<boolean>>();
  function visible(indicator: IndicatorDefinition): Promise<boolean> {
    const key = `${indicator.id}@${indicator.version}`;
    let found = decided.get(key);
    if (!found) decided.set(key, (found = decide(indicator)));
    return found;
  }

  /** A derived indicator is visible only with all its inputs: its values are computed from them. */
  async function decide(indicator: IndicatorDefinition, seen = new Set<string>()): Promise<boolean> {
    if (!indicatorVisible(principal, indicator, await allLevels(), rules.classes)) return false;
    if (indicator.formula === null) return true;
    if (seen.has(indicator.id)) return false;
    seen.add(indicator.id);
    for (const ref of parseFormula(indicator.formula).references) {
      const input = await store.getIndicator(ref);
      if (!input || !(await decide(input, seen))) return false;
      // Multi-period totals do not mix with single periods in a formula (cases of three years over
      // the population of one): a derived indicator over a pooled input is not published.
      if (pooledRule(input)) return false;
    }
    return true;
  }

  /** The rule of an indicator published as multi-period totals to this principal, or null. */
  function pooledRule(indicator: IndicatorDefinition): DisclosureRule | null {
    const rule = rules.rules.get(indicator.id);
    return controlled && rule?.poolPeriods && indicator.formula === null ? rule : null;
  }

  async function readable(id: string): Promise<IndicatorDefinition | null> {
    const indicator = await store.getIndicator(id);
    return indicator && (await visible(indicator)) ? indicator : null;
  }

  function accessOn(indicator: IndicatorDefinition, levelId: string): IndicatorAccess {
    return indicatorAccessOnLevel(principal, indicator, levelId, rules.classes);
  }

  async function parentsOf(levelId: string): Promise<Map<string, AreaScope | null>> {
    let found = parents.get(levelId);
    if (!found) {
      found = (async () => {
        const [level, areas] = await Promise.all([store.getLevel(levelId), store.listAreas(levelId)]);
        return new Map(
          areas.map((a) => [
            a.key,
            level?.parentLevelId && a.parentKey ? { levelId: level.parentLevelId, key: a.parentKey } : null,
          ]),
        );
      })();
      parents.set(levelId, found);
    }
    return found;
  }

  /** Keeps the observations of the principal's own areas (and those inside them). */
  async function ownAreasOnly(values: StoredObservation[]): Promise<StoredObservation[]> {
    const levels = new Set(values.map((o) => o.levelId));
    const lookups = new Map<string, Map<string, AreaScope | null>>();
    // Parents of every level on the way up, loaded before the synchronous walk.
    const pending = [...levels];
    while (pending.length > 0) {
      const levelId = pending.pop()!;
      if (lookups.has(levelId)) continue;
      const map = await parentsOf(levelId);
      lookups.set(levelId, map);
      for (const parent of map.values())
        if (parent && !lookups.has(parent.levelId)) pending.push(parent.levelId);
    }
    const parentOf = (levelId: string, key: string) => lookups.get(levelId)?.get(key) ?? null;
    return values.filter((o) =>
      withinScopes({ levelId: o.levelId, key: o.areaKey }, principal.areas, parentOf),
    );
  }

  /** The published form of stored values: disclosure control where the indicator has a rule. */
  async function published(
    indicator: IndicatorDefinition,
    values: StoredObservation[],
  ): Promise<StoredObservation[]> {
    const rule = rules.rules.get(indicator.id);
    if (!controlled || !rule || indicator.formula !== null || values.length === 0) return values;
    const version = await options.version();
    const periods = new Map<string, Awaited<ReturnType<DisclosedValues['period']>>>();
    for (const period of new Set(values.map((o) => o.period)))
      periods.set(period, await options.disclosed.period(indicator, rule, period, version));
    return values.map((o) => periods.get(o.period)?.get(o.levelId)?.get(o.areaKey) ?? o);
  }

  /** The published blocks of a pooled indicator on one level, as the query selects them. */
  async function pooledValues(
    indicator: IndicatorDefinition,
    rule: DisclosureRule,
    levelId: string,
    select: { period?: string; areaKeys?: readonly string[] },
  ): Promise<PublishedObservation[]> {
    const blocks = await options.disclosed.pooled(indicator, rule, await options.version());
    const periods = select.period === undefined ? blocks.periods : [select.period];
    const keys = select.areaKeys ? new Set(select.areaKeys) : null;
    return periods.flatMap((period) =>
      [...(blocks.byPeriod.get(period)?.get(levelId)?.values() ?? [])].filter(
        (o) => keys === null || keys.has(o.areaKey),
      ),
    );
  }

  async function visibleValues(
    indicatorId: string,
    levelId: string,
    select: { period?: string; areaKeys?: readonly string[] },
    read: () => Promise<StoredObservation[]>,
  ): Promise<StoredObservation[]> {
    const indicator = await readable(indicatorId);
    if (!indicator) return [];
    const access = accessOn(indicator, levelId);
    if (access.kind === 'none') return [];
    const pooled = pooledRule(indicator);
    const values = pooled
      ? await pooledValues(indicator, pooled, levelId, select)
      : await published(indicator, await read());
    return access.kind === 'own-areas' ? ownAreasOnly(values) : values;
  }

  const overrides: Partial<Store> = {
    async listIndicators() {
      const all = await store.listIndicators();
      const keep = await Promise.all(all.map((i) => visible(i)));
      return all.filter((_, i) => keep[i]);
    },
    async getIndicator(id: string, version?: number) {
      if (!(await readable(id))) return null;
      return store.getIndicator(id, version);
    },
    async listIndicatorVersions(id: string) {
      return (await readable(id)) ? store.listIndicatorVersions(id) : [];
    },
    async listPeriods(indicatorId: string, levelId: string) {
      const indicator = await readable(indicatorId);
      if (!indicator || accessOn(indicator, levelId).kind === 'none') return [];
      const pooled = pooledRule(indicator);
      if (!pooled) return store.listPeriods(indicatorId, levelId);
      const blocks = await options.disclosed.pooled(indicator, pooled, await options.version());
      return blocks.periods.filter((p) => (blocks.byPeriod.get(p)?.get(levelId)?.size ?? 0) > 0);
    },
    getValues: (query: ValueQuery) =>
      visibleValues(query.indicatorId, query.levelId, query, () => store.getValues(query)),
    getSeries: (indicatorId: string, levelId: string, areaKey: string) =>
      visibleValues(indicatorId, levelId, { areaKeys: [areaKey] }, () =>
        store.getSeries(indicatorId, levelId, areaKey),
      ),
    async countObservations(indicatorId: string) {
      const indicator = await readable(indicatorId);
      if (!indicator) return [];
      const counts = await store.countObservations(indicatorId);
      return counts.filter((c) => accessOn(indicator, c.levelId).kind !== 'none');
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
