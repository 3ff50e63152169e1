import type { ColumnField, ColumnReading, ReadingCache } from '../derive/column-reading.ts';
import { reasonOfCode, REASON_CODE, STATUS_CODE } from '../derive/value-codes.ts';
import { columnOf, type ValueColumn, type ValueFrame } from '../derive/value-frame.ts';
import { noteAbsent, warn } from './aggregation-context.ts';
import type { AggregationOptions, AggregationWarning } from './aggregation-types.ts';
import type { CellsCombined } from './combine-child-cells.ts';
import type { LinkTable } from './link-table.ts';

/** What every columnar aggregation rule works with (the counterpart of AggregationContext). */
export interface FrameAggregationContext {
  table: LinkTable;
  /** Child level values. */
  frame: ValueFrame;
  /** Parent level results, filled by the rules. */
  out: ValueFrame;
  options: AggregationOptions;
  partialAllowed: boolean;
  /** Readings as the options say (`-` as 0 by default) and with `-` always missing (means). */
  readings: ReadingCache;
  strictReadings: ReadingCache;
  /** A reading without any observation, for an input that lacks a period. */
  none: ColumnReading;
  warnings: AggregationWarning[];
}

/** One input of a rule: period → reading of its child column. */
export type ReadingSeries = ReadonlyMap<string, ColumnReading>;

export function readingSeries(
  ctx: FrameAggregationContext,
  indicatorId: string,
  field: ColumnField = 'values',
  cache: ReadingCache = ctx.readings,
): ReadingSeries {
  const result = new Map<string, ColumnReading>();
  for (const [period, column] of ctx.frame.columns.get(indicatorId) ?? [])
    result.set(period, cache.read(column, field));
  return result;
}

/** Child cells with an observation, over all periods of a series. */
export function countSeries(series: ReadingSeries): number {
  let n = 0;
  for (const reading of series.values()) for (const code of reading.codes) if (code !== 0) n++;
  return n;
}

/**
 * Calls `fn` for every period (ascending) and every parent (in link order) that has at least one child
 * observed in one of the inputs, as `forEachParent` does; children without a parent are reported once.
 */
export function eachParent(
  indicatorId: string,
  ctx: FrameAggregationContext,
  inputs: readonly ReadingSeries[],
  fn: (parent: number, period: string) => void,
): void {
  reportUnmapped(indicatorId, ctx, inputs);
  const periods = [...new Set(inputs.flatMap((s) => [...s.keys()]))].sort();
  const { start, child } = ctx.table;
  const parents = ctx.table.parents.keys.length;
  for (const period of periods) {
    const cells = inputs.map((s) => s.get(period)).filter((r): r is ColumnReading => r !== undefined);
    for (let p = 0; p < parents; p++) {
      let observed = false;
      for (let k = start[p]!; k < start[p + 1]! && !observed; k++) {
        const c = child[k]!;
        if (c >= 0) for (const reading of cells) if (reading.codes[c] !== 0) observed = true;
      }
      if (observed) fn(p, period);
    }
  }
}

function reportUnmapped(
  indicatorId: string,
  ctx: FrameAggregationContext,
  inputs: readonly ReadingSeries[],
): void {
  const unmapped = new Set<string>();
  const { mapped } = ctx.table;
  for (const series of inputs)
    for (const reading of series.values())
      for (let i = 0; i < reading.codes.length; i++)
        if (reading.codes[i] !== 0 && mapped[i] === 0) unmapped.add(ctx.frame.areas.keys[i]!);
  if (unmapped.size > 0)
    warn(ctx, {
      code: 'unmapped_children',
      indicatorId,
      count: unmapped.size,
      children: [...unmapped],
      message: `${indicatorId}: ${unmapped.size} area(s) have no parent and were left out`,
    });
}

/**
 * Writes a combined result into the parent's cell, as `toObservation` does: a value that is not
 * finite (a ratio over a zero denominator) is `not_meaningful`; coverage gaps and missing children
 * become warnings that name them. Returns the parent's column.
 */
export function writeCombined(
  ctx: FrameAggregationContext,
  indicatorId: string,
  period: string,
  parent: number,
  combined: CellsCombined,
): ValueColumn {
  const where = { indicatorId, period, parentKey: ctx.table.parents.keys[parent]! };
  noteAbsent(ctx, where, combined.absent, combined.kind === 'missing');
  const column = columnOf(ctx.out, indicatorId, period);
  if (combined.kind === 'value' && Number.isFinite(combined.value)) {
    column.values[parent] = combined.value;
    column.status[parent] = combined.code;
    return column;
  }
  column.status[parent] = STATUS_CODE.missing;
  if (combined.kind === 'value') {
    column.reasons[parent] = REASON_CODE.not_meaningful;
    return column;
  }
  if (combined.missing.length > 0) {
    const children = combined.missing.map((m) => `${m.key} (${reasonOfCode(m.code)})`);
    warn(ctx, {
      code: 'missing_children',
      ...where,
      count: children.length,
      children,
      message: `${indicatorId} ${period} ${where.parentKey}: missing (${reasonOfCode(combined.code)}) because child value(s) are missing: ${children.join(', ')}`,
    });
  }
  column.reasons[parent] = combined.code;
  return column;
}
