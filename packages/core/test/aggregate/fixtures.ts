import type { MissingReason, Observation, ObservationStatus } from '../../src/domain/observation.ts';
import type { AggregatableIndicator } from '../../src/aggregate/index.ts';

/** A child-level observation: a number, or a missing reason. */
export function obs(
  indicatorId: string,
  areaKey: string,
  value: number | MissingReason,
  options: {
    period?: string;
    levelId?: string;
    status?: ObservationStatus;
    numerator?: number;
    denominator?: number;
  } = {},
): Observation {
  const missing = typeof value !== 'number';
  return {
    indicatorId,
    levelId: options.levelId ?? 'gemeinde',
    areaKey,
    period: options.period ?? '2020',
    value: missing ? null : value,
    numerator: options.numerator ?? null,
    denominator: options.denominator ?? null,
    status: missing ? 'missing' : (options.status ?? 'final'),
    missingReason: missing ? value : null,
  };
}

export function indicator(id: string, rest: Partial<AggregatableIndicator> = {}): AggregatableIndicator {
  return {
    id,
    aggregation: 'sum',
    ratePer: null,
    numeratorId: null,
    denominatorId: null,
    weightId: null,
    ...rest,
  };
}
