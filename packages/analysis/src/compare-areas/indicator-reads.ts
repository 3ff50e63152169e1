import { periodEndDate, type IndicatorDefinition, type StoredObservation } from '@lagebild/core';
import type { Store } from '@lagebild/store';

/**
 * `store` is the analysis service's derived-aware view (`analysis.reads`): a derived indicator (with
 * a formula) reads like a stored one, computed from its inputs and cached per data version.
 */
export interface IndicatorReads {
  store: Store;
}

export function periodsOf(
  reads: IndicatorReads,
  indicator: IndicatorDefinition,
  levelId: string,
): Promise<string[]> {
  return reads.store.listPeriods(indicator.id, levelId);
}

/** All areas of a level in one period. */
export function levelValues(
  reads: IndicatorReads,
  indicator: IndicatorDefinition,
  levelId: string,
  period: string,
): Promise<StoredObservation[]> {
  return reads.store.getValues({ indicatorId: indicator.id, levelId, period });
}

/** Every period of some areas (their time series), ascending by period within an area. */
export async function seriesOf(
  reads: IndicatorReads,
  indicator: IndicatorDefinition,
  levelId: string,
  areaKeys: readonly string[],
): Promise<Map<string, StoredObservation[]>> {
  const byArea = new Map<string, StoredObservation[]>(areaKeys.map((key) => [key, []]));
  const rows = await reads.store.getValues({ indicatorId: indicator.id, levelId, areaKeys: [...areaKeys] });
  for (const row of rows) byArea.get(row.areaKey)?.push(row);
  for (const list of byArea.values())
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return byArea;
}

/**
 * The period an indicator is shown at when `wanted` is asked for: that period when it has values,
 * else the latest one before it (indicators are updated on different cycles), else none. Without
 * `wanted`, the latest. Periods of different precision are compared by their reference date.
 */
export function periodFor(periods: readonly string[], wanted: string | undefined): string | null {
  if (periods.length === 0) return null;
  if (wanted === undefined) return periods.at(-1)!;
  if (periods.includes(wanted)) return wanted;
  const limit = periodEndDate(wanted);
  const earlier = periods.filter((p) => periodEndDate(p) <= limit);
  return earlier.at(-1) ?? null;
}
