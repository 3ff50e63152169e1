import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';

/** One value of a time series; null where the value is missing. */
export interface SeriesPoint {
  period: string;
  value: number | null;
}

/** Sorts points by period (periods sort as text) and rejects a period given twice. */
export function sortByPeriod<T extends { period: string }>(points: readonly T[]): T[] {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.period === sorted[i - 1]!.period)
      throw new DomainError('ValidationFailed', `time series has period ${sorted[i]!.period} twice`, {
        period: sorted[i]!.period,
      });
  }
  return sorted;
}

/** One indicator's observations as a time series per area (of one level), sorted by period. */
export function seriesByArea(
  observations: readonly Observation[],
  indicatorId: string,
  levelId?: string,
): Map<string, SeriesPoint[]> {
  const byArea = new Map<string, SeriesPoint[]>();
  for (const obs of observations) {
    if (obs.indicatorId !== indicatorId || (levelId !== undefined && obs.levelId !== levelId)) continue;
    const point = {
      period: obs.period,
      value: obs.status === 'missing' || obs.status === 'suppressed' ? null : obs.value,
    };
    const list = byArea.get(obs.areaKey);
    if (list) list.push(point);
    else byArea.set(obs.areaKey, [point]);
  }
  for (const [key, points] of byArea) byArea.set(key, sortByPeriod(points));
  return byArea;
}
