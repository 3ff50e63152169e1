import type { Correspondence } from '../domain/area.ts';
import type { Observation } from '../domain/observation.ts';
import { periodEndDate } from '../trends/period-time.ts';
import { aggregateObservations, correspondenceLevels } from './aggregate-observations.ts';
import { linksFromCorrespondences } from './aggregation-links.ts';
import type {
  AggregatableIndicator,
  AggregationLink,
  AggregationOptions,
  AggregationResult,
} from './aggregation-types.ts';

export interface RecalculateInput {
  indicators: readonly AggregatableIndicator[];
  observations: readonly Observation[];
  /**
   * Old version → new version, only for areas that changed (merged, split, re-keyed). An old area
   * that appears in none of them is taken to continue unchanged under its key.
   */
  correspondences: readonly Correspondence[];
  /** ISO date from which the new territorial status holds. */
  changeDate: string;
  options?: AggregationOptions;
}

/**
 * Puts a time series on one territorial status (Gebietsstand): every period whose reference date
 * lies before `changeDate` is aggregated from the old areas onto the new ones, by the same rules as
 * any aggregation; periods from `changeDate` on are already on the new status and pass through.
 * For several successive changes, apply this once per change, oldest first.
 */
export function recalculateToTerritorialStatus(input: RecalculateInput): AggregationResult {
  const { fromLevelId, toLevelId } = correspondenceLevels(input.correspondences);
  const isOld = (o: Observation) => o.levelId === fromLevelId && periodEndDate(o.period) < input.changeDate;
  const isNew = (o: Observation) => o.levelId === toLevelId && periodEndDate(o.period) >= input.changeDate;
  const old = input.observations.filter(isOld);
  const links = withUnchangedAreas(linksFromCorrespondences(input.correspondences), old);
  const mapped = aggregateObservations(
    { indicators: input.indicators, observations: old, fromLevelId, toLevelId, options: input.options },
    links,
  );
  const ids = new Set(input.indicators.map((d) => d.id));
  const current = input.observations.filter((o) => isNew(o) && ids.has(o.indicatorId));
  return { observations: [...mapped.observations, ...current], warnings: mapped.warnings };
}

function withUnchangedAreas(links: AggregationLink[], old: readonly Observation[]): AggregationLink[] {
  const changed = new Set(links.map((l) => l.childKey));
  const unchanged = [...new Set(old.map((o) => o.areaKey))].filter((key) => !changed.has(key));
  return [...links, ...unchanged.map((key) => ({ childKey: key, parentKey: key, weight: 1 }))];
}
