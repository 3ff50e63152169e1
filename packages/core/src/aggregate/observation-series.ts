import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';

/** One indicator's observations on the child level: period → child key → observation. */
export type PeriodSeries = Map<string, Map<string, Observation>>;

/** Groups the observations of one level by indicator and period; other levels are ignored. */
export function seriesByIndicator(
  observations: readonly Observation[],
  levelId: string,
): Map<string, PeriodSeries> {
  const result = new Map<string, PeriodSeries>();
  for (const obs of observations) {
    if (obs.levelId !== levelId) continue;
    let series = result.get(obs.indicatorId);
    if (!series) result.set(obs.indicatorId, (series = new Map()));
    let cells = series.get(obs.period);
    if (!cells) series.set(obs.period, (cells = new Map()));
    if (cells.has(obs.areaKey))
      throw new DomainError(
        'ValidationFailed',
        `indicator "${obs.indicatorId}" has two observations for area ${obs.areaKey} (level ${levelId}), period ${obs.period}`,
        { indicatorId: obs.indicatorId, levelId, areaKey: obs.areaKey, period: obs.period },
      );
    cells.set(obs.areaKey, obs);
  }
  return result;
}

/**
 * The numerator or denominator carried on a ratio's own observations, as a series of its own, for
 * ratio indicators whose definition names no numerator and denominator indicators.
 */
export function fieldSeries(series: PeriodSeries, field: 'numerator' | 'denominator'): PeriodSeries {
  const result: PeriodSeries = new Map();
  for (const [period, cells] of series) {
    const mapped = new Map<string, Observation>();
    for (const [key, obs] of cells) mapped.set(key, { ...obs, value: obs[field] });
    result.set(period, mapped);
  }
  return result;
}

/** True when the ratio observations carry both counts, so the ratio can be re-derived from them. */
export function carriesCounts(series: PeriodSeries): boolean {
  for (const cells of series.values())
    for (const obs of cells.values()) if (obs.numerator !== null && obs.denominator !== null) return true;
  return false;
}
