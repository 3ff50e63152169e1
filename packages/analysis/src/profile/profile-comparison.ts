import { compareWithReference, type IndicatorDefinition, type StoredObservation } from '@lagebild/core';
import { usable } from '../store-reads.ts';
import {
  areaInterval,
  countsByArea,
  hasCounts,
  intervalMethod,
  multiplierOf,
  type Counts,
} from '../compare/interval-method.ts';
import type { IndicatorValues } from './indicator-values.ts';
import type { ProfileComparison } from './profile-types.ts';

/** The confidence level of the comparison with the parent (as the compare route's default). */
export const CONFIDENCE = 0.95;

/**
 * The counts behind the area's value: carried on the observation, else the values of the
 * indicator's numerator and denominator indicators for the same area and period.
 */
export async function countsOf(
  reader: IndicatorValues,
  indicator: IndicatorDefinition,
  own: StoredObservation,
): Promise<Counts | undefined> {
  const read = (id: string | null) =>
    id === null ? Promise.resolve([]) : reader.at(id, own.levelId, own.period, own.areaKey);
  const carried = own.numerator !== null && own.denominator !== null;
  const [numerators, denominators] = carried
    ? [[], []]
    : await Promise.all([read(indicator.numeratorId), read(indicator.denominatorId)]);
  return countsByArea([own], numerators, denominators).get(own.areaKey);
}

/**
 * The area against its parent's value by the method the compare analysis uses (Wilson for shares,
 * exact/Byar Poisson limits for rates and counts, both only with numerator and denominator): better
 * or worse only when the whole interval lies on one side. Without counts: not compared.
 */
export function compareWithParent(
  indicator: IndicatorDefinition,
  own: StoredObservation | undefined,
  counts: Counts | undefined,
  parentValue: number | null,
): ProfileComparison {
  const method = intervalMethod(indicator, hasCounts(counts));
  const interval = areaInterval(method, own ? usable(own) : null, counts, {
    confidence: CONFIDENCE,
    multiplier: multiplierOf(indicator),
  });
  return {
    reference: 'parent',
    outcome:
      method === 'none' ? 'not_compared' : compareWithReference(interval, parentValue, indicator.polarity),
    method,
    lower: interval.lower,
    upper: interval.upper,
    limits: interval.limits,
  };
}

export function describeComparison(): string {
  const level = `${CONFIDENCE * 100} %`;
  return (
    `The area against its parent area: Wilson score interval (${level}) for shares, exact Poisson limits ` +
    `below 10 events and Byar's approximation from 10 for rates and counts, both from numerator and ` +
    `denominator; better/worse (higher/lower for neutral indicators) only when the whole interval lies ` +
    `on one side of the parent's value. Indicators without counts are not compared; their quintile ` +
    `among the areas of the level is given instead (1 = worst or lowest).`
  );
}
