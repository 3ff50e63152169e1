import { DomainError } from '../domain/errors.ts';

/**
 * Periods stand for reference dates: a year `2015` means 31.12.2015 (counts are as of the end of the
 * year), a month `2015-06` its last day, a date itself.
 */
export function periodEndDate(period: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(period);
  if (!m)
    throw new DomainError('ValidationFailed', `period "${period}" is not YYYY, YYYY-MM or YYYY-MM-DD`, {
      period,
    });
  const [, year, month, day] = m;
  if (day !== undefined) return period;
  if (month === undefined) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/**
 * A period's reference date as a decimal year, with 31.12. counting as the full year: 2015 → 2016.0,
 * 2015-06-30 → 2015 + 181/365. Whole years between year-end periods are then exact integers, which
 * growth rates over irregular intervals need.
 */
export function periodDecimalYear(period: string): number {
  const date = periodEndDate(period);
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const dayOfYear = (Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000 + 1;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return year + dayOfYear / daysInYear;
}
