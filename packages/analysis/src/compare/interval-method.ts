import {
  rate,
  wilson,
  type IndicatorDefinition,
  type StatWarnings,
  type StoredObservation,
} from '@lagebild/core';
import { usable } from '../store-reads.ts';

/**
 * How an indicator's values get confidence intervals (PHEindicatormethods / Fingertips):
 * - `wilson`: shares with numerator and denominator — Wilson score interval (Wilson 1927);
 * - `poisson`: rates and counts with numerator and denominator — exact Poisson limits below 10
 *   events, Byar's approximation from 10 (Breslow & Day 1987);
 * - `none`: everything else (published rates without counts, medians, indices): no interval; areas
 *   are put into quantile groups instead.
 */
export type IntervalMethod = 'wilson' | 'poisson' | 'none';

export interface Counts {
  numerator: number | null;
  denominator: number | null;
}

export interface AreaInterval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** `exact` or `byars` for the Poisson method; null without an interval. */
  limits: 'wilson' | 'exact' | 'byars' | null;
}

/** The method an indicator allows, given whether counts are known for its values. */
export function intervalMethod(indicator: IndicatorDefinition, haveCounts: boolean): IntervalMethod {
  if (!haveCounts) return 'none';
  if (indicator.kind === 'share') return 'wilson';
  if (indicator.kind === 'rate' || indicator.kind === 'count') return 'poisson';
  return 'none';
}

/** Scale of the indicator's values: per 100 for shares unless said otherwise, per `ratePer` for rates. */
export function multiplierOf(indicator: IndicatorDefinition): number {
  return indicator.ratePer ?? (indicator.kind === 'share' ? 100 : 1);
}

/**
 * The counts behind each value: carried on the observation itself, or the values of the indicator's
 * numerator and denominator indicators for the same area and period.
 */
export function countsByArea(
  values: readonly StoredObservation[],
  numerators: readonly StoredObservation[],
  denominators: readonly StoredObservation[],
): Map<string, Counts> {
  const num = new Map(numerators.map((o) => [o.areaKey, usable(o)]));
  const den = new Map(denominators.map((o) => [o.areaKey, usable(o)]));
  const keys = new Set([...values.map((o) => o.areaKey), ...num.keys()]);
  const own = new Map(values.map((o) => [o.areaKey, o]));
  const counts = new Map<string, Counts>();
  for (const key of keys) {
    const obs = own.get(key);
    const carried = obs && obs.numerator !== null && obs.denominator !== null && usable(obs) !== null;
    counts.set(
      key,
      carried
        ? { numerator: obs.numerator, denominator: obs.denominator }
        : { numerator: num.get(key) ?? null, denominator: den.get(key) ?? null },
    );
  }
  return counts;
}

export function hasCounts(counts: Counts | undefined): boolean {
  return counts !== undefined && counts.numerator !== null && counts.denominator !== null;
}

/** One area's interval by the method; the stored value stays the value shown when there is one. */
export function areaInterval(
  method: IntervalMethod,
  stored: number | null,
  counts: Counts | undefined,
  options: { confidence: number; multiplier: number; warnings?: StatWarnings },
): AreaInterval {
  const none = { value: stored, lower: null, upper: null, limits: null };
  if (method === 'none' || !counts) return none;
  const { confidence, multiplier, warnings } = options;
  if (method === 'wilson') {
    const estimate = wilson(counts.numerator, counts.denominator, { confidence, multiplier, warnings });
    return estimate
      ? { value: stored ?? estimate.value, lower: estimate.lower, upper: estimate.upper, limits: 'wilson' }
      : none;
  }
  const estimate = rate(counts.numerator, counts.denominator, { confidence, multiplier, warnings });
  return estimate
    ? {
        value: stored ?? estimate.value,
        lower: estimate.lower,
        upper: estimate.upper,
        limits: estimate.method,
      }
    : none;
}
