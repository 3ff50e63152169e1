import {
  assignQuantiles,
  compareWithReference,
  confidenceLevel,
  invertForPolarity,
  StatWarnings,
  type BenchmarkOutcome,
  type Polarity,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  areasAt,
  indicatorRef,
  periodOrLatest,
  requireIndicator,
  requireLevel,
  usable,
  type IndicatorRef,
} from '../store-reads.ts';
import {
  areaInterval,
  countsByArea,
  hasCounts,
  intervalMethod,
  multiplierOf,
  type IntervalMethod,
} from './interval-method.ts';
import { resolveReference, type ReferenceSpec, type ReferenceValue } from './reference-values.ts';

export interface CompareQuery {
  level: string;
  /** Default: the latest period with values on the level. */
  period?: string;
  /** Default: the level's own aggregate. */
  reference?: ReferenceSpec;
  /** 0.95 (default) or 0.998, as Fingertips publishes them. */
  confidence?: number;
  /** Number of quantile groups (default 5, quintiles). */
  groups?: number;
}

export interface ComparedArea {
  key: string;
  name: string | null;
  value: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
  lower: number | null;
  upper: number | null;
  /** The limits used for this area: `wilson`, `exact` (under 10 events) or `byars`; null without. */
  limits: 'wilson' | 'exact' | 'byars' | null;
  reference: ReferenceValue | null;
  /** value − reference value. */
  difference: number | null;
  /** better/similar/worse (higher/similar/lower for neutral indicators); not_compared without an interval. */
  outcome: BenchmarkOutcome;
  /** Quantile group, 1 = worst (lowest for neutral indicators); null without a value. */
  quantile: number | null;
  quantileLabel: string | null;
}

export interface CompareAnalysis {
  indicator: IndicatorRef;
  level: string;
  period: string;
  method: {
    interval: IntervalMethod;
    benchmark: 'ci-overlap' | 'quantiles';
    confidence: number;
    multiplier: number | null;
    groups: number;
    description: string;
  };
  reference: { kind: ReferenceSpec['kind']; value: ReferenceValue | null };
  areas: ComparedArea[];
  summary: { outcomes: Record<string, number>; quantiles: Record<string, number> };
  warnings: Record<string, number>;
}

/**
 * Compares each area of a level with a reference, the way Fingertips benchmarks: with a confidence
 * interval where the indicator's counts allow one (significantly better/worse only when the whole
 * interval lies on one side of the reference), with quantile groups where they do not.
 */
export async function compareAnalysis(
  store: Store,
  indicatorId: string,
  query: CompareQuery,
): Promise<CompareAnalysis> {
  const indicator = await requireIndicator(store, indicatorId);
  const level = await requireLevel(store, query.level);
  const period = await periodOrLatest(store, indicator.id, level.id, query.period);
  const confidence = confidenceLevel(query.confidence ?? 0.95);
  const groups = query.groups ?? 5;
  const [values, numerators, denominators, areas] = await Promise.all([
    store.getValues({ indicatorId: indicator.id, levelId: level.id, period }),
    related(store, indicator.numeratorId, level.id, period),
    related(store, indicator.denominatorId, level.id, period),
    areasAt(store, level.id, period),
  ]);
  const counts = countsByArea(values, numerators, denominators);
  const method = intervalMethod(indicator, [...counts.values()].some(hasCounts));
  const multiplier = multiplierOf(indicator);
  const warnings = new StatWarnings();
  const spec = query.reference ?? { kind: 'level' };
  const referenceOf = await resolveReference(spec, {
    store,
    indicator,
    level,
    period,
    values,
    counts,
    multiplier,
    pooled: method !== 'none',
  });
  const quantiles = assignQuantiles(values.map(usable), {
    groups,
    invert: invertForPolarity(indicator.polarity),
    warnings,
  });
  const compared = values.map((obs, i): ComparedArea => {
    const interval = areaInterval(method, usable(obs), counts.get(obs.areaKey), {
      confidence,
      multiplier,
      warnings,
    });
    const reference = referenceOf(obs.areaKey);
    const outcome =
      method === 'none'
        ? 'not_compared'
        : compareWithReference(interval, reference?.value, indicator.polarity, warnings);
    return {
      key: obs.areaKey,
      name: areas.get(obs.areaKey)?.name ?? null,
      value: interval.value,
      status: obs.status,
      numerator: counts.get(obs.areaKey)?.numerator ?? null,
      denominator: counts.get(obs.areaKey)?.denominator ?? null,
      lower: interval.lower,
      upper: interval.upper,
      limits: interval.limits,
      reference,
      difference:
        interval.value !== null && typeof reference?.value === 'number'
          ? interval.value - reference.value
          : null,
      outcome,
      quantile: quantiles[i] ?? null,
      quantileLabel: quantileLabel(quantiles[i] ?? null, groups, indicator.polarity),
    };
  });
  return {
    indicator: indicatorRef(indicator),
    level: level.id,
    period,
    method: {
      interval: method,
      benchmark: method === 'none' ? 'quantiles' : 'ci-overlap',
      confidence,
      multiplier: method === 'none' ? null : multiplier,
      groups,
      description: describe(method, confidence, groups),
    },
    reference: { kind: spec.kind, value: spec.kind === 'parent' ? null : (referenceOf('') ?? null) },
    areas: compared,
    summary: {
      outcomes: tally(compared.map((a) => a.outcome)),
      quantiles: tally(compared.map((a) => a.quantile)),
    },
    warnings: warnings.toJSON(),
  };
}

async function related(store: Store, indicatorId: string | null, levelId: string, period: string) {
  return indicatorId === null ? [] : store.getValues({ indicatorId, levelId, period });
}

const JUDGED = ['worst', 'worse', 'middle', 'better', 'best'];
const NEUTRAL = ['lowest', 'low', 'middle', 'high', 'highest'];

/** Quintiles get a word (group 1 is the worst, or the lowest for neutral indicators); other groupings only a number. */
function quantileLabel(group: number | null, groups: number, polarity: Polarity): string | null {
  if (group === null || groups !== 5) return null;
  return (polarity === 'neutral' ? NEUTRAL : JUDGED)[group - 1] ?? null;
}

function tally(values: readonly (string | number | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

function describe(method: IntervalMethod, confidence: number, groups: number): string {
  const level = `${Math.round(confidence * 1000) / 10} %`;
  if (method === 'wilson')
    return `Wilson score interval (${level}) from numerator and denominator; significant when the interval excludes the reference value.`;
  if (method === 'poisson')
    return `Poisson limits (${level}): exact below 10 events, Byar's approximation from 10; significant when the interval excludes the reference value.`;
  return `No confidence interval (no numerator and denominator): areas in ${groups} quantile groups (PHE method), not tested against the reference.`;
}
