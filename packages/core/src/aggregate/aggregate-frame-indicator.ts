import { ESTIMATED } from '../derive/value-codes.ts';
import { columnOf } from '../derive/value-frame.ts';
import { warn } from './aggregation-context.ts';
import type { AggregatableIndicator } from './aggregation-types.ts';
import { sumCells, weightedMeanCells, type CellsCombined } from './combine-child-cells.ts';
import {
  countSeries,
  eachParent,
  readingSeries,
  writeCombined,
  type FrameAggregationContext,
  type ReadingSeries,
} from './frame-aggregation-context.ts';
import type { LinkTable } from './link-table.ts';

type Missing = Extract<CellsCombined, { kind: 'missing' }>;

const NONE: readonly string[] = Object.freeze([]);

/** Aggregates one indicator by its rule over columns, as aggregate-indicator.ts does over objects. */
export function aggregateFrameIndicator(def: AggregatableIndicator, ctx: FrameAggregationContext): void {
  switch (def.aggregation) {
    case 'sum':
      return aggregateSum(def, ctx);
    case 'ratio':
      return aggregateRatio(def, ctx);
    case 'weighted_mean':
      return aggregateWeightedMean(def, ctx);
    case 'none':
      return passThroughSingleChildren(def, ctx);
  }
}

function aggregateSum(def: AggregatableIndicator, ctx: FrameAggregationContext): void {
  const series = readingSeries(ctx, def.id);
  eachParent(def.id, ctx, [series], (parent, period) => {
    const combined = sumCells(ctx.table, parent, series.get(period) ?? ctx.none, ctx.partialAllowed);
    writeCombined(ctx, def.id, period, parent, combined);
  });
}

/** Shares and rates are re-derived from the aggregated counts, never averaged. */
function aggregateRatio(def: AggregatableIndicator, ctx: FrameAggregationContext): void {
  const inputs = ratioInputs(def, ctx);
  if (!inputs) return;
  const [numerators, denominators] = inputs;
  const ratePer = def.ratePer ?? 1;
  const flag = ctx.partialAllowed;
  eachParent(def.id, ctx, inputs, (parent, period) => {
    const numCells = numerators.get(period) ?? ctx.none;
    const denCells = denominators.get(period) ?? ctx.none;
    // With partial coverage allowed, numerator and denominator must still come from the same
    // children, or the ratio would mix areas.
    const paired = flag ? ([numCells, denCells] as const) : null;
    const num = sumCells(ctx.table, parent, numCells, flag, paired);
    const den = sumCells(ctx.table, parent, denCells, flag, paired);
    if (num.kind === 'missing' || den.kind === 'missing') {
      writeCombined(ctx, def.id, period, parent, mergeMissing(num, den));
      return;
    }
    const unpaired = flag ? unpairedChildren(ctx.table, parent, numCells.codes, denCells.codes) : NONE;
    const column = writeCombined(ctx, def.id, period, parent, {
      kind: 'value',
      value: den.value === 0 ? Number.NaN : (ratePer * num.value) / den.value,
      code: Math.max(num.code, den.code, unpaired.length > 0 ? ESTIMATED : 0),
      absent: distinct(num.absent, den.absent, unpaired),
    });
    (column.numerators ??= nanArray(column.values.length))[parent] = num.value;
    (column.denominators ??= nanArray(column.values.length))[parent] = den.value;
  });
}

function unpairedChildren(table: LinkTable, parent: number, num: Uint8Array, den: Uint8Array): string[] {
  const unpaired: string[] = [];
  for (let k = table.start[parent]!; k < table.start[parent + 1]!; k++) {
    const c = table.child[k]!;
    if (c < 0 || num[c] === 0 || den[c] === 0) unpaired.push(table.childKeys[k]!);
  }
  return unpaired;
}

