import {
  levelHierarchies,
  periodEndDate,
  protectIndicator,
  type DisclosureRule,
  type IndicatorDefinition,
  type StoredObservation,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { cacheKey, ResultCache } from '../result-cache.ts';

/** One indicator's values in one period after disclosure control: by level, then area key. */
export type DisclosedPeriod = ReadonlyMap<string, ReadonlyMap<string, StoredObservation>>;

/**
 * Disclosure control of stored values, shared by every principal it applies to: primary and secondary
 * suppression are decided on the whole table of a period (all levels, all areas), never on the part
 * one principal sees. Two users with different area scopes therefore see the same suppression
 * pattern, and nothing can be recovered by putting their outputs side by side.
 */
export class DisclosedValues {
  readonly #cache = new ResultCache(2000);

  constructor(private readonly store: Store) {}

  /** `version` must change whenever the data or the rules do (the cache is keyed by it). */
  period(
    indicator: IndicatorDefinition,
    rule: DisclosureRule,
    period: string,
    version: string,
  ): Promise<DisclosedPeriod> {
    return this.#cache.get(cacheKey('disclosed', { id: indicator.id, period }), version, () =>
      this.#compute(indicator, rule, period),
    );
  }

  async #compute(
    indicator: IndicatorDefinition,
    rule: DisclosureRule,
    period: string,
  ): Promise<DisclosedPeriod> {
    const levels = await this.store.listLevels();
    const at = periodEndDate(period);
    const perLevel = await Promise.all(
      levels.map(async (level) => ({
        values: await this.store.getValues({ indicatorId: indicator.id, levelId: level.id, period }),
        population: rule.minPopulation
          ? await this.store.getValues({
              indicatorId: rule.minPopulation.indicatorId,
              levelId: level.id,
              period,
            })
          : [],
        areas: await this.store.listAreas(level.id, { at }),
      })),
    );
    const observations = perLevel.flatMap((l) => l.values);
    const result = protectIndicator({
      indicator: { id: indicator.id, aggregation: indicator.aggregation },
      rule,
      observations,
      hierarchies: levelHierarchies(
        levels,
        perLevel.flatMap((l) => l.areas),
      ),
      population: rule.minPopulation ? perLevel.flatMap((l) => l.population) : undefined,
    });
    const byLevel = new Map<string, Map<string, StoredObservation>>();
    result.observations.forEach((published, i) => {
      const stored = observations[i]!;
      let level = byLevel.get(stored.levelId);
      if (!level) byLevel.set(stored.levelId, (level = new Map()));
      level.set(stored.areaKey, { ...published, batchId: stored.batchId });
    });
    return byLevel;
  }
}
