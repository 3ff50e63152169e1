import { absentReading, ReadingCache } from '../derive/column-reading.ts';
import { framesFromObservations, observationsFromFrame } from '../derive/value-frame-observations.ts';
import type { AreaIndex, ValueFrame } from '../derive/value-frame.ts';
import { areaIndex } from '../derive/value-frame.ts';
import { DomainError } from '../domain/errors.ts';
import type { AggregateInput } from './aggregate-observations.ts';
import { aggregateFrameIndicator } from './aggregate-frame-indicator.ts';
import type {
  AggregatableIndicator,
  AggregationLink,
  AggregationOptions,
  AggregationResult,
  AggregationWarning,
} from './aggregation-types.ts';
import { linkTable, parentLinkTable, type LinkTable } from './link-table.ts';

export interface AggregateFrameInput {
  /** The indicators to aggregate; numerator, denominator and weight indicators need not be listed. */
  indicators: readonly AggregatableIndicator[];
  /** Values on the child level, including those of numerator, denominator and weight indicators. */
  frame: ValueFrame;
  toLevelId: string;
  options?: AggregationOptions;
}

export interface AggregateFrameResult {
  /** The parent level: one column per indicator and period with at least one parent computed. */
  frame: ValueFrame;
  warnings: AggregationWarning[];
}

/**
 * The columnar `aggregateObservations`: the same rules, results and warnings, over whole columns
 * through a link table (build it once per pair of levels with `linkTable` or `parentLinkTable` and
 * reuse it). Counts add up (times the link weight), ratios are re-derived from the aggregated
 * numerator and denominator (the parent column carries both), weighted means use the weight
 * indicator and are marked estimated, `none` is only carried over from a single whole child.
 */
export function aggregateFrame(input: AggregateFrameInput, table: LinkTable): AggregateFrameResult {
  if (!sameAreas(table.childAreas, input.frame.areas))
    throw new DomainError(
      'ValidationFailed',
      `the link table indexes other areas than the frame of level ${input.frame.levelId}: build it from that frame's areas`,
      { levelId: input.frame.levelId },
    );
  const options = input.options ?? {};
  const nothingAsZero = options.nothingAsZero ?? true;
  const warnings = [...table.warnings];
  const out: ValueFrame = { levelId: input.toLevelId, areas: table.parents, columns: new Map() };
  const ctx = {
    table,
    frame: input.frame,
    out,
    options,
    partialAllowed: options.partialCoverage === 'flag',
    readings: new ReadingCache(nothingAsZero),
    strictReadings: new ReadingCache(false),
    none: absentReading(input.frame.areas.keys.length),
    warnings,
  };
  for (const def of input.indicators) aggregateFrameIndicator(def, ctx);
  return { frame: out, warnings };
}

/** Aggregation along a nesting hierarchy, e.g. Gemeinde → Kreis, with `parentOf` child key → parent key. */
export function aggregateFrameToParents(
  input: AggregateFrameInput,
  parentOf: ReadonlyMap<string, string>,
): AggregateFrameResult {
  return aggregateFrame(input, parentLinkTable(parentOf, input.frame.areas));
}

function sameAreas(a: AreaIndex, b: AreaIndex): boolean {
  if (a === b) return true;
  return a.keys.length === b.keys.length && a.keys.every((key, i) => key === b.keys[i]);
}

/**
 * `aggregateObservations` through the columnar path, converting at the boundary: the same arguments,
 * and the same observations (in the same order) and warnings.
 */
export function aggregateObservationsByColumns(
  input: AggregateInput,
  links: readonly AggregationLink[],
): AggregationResult {
  const onLevel = input.observations.filter((o) => o.levelId === input.fromLevelId);
  const frame = framesFromObservations(onLevel).get(input.fromLevelId) ?? {
    levelId: input.fromLevelId,
    areas: areaIndex([]),
    columns: new Map(),
  };
  const result = aggregateFrame(
    { indicators: input.indicators, frame, toLevelId: input.toLevelId, options: input.options },
    linkTable(links, frame.areas),
  );
  return { observations: observationsFromFrame(result.frame), warnings: result.warnings };
}
