import {
  levelHierarchies,
  periodEndDate,
  poolPeriods,
  protectIndicator,
  type DisclosureRule,
  type IndicatorDefinition,
  type Observation,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { cacheKey, ResultCache } from '../result-cache.ts';

/** A published value; pooled ones name the first period of their block (`period` is its last). */
export type PublishedObservation = StoredObservation & { pooledFrom?: string };

/**
 * One indicator's values in one period after disclosure control, by level, then area key. From
 * `period()` only the values disclosure control changed (the published rest is the stored value);
 * from `pooled()` every value (pooled totals are not stored anywhere).
 */
export type DisclosedPeriod = ReadonlyMap<string, ReadonlyMap<string, PublishedObservation>>;

/** An indicator published as multi-period totals: the blocks' last periods and their values. */
export interface DisclosedBlocks {
  /** Ascending; a block is published under its last period. */
  periods: readonly string[];
  byPeriod: ReadonlyMap<string, DisclosedPeriod>;
}

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
    return this.#cache.get(cacheKey('disclosed', { id: indicator.id, period }), version, async () => {
      const levels = await this.store.listLevels();
      const values = await Promise.all(
        levels.map((level) => this.store.getValues({ indicatorId: indicator.id, levelId: level.id, period })),
      );
      // Only the changed cells are kept: a period of 11,000 Gemeinden would otherwise hold megabytes.
      return this.#protect(indicator, rule, levels, period, values.flat(), true);
    });
  }

  /**
   * A rule with `poolPeriods` n publishes the indicator only as totals of n consecutive periods
   * (blocks ending with the latest period, never overlapping: see `poolPeriods`), each protected like
   * a single period. Single periods of such an indicator never leave a protected role.
   */
  pooled(indicator: IndicatorDefinition, rule: DisclosureRule, version: string): Promise<DisclosedBlocks> {
    return this.#cache.get(cacheKey('disclosed-pooled', { id: indicator.id }), version, async () => {
      const levels = await this.store.listLevels();
      const all = await Promise.all(
        levels.map((level) => this.store.getValues({ indicatorId: indicator.id, levelId: level.id })),
      );
      const { observations } = poolPeriods(all.flat(), {
        periods: rule.poolPeriods!,
        ratePer: indicator.aggregation === 'ratio' ? (indicator.ratePer ?? 100) : undefined,
      });
      const byBlock = new Map<string, Observation[]>();
      for (const o of observations) {
        let block = byBlock.get(o.period);
        if (!block) byBlock.set(o.period, (block = []));
        block.push(o);
      }
      const periods = [...byBlock.keys()].sort();
      const byPeriod = new Map<string, DisclosedPeriod>();
      for (const period of periods)
        byPeriod.set(
          period,
          await this.#protect(indicator, rule, levels, period, byBlock.get(period)!, false),
        );
      return { periods, byPeriod };
    });
  }

  async #protect(
    indicator: IndicatorDefinition,
    rule: DisclosureRule,
    levels: readonly SpatialLevel[],
    period: string,
    observations: readonly (Observation & { batchId?: number | null })[],
    changedOnly: boolean,
  ): Promise<DisclosedPeriod> {
    const at = periodEndDate(period);
    const [areas, population] = await Promise.all([
      Promise.all(levels.map((level) => this.store.listAreas(level.id, { at }))),
      rule.minPopulation
        ? Promise.all(
            levels.map((level) =>
              this.store.getValues({
                indicatorId: rule.minPopulation!.indicatorId,
                levelId: level.id,
                period,
              }),
            ),
          )
        : null,
    ]);
    const result = protectIndicator({
      indicator: { id: indicator.id, aggregation: indicator.aggregation },
      rule,
      observations,
      hierarchies: levelHierarchies(levels, areas.flat()),
      population: population?.flat(),
    });
    const byLevel = new Map<string, Map<string, PublishedObservation>>();
    result.observations.forEach((published, i) => {
      if (
        changedOnly &&
        published.status === observations[i]!.status &&
        published.value === observations[i]!.value
      )
        return;
      let level = byLevel.get(published.levelId);
      if (!level) byLevel.set(published.levelId, (level = new Map()));
      // Pooled totals come from no single import batch.
      level.set(published.areaKey, { ...published, batchId: observations[i]!.batchId ?? null });
    });
    return byLevel;
  }
}
