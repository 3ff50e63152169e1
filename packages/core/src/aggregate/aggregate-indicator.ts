import type { Observation } from '../domain/observation.ts';
import { combineStatuses, strongestMissingReason } from '../derive/observation-value.ts';
import {
  countObservations,
  forEachParent,
  noteAbsent,
  warn,
  type AggregationContext,
} from './aggregation-context.ts';
import type { AggregatableIndicator } from './aggregation-types.ts';
import { sumChildren, weightedMeanChildren, type Combined } from './combine-children.ts';
import { carriesCounts, fieldSeries, type PeriodSeries } from './observation-series.ts';

type Missing = Extract<Combined, { kind: 'missing' }>;

/** Aggregates one indicator by its rule (see AggregationRule in domain/indicator.ts). */
export function aggregateIndicator(def: AggregatableIndicator, ctx: AggregationContext): Observation[] {
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

function aggregateSum(def: AggregatableIndicator, ctx: AggregationContext): Observation[] {
  const series: PeriodSeries = ctx.series.get(def.id) ?? new Map();
  return forEachParent(def.id, ctx, [series], (links, period, parentKey) =>
    toObservation(
      ctx,
      { indicatorId: def.id, period, parentKey },
      sumChildren(links, series.get(period), ctx.options),
    ),
  );
}

/** Shares and rates are re-derived from the aggregated counts, never averaged. */
function aggregateRatio(def: AggregatableIndicator, ctx: AggregationContext): Observation[] {
  const inputs = ratioInputs(def, ctx);
  if (!inputs) return [];
  const [numerators, denominators] = inputs;
  const ratePer = def.ratePer ?? 1;
  return forEachParent(def.id, ctx, inputs, (links, period, parentKey) => {
    const where = { indicatorId: def.id, period, parentKey };
    const [numCells, denCells] = [numerators.get(period), denominators.get(period)];
    // With partial coverage allowed, numerator and denominator must still come from the same
    // children, or the ratio would mix areas.
    const paired =
      ctx.options.partialCoverage === 'flag'
        ? links.filter((l) => numCells?.has(l.childKey) && denCells?.has(l.childKey))
        : links;
    const unpaired = links.filter((l) => !paired.includes(l)).map((l) => l.childKey);
    const num = sumChildren(paired, numCells, ctx.options);
    const den = sumChildren(paired, denCells, ctx.options);
    if (num.kind === 'missing' || den.kind === 'missing')
      return toObservation(ctx, where, mergeMissing(num, den));
    const observation = toObservation(ctx, where, {
      ...num,
      value: den.value === 0 ? NaN : (ratePer * num.value) / den.value,
      status: combineStatuses([
        num.status,
        den.status,
        ...(unpaired.length > 0 ? ['estimated' as const] : []),
      ]),
      absent: [...new Set([...num.absent, ...den.absent, ...unpaired])],
    });
    return { ...observation, numerator: num.value, denominator: den.value };
  });
}

function ratioInputs(
  def: AggregatableIndicator,
  ctx: AggregationContext,
): [PeriodSeries, PeriodSeries] | null {
  if (def.numeratorId && def.denominatorId)
    return [ctx.series.get(def.numeratorId) ?? new Map(), ctx.series.get(def.denominatorId) ?? new Map()];
  const own = ctx.series.get(def.id);
  if (own && carriesCounts(own)) return [fieldSeries(own, 'numerator'), fieldSeries(own, 'denominator')];
  if (own)
    warn(ctx, {
      code: 'ratio_inputs_unknown',
      indicatorId: def.id,
      count: countObservations(own),
      message: `ratio indicator "${def.id}" names no numerator/denominator indicators and its observations carry no counts: not aggregated (a ratio is never averaged)`,
    });
  return null;
}

function mergeMissing(...parts: Combined[]): Missing {
  const missing = parts.filter((p): p is Missing => p.kind === 'missing');
  return {
    kind: 'missing',
    reason: strongestMissingReason(missing.map((p) => p.reason)),
    missing: missing.flatMap((p) => p.missing),
    absent: [...new Set(missing.flatMap((p) => p.absent))],
  };
}

function aggregateWeightedMean(def: AggregatableIndicator, ctx: AggregationContext): Observation[] {
  const values: PeriodSeries = ctx.series.get(def.id) ?? new Map();
  if (!def.weightId) {
    if (values.size > 0)
      warn(ctx, {
        code: 'weight_unknown',
        indicatorId: def.id,
        count: countObservations(values),
        message: `indicator "${def.id}" aggregates by weighted mean but names no weight indicator: not aggregated`,
      });
    return [];
  }
  const weights: PeriodSeries = ctx.series.get(def.weightId) ?? new Map();
  return forEachParent(def.id, ctx, [values], (links, period, parentKey) =>
    toObservation(
      ctx,
      { indicatorId: def.id, period, parentKey },
      weightedMeanChildren(links, values.get(period), weights.get(period), ctx.options),
    ),
  );
}

/**
 * Medians and indices cannot be combined. The one safe case is a parent made of exactly one whole
 * child (a kreisfreie Stadt as its own Kreis, an unchanged area across versions): its value carries
 * over as it is. Every other parent is left out, and all of them are counted in one warning.
 */
function passThroughSingleChildren(def: AggregatableIndicator, ctx: AggregationContext): Observation[] {
  const series: PeriodSeries = ctx.series.get(def.id) ?? new Map();
  let skipped = 0;
  const result = forEachParent(def.id, ctx, [series], (links, period, parentKey) => {
    const whole = links.length === 1 && links[0]!.weight === 1;
    const only = whole ? series.get(period)?.get(links[0]!.childKey) : undefined;
    if (only) return { ...only, levelId: ctx.toLevelId, areaKey: parentKey };
    skipped++;
    return null;
  });
  if (skipped > 0)
    warn(ctx, {
      code: 'not_aggregatable',
      indicatorId: def.id,
      count: skipped,
      message: `indicator "${def.id}" uses aggregation 'none' (medians, indices): ${skipped} parent value(s) not computed`,
    });
  return result;
}

/** A combined result as an observation of the parent; a ratio over a zero denominator is `not_meaningful`. */
function toObservation(
  ctx: AggregationContext,
  where: { indicatorId: string; period: string; parentKey: string },
  combined: Combined,
): Observation {
  const base = {
    indicatorId: where.indicatorId,
    levelId: ctx.toLevelId,
    areaKey: where.parentKey,
    period: where.period,
    numerator: null,
    denominator: null,
  };
  noteAbsent(ctx, where, combined.absent, combined.kind === 'missing');
  if (combined.kind === 'value' && Number.isFinite(combined.value))
    return { ...base, value: combined.value, status: combined.status, missingReason: null };
  if (combined.kind === 'value')
    return { ...base, value: null, status: 'missing', missingReason: 'not_meaningful' };
  if (combined.missing.length > 0) {
    const children = combined.missing.map((m) => `${m.key} (${m.reason})`);
    warn(ctx, {
      code: 'missing_children',
      ...where,
      count: children.length,
      children,
      message: `${where.indicatorId} ${where.period} ${where.parentKey}: missing (${combined.reason}) because child value(s) are missing: ${children.join(', ')}`,
    });
  }
  return { ...base, value: null, status: 'missing', missingReason: combined.reason };
}