function ratioInputs(
  def: AggregatableIndicator,
  ctx: FrameAggregationContext,
): [ReadingSeries, ReadingSeries] | null {
  if (def.numeratorId && def.denominatorId)
    return [readingSeries(ctx, def.numeratorId), readingSeries(ctx, def.denominatorId)];
  const own = readingSeries(ctx, def.id);
  const count = countSeries(own);
  if (count === 0) return null;
  const numerators = readingSeries(ctx, def.id, 'numerators');
  const denominators = readingSeries(ctx, def.id, 'denominators');
  if (carriesCounts(ctx, def.id)) return [numerators, denominators];
  warn(ctx, {
    code: 'ratio_inputs_unknown',
    indicatorId: def.id,
    count,
    message: `ratio indicator "${def.id}" names no numerator/denominator indicators and its observations carry no counts: not aggregated (a ratio is never averaged)`,
  });
  return null;
}

/** True when some observation of the indicator carries both counts, so the ratio can be re-derived. */
function carriesCounts(ctx: FrameAggregationContext, indicatorId: string): boolean {
  for (const column of ctx.frame.columns.get(indicatorId)?.values() ?? []) {
    const { status, numerators, denominators } = column;
    if (!numerators || !denominators) continue;
    for (let i = 0; i < status.length; i++)
      if (status[i] !== 0 && !Number.isNaN(numerators[i]!) && !Number.isNaN(denominators[i]!)) return true;
  }
  return false;
}

function mergeMissing(...parts: CellsCombined[]): Missing {
  const missing = parts.filter((p): p is Missing => p.kind === 'missing');
  return {
    kind: 'missing',
    code: Math.max(...missing.map((p) => p.code)),
    missing: missing.flatMap((p) => p.missing),
    absent: distinct(...missing.map((p) => p.absent)),
  };
}

/** The keys of all lists, each once, in first-seen order; almost always all lists are empty. */
function distinct(...lists: (readonly string[])[]): readonly string[] {
  if (lists.every((list) => list.length === 0)) return NONE;
  return [...new Set(lists.flat())];
}

function aggregateWeightedMean(def: AggregatableIndicator, ctx: FrameAggregationContext): void {
  // A value of `-` is not a zero mean: values are read with `-` as missing whatever the options say.
  const values = readingSeries(ctx, def.id, 'values', ctx.strictReadings);
  if (!def.weightId) {
    const count = countSeries(values);
    if (count > 0)
      warn(ctx, {
        code: 'weight_unknown',
        indicatorId: def.id,
        count,
        message: `indicator "${def.id}" aggregates by weighted mean but names no weight indicator: not aggregated`,
      });
    return;
  }
  const weights = readingSeries(ctx, def.weightId);
  eachParent(def.id, ctx, [values], (parent, period) => {
    const combined = weightedMeanCells(
      ctx.table,
      parent,
      values.get(period) ?? ctx.none,
      weights.get(period) ?? ctx.none,
      ctx.partialAllowed,
    );
    writeCombined(ctx, def.id, period, parent, combined);
  });
}

/**
 * Medians and indices cannot be combined: only a parent made of exactly one whole child carries its
 * value over, as it is; every other parent is left out, and all of them are counted in one warning.
 */
function passThroughSingleChildren(def: AggregatableIndicator, ctx: FrameAggregationContext): void {
  const source = ctx.frame.columns.get(def.id);
  const { start, child, weight } = ctx.table;
  let skipped = 0;
  eachParent(def.id, ctx, [readingSeries(ctx, def.id)], (parent, period) => {
    const k = start[parent]!;
    const c = child[k]!;
    const from = source?.get(period);
    const whole = start[parent + 1]! - k === 1 && weight[k] === 1;
    if (!whole || c < 0 || !from || from.status[c] === 0) {
      skipped++;
      return;
    }
    const to = columnOf(ctx.out, def.id, period);
    to.values[parent] = from.values[c]!;
    to.status[parent] = from.status[c]!;
    to.reasons[parent] = from.reasons[c]!;
    if (from.numerators) (to.numerators ??= nanArray(to.values.length))[parent] = from.numerators[c]!;
    if (from.denominators) (to.denominators ??= nanArray(to.values.length))[parent] = from.denominators[c]!;
  });
  if (skipped > 0)
    warn(ctx, {
      code: 'not_aggregatable',
      indicatorId: def.id,
      count: skipped,
      message: `indicator "${def.id}" uses aggregation 'none' (medians, indices): ${skipped} parent value(s) not computed`,
    });
}

function nanArray(size: number): Float64Array {
  return new Float64Array(size).fill(Number.NaN);
}
