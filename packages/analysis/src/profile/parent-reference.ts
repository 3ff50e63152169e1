import {
  isDomainError,
  type IndicatorDefinition,
  type Observation,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { aggregatedObservations } from '../aggregate/aggregate-analysis.ts';
import { usable } from '../store-reads.ts';
import type { ChainLink } from './area-chain.ts';
import type { ProfileReference } from './profile-types.ts';

/**
 * The parent's value in the period, as the compare analysis takes it (`reference=parent`): its
 * stored observation (missing ones included), else the value aggregated from its children by the
 * indicator's aggregation rule. Derived indicators are computed on the parent's level instead.
 */
export async function parentReference(
  store: Store,
  indicator: IndicatorDefinition,
  level: SpatialLevel,
  parent: ChainLink,
  period: string,
  parentSeries: readonly StoredObservation[],
  derived: boolean,
): Promise<ProfileReference> {
  const at = { level: parent.level.id, key: parent.area.key };
  const stored = parentSeries.find((o) => o.period === period);
  if (stored)
    return {
      ...at,
      value: usable(stored),
      status: stored.status,
      missingReason: stored.missingReason,
      basis: derived ? 'derived' : 'stored',
    };
  const aggregated = derived ? null : await aggregatedValue(store, indicator, level, parent, period);
  if (!aggregated) return { ...at, value: null, status: 'nodata', missingReason: null, basis: null };
  return {
    ...at,
    value: usable(aggregated),
    status: aggregated.status,
    missingReason: aggregated.missingReason,
    basis: 'aggregated',
  };
}

async function aggregatedValue(
  store: Store,
  indicator: IndicatorDefinition,
  level: SpatialLevel,
  parent: ChainLink,
  period: string,
): Promise<Observation | null> {
  try {
    const { observations } = await aggregatedObservations(store, indicator, level, parent.level, period);
    return observations.find((o) => o.indicatorId === indicator.id && o.areaKey === parent.area.key) ?? null;
  } catch (error) {
    // Levels that cannot be aggregated onto each other simply leave the parent without a value.
    if (isDomainError(error) && error.code === 'ValidationFailed') return null;
    throw error;
  }
}
