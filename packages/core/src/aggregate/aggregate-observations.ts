import type { Correspondence } from '../domain/area.ts';
import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { aggregateIndicator } from './aggregate-indicator.ts';
import { indexLinks, linksFromCorrespondences, linksFromParentMap } from './aggregation-links.ts';
import type {
  AggregatableIndicator,
  AggregationLink,
  AggregationOptions,
  AggregationResult,
  AggregationWarning,
} from './aggregation-types.ts';
import { seriesByIndicator } from './observation-series.ts';

export interface AggregateInput {
  /** The indicators to aggregate; numerator, denominator and weight indicators need not be listed. */
  indicators: readonly AggregatableIndicator[];
  /** Observations on the child level, including those of numerator, denominator and weight indicators. */
  observations: readonly Observation[];
  fromLevelId: string;
  toLevelId: string;
  options?: AggregationOptions;
}

/**
 * Aggregates child observations to parents along weighted links, by each indicator's rule: counts
 * add up (times the link weight), ratios are re-derived from aggregated numerator and denominator,
 * weighted means use the weight indicator and are marked estimated, `none` is not aggregated.
 * Pure; problems are returned as counted warnings.
 */
export function aggregateObservations(
  input: AggregateInput,
  links: readonly AggregationLink[],
): AggregationResult {
  const warnings: AggregationWarning[] = [];
  const ctx = {
    links: indexLinks(links, warnings),
    series: seriesByIndicator(input.observations, input.fromLevelId),
    toLevelId: input.toLevelId,
    options: input.options ?? {},
    warnings,
  };
  const observations = input.indicators.flatMap((def) => aggregateIndicator(def, ctx));
  return { observations, warnings };
}

/** Aggregation along a nesting hierarchy, e.g. Gemeinde → Kreis, with `parentOf` child key → parent key. */
export function aggregateToParents(
  input: AggregateInput,
  parentOf: ReadonlyMap<string, string>,
): AggregationResult {
  return aggregateObservations(input, linksFromParentMap(parentOf));
}

/**
 * Aggregation across weighted correspondences (non-nesting levels): each `from` area contributes its
 * share `weight` to the `to` area. Results that split an area by a share are marked estimated.
 */
export function aggregateByCorrespondences(
  input: Omit<AggregateInput, 'fromLevelId' | 'toLevelId'>,
  correspondences: readonly Correspondence[],
): AggregationResult {
  const { fromLevelId, toLevelId } = correspondenceLevels(correspondences);
  return aggregateObservations(
    { ...input, fromLevelId, toLevelId },
    linksFromCorrespondences(correspondences),
  );
}

export function correspondenceLevels(correspondences: readonly Correspondence[]): {
  fromLevelId: string;
  toLevelId: string;
} {
  const first = correspondences[0];
  if (!first)
    throw new DomainError('ValidationFailed', 'no correspondences given: nothing to aggregate along');
  const other = correspondences.find(
    (c) => c.fromLevelId !== first.fromLevelId || c.toLevelId !== first.toLevelId,
  );
  if (other)
    throw new DomainError(
      'ValidationFailed',
      `correspondences mix levels: ${first.fromLevelId} → ${first.toLevelId} and ${other.fromLevelId} → ${other.toLevelId}`,
      { first, other },
    );
  return { fromLevelId: first.fromLevelId, toLevelId: first.toLevelId };
}
