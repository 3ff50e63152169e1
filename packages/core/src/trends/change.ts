import { periodDecimalYear } from './period-time.ts';
import { sortByPeriod, type SeriesPoint } from './series.ts';

export type ChangeResult =
  | {
      ok: true;
      fromPeriod: string;
      toPeriod: string;
      from: number;
      to: number;
      absolute: number;
      /** (to − from) / |from|; null when `from` is 0. */
      relative: number | null;
      /** Years between the reference dates of the two periods. */
      years: number;
      /** Compound annual growth rate; null where it is undefined (see annualGrowthRate). */
      annualRate: number | null;
    }
  | { ok: false; reason: 'too_short' | 'missing_value'; fromPeriod: string | null; toPeriod: string | null };

/**
 * Change from the point `periods` positions before the last one to the last one. Positions, not
 * years: a series with gaps compares what it has, and `years` tells how far apart the two are.
 */
export function changeOverPeriods(series: readonly SeriesPoint[], periods = 1): ChangeResult {
  const sorted = sortByPeriod(series);
  const last = sorted.at(-1);
  const first = sorted[sorted.length - 1 - periods];
  if (!last || !first || periods < 1)
    return {
      ok: false,
      reason: 'too_short',
      fromPeriod: first?.period ?? null,
      toPeriod: last?.period ?? null,
    };
  return changeBetween(first, last);
}

export function changeBetween(first: SeriesPoint, last: SeriesPoint): ChangeResult {
  if (first.value === null || last.value === null)
    return { ok: false, reason: 'missing_value', fromPeriod: first.period, toPeriod: last.period };
  const years = periodDecimalYear(last.period) - periodDecimalYear(first.period);
  return {
    ok: true,
    fromPeriod: first.period,
    toPeriod: last.period,
    from: first.value,
    to: last.value,
    absolute: last.value - first.value,
    relative: first.value === 0 ? null : (last.value - first.value) / Math.abs(first.value),
    years,
    annualRate: annualGrowthRate(first.value, last.value, years),
  };
}

/**
 * CAGR = (to / from)^(1 / years) − 1, over the exact time between reference dates, so 2015 → 2018 →
 * 2020 intervals of different length compare fairly. Undefined (null) for a start value ≤ 0, a
 * negative end value or no time between the points.
 */
export function annualGrowthRate(from: number, to: number, years: number): number | null {
  if (!(from > 0) || to < 0 || !(years > 0)) return null;
  return (to / from) ** (1 / years) - 1;
}
