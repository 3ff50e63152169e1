import {
  assignQuantiles,
  compareWithReference,
  confidenceLevel,
  DomainError,
  invertForPolarity,
  StatWarnings,
  type BenchmarkOutcome,
  type IndicatorDefinition,
  type MissingReason,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { StoredArea } from '@lagebild/store';
import {
  areaInterval,
  countsByArea,
  hasCounts,
  intervalMethod,
  multiplierOf,
  type IntervalMethod,
} from '../compare/interval-method.ts';
import { areasAt, checkPeriod, requireIndicator, requireLevel, usable } from '../store-reads.ts';
import { levelReference, parentReferences, type CompareReference } from './area-references.ts';
import { levelValues, periodFor, periodsOf, seriesOf, type IndicatorReads } from './indicator-reads.ts';

export interface CompareAreasQuery {
  level: string;
  /** Area keys on the level, in the order they are shown. */
  areas: readonly string[];
  indicators: readonly string[];
  /** Each indicator is shown at this period, or the latest before it; default: each one's latest. */
  period?: string;
  /** 0.95 (default) or 0.998. */
  confidence?: number;
}

export interface CompareAreasArea {
  key: string;
  name: string | null;
  parentKey: string | null;
  parentName: string | null;
}

/** One area's figure of one indicator at the indicator's period. */
export interface CompareAreasValue {
  areaKey: string;
  value: number | null;
  /** `nodata`: no observation at all for the area in the period. */
  status: StoredObservation['status'] | 'nodata';
  missingReason: MissingReason | null;
  numerator: number | null;
  denominator: number | null;
  lower: number | null;
  upper: number | null;
  /** Against the whole level; `not_compared` without a confidence interval. */
  outcome: BenchmarkOutcome;
  /** Against the area's parent area. */
  parentOutcome: BenchmarkOutcome;
  /** Quintile among all areas of the level, 1 = worst (lowest for neutral indicators). */
  quintile: number | null;
}

export interface CompareAreasPoint {
  period: string;
  value: number | null;
  status: StoredObservation['status'];
  missingReason: MissingReason | null;
}

export interface CompareAreasIndicator {
  indicator: IndicatorDefinition;
  /** Periods with values on the level, ascending. */
  periods: string[];
  /** The period shown; null when the indicator has no values up to the one asked for. */
  period: string | null;
  method: { interval: IntervalMethod; benchmark: 'ci-overlap' | 'quantiles'; confidence: number };
  /** The whole level first, then each distinct parent area of the compared areas. */
  references: CompareReference[];
  values: CompareAreasValue[];
  series: { areaKey: string; values: CompareAreasPoint[] }[];
}

export interface CompareAreasAnalysis {
  level: string;
  /** The period asked for; null: each indicator's latest. */
  period: string | null;
  areas: CompareAreasArea[];
  indicators: CompareAreasIndicator[];
  warnings: Record<string, number>;
}

/**
 * Several areas of one level side by side across several indicators: the value at a period, the
 * references (whole level, parent areas), whether each area differs significantly from them where
 * counts allow a confidence interval, its quintile among all areas, and the time series.
 */
export async function compareAreasAnalysis(
  reads: IndicatorReads,
  query: CompareAreasQuery,
): Promise<CompareAreasAnalysis> {
  const { store } = reads;
  const level = await requireLevel(store, query.level);
  const period = query.period === undefined ? undefined : checkPeriod(query.period);
  const keys = [...new Set(query.areas)];
  const indicators = await Promise.all(
    [...new Set(query.indicators)].map((id) => requireIndicator(store, id)),
  );
  const areas = await describeAreas(reads, level, keys, period);
  const warnings = new StatWarnings();
  const confidence = confidenceLevel(query.confidence ?? 0.95);
  const compared = await Promise.all(
    indicators.map((indicator) =>
      compareIndicator({ reads, level, keys, indicator, confidence, warnings }, period),
    ),
  );
  return {
    level: level.id,
    period: period ?? null,
    areas,
    indicators: compared,
    warnings: warnings.toJSON(),
  };
}

async function describeAreas(
  reads: IndicatorReads,
  level: SpatialLevel,
  keys: readonly string[],
  period: string | undefined,
): Promise<CompareAreasArea[]> {
  const areas = await areasAt(reads.store, level.id, period);
  const unknown = keys.filter((key) => !areas.has(key));
  if (unknown.length > 0) {
    const everKnown = new Set(await reads.store.listAreaKeys(level.id));
    const missing = unknown.filter((key) => !everKnown.has(key));
    if (missing.length > 0)
      throw new DomainError(
        'AreaNotFound',
        `No area ${missing.map((k) => `"${k}"`).join(', ')} on level "${level.id}".`,
        { level: level.id, keys: missing },
      );
  }
  const parents: Map<string, StoredArea> = level.parentLevelId
    ? await areasAt(reads.store, level.parentLevelId, period)
    : new Map();
  return keys.map((key) => {
    const area = areas.get(key);
    const parentKey = area?.parentKey ?? null;
    return {
      key,
      name: area?.name ?? null,
      parentKey,
      parentName: parentKey ? (parents.get(parentKey)?.name ?? null) : null,
    };
  });
}

interface IndicatorInput {
  reads: IndicatorReads;
  level: SpatialLevel;
  keys: readonly string[];
  indicator: IndicatorDefinition;
  confidence: number;
  warnings: StatWarnings;
}

async function compareIndicator(
  input: IndicatorInput,
  wanted: string | undefined,
): Promise<CompareAreasIndicator> {
  const { reads, level, keys, indicator } = input;
  const periods = await periodsOf(reads, indicator, level.id);
  const period = periodFor(periods, wanted);
  const [atPeriod, series] = await Promise.all([
    period === null ? Promise.resolve(null) : valuesAtPeriod(input, period),
    seriesOf(reads, indicator, level.id, keys),
  ]);
  return {
    indicator,
    periods,
    period,
    method: atPeriod?.method ?? {
      interval: 'none',
      benchmark: 'quantiles',
      confidence: input.confidence,
    },
    references: atPeriod?.references ?? [],
    values: keys.map((key) => atPeriod?.values.get(key) ?? noData(key)),
    series: keys.map((areaKey) => ({
      areaKey,
      values: (series.get(areaKey) ?? []).map(({ period: p, value, status, missingReason }) => ({
        period: p,
        value: status === 'missing' || status === 'suppressed' ? null : value,
        status,
        missingReason,
      })),
    })),
  };
}

async function valuesAtPeriod(input: IndicatorInput, period: string) {
  const { reads, level, keys, indicator, confidence, warnings } = input;
  const related = (id: string | null) =>
    id === null ? Promise.resolve([]) : reads.store.getValues({ indicatorId: id, levelId: level.id, period });
  const [values, numerators, denominators] = await Promise.all([
    levelValues(reads, indicator, level.id, period),
    related(indicator.numeratorId),
    related(indicator.denominatorId),
  ]);
  const counts = countsByArea(values, numerators, denominators);
  const interval = intervalMethod(indicator, [...counts.values()].some(hasCounts));
  const multiplier = multiplierOf(indicator);
  const context = {
    reads,
    indicator,
    level,
    period,
    values,
    counts,
    multiplier,
    pooled: interval !== 'none',
  };
  const [whole, parents] = await Promise.all([levelReference(context), parentReferences(context, keys)]);
  const quintiles = assignQuantiles(values.map(usable), {
    groups: 5,
    invert: invertForPolarity(indicator.polarity),
  });
  const quintileOf = new Map(values.map((o, i) => [o.areaKey, quintiles[i] ?? null]));
  const own = new Map(values.map((o) => [o.areaKey, o]));
  const byArea = new Map<string, CompareAreasValue>();
  for (const key of keys) {
    const obs = own.get(key);
    if (!obs) continue;
    const limits = areaInterval(interval, usable(obs), counts.get(key), { confidence, multiplier, warnings });
    const judge = (reference: number | null | undefined): BenchmarkOutcome =>
      interval === 'none' || limits.value === null
        ? 'not_compared'
        : compareWithReference(limits, reference, indicator.polarity, warnings);
    byArea.set(key, {
      areaKey: key,
      value: usable(obs),
      status: obs.status,
      missingReason: obs.missingReason,
      numerator: counts.get(key)?.numerator ?? null,
      denominator: counts.get(key)?.denominator ?? null,
      lower: limits.lower,
      upper: limits.upper,
      outcome: judge(whole.value),
      parentOutcome: judge(parents.get(key)?.value),
      quintile: quintileOf.get(key) ?? null,
    });
  }
  const distinctParents = new Map<string, CompareReference>();
  for (const reference of parents.values())
    if (reference.key !== null && !distinctParents.has(reference.key))
      distinctParents.set(reference.key, reference);
  return {
    method: {
      interval,
      benchmark: interval === 'none' ? ('quantiles' as const) : ('ci-overlap' as const),
      confidence,
    },
    references: [whole, ...distinctParents.values()],
    values: byArea,
  };
}

function noData(areaKey: string): CompareAreasValue {
  return {
    areaKey,
    value: null,
    status: 'nodata',
    missingReason: null,
    numerator: null,
    denominator: null,
    lower: null,
    upper: null,
    outcome: 'not_compared',
    parentOutcome: 'not_compared',
    quintile: null,
  };
}
