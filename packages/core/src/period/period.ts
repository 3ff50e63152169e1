/**
 * Periods are stored as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` so that they sort in time order as text.
 * Sources write them as `31.12.2015`, `2015`, `2015-12-31`, `Dez 2013`, `202012` …
 */
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const YEAR_MONTH_COMPACT = /^(\d{4})(\d{2})$/;

/** Normalises a period; returns null when the text is not a recognisable period. */
export function normalizePeriod(raw: string | number): string | null {
  const text = String(raw).trim();
  let m = GERMAN_DATE.exec(text);
  if (m) return isoDate(m[3]!, m[2]!, m[1]!);
  m = ISO_DATE.exec(text);
  if (m) return isoDate(m[1]!, m[2]!, m[3]!);
  m = ISO_MONTH.exec(text) ?? YEAR_MONTH_COMPACT.exec(text);
  if (m) return validMonth(m[2]!) ? `${m[1]}-${m[2]}` : null;
  m = YEAR.exec(text);
  if (m) return m[1]!;
  return null;
}

function validMonth(month: string): boolean {
  const n = Number(month);
  return n >= 1 && n <= 12;
}

function isoDate(year: string, month: string, day: string): string | null {
  const mm = month.padStart(2, '0');
  const dd = day.padStart(2, '0');
  const date = new Date(`${year}-${mm}-${dd}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(dd)) return null;
  return `${year}-${mm}-${dd}`;
}

/** The calendar year a period falls in. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** True when `date` (ISO) lies within [validFrom, validTo); null bounds are open. */
export function isValidAt(date: string, validFrom: string | null, validTo: string | null): boolean {
  if (validFrom !== null && date < validFrom) return false;
  if (validTo !== null && date >= validTo) return false;
  return true;
}
