/** Number and period formatting for the UI: German conventions by default (1.234,5), English on demand. */
export type Lang = 'de' | 'en';

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A value as shown in map, legend and table: rounded to the indicator's decimals. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return numberFormat(lang, Math.max(0, Math.min(10, decimals))).format(value);
}

/** Periods are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; shown as 2018, 03.2018 / 31.12.2018 (de) or 03/2018, 31/12/2018 (en). */
export function formatPeriod(period: string, lang: Lang): string {
  const [year, month, day] = period.split('-');
  const sep = lang === 'de' ? '.' : '/';
  if (day) return `${day}${sep}${month}${sep}${year}`;
  if (month) return `${month}${sep}${year}`;
  return period;
}

/**
 * A published period: a single one, or a multi-period total (disclosure rule `poolPeriods`) shown as
 * its span, e.g. 2022–2024, so nobody reads three years' cases as one year's.
 */
export function formatPublishedPeriod(period: string, pooledFrom: string | undefined, lang: Lang): string {
  return pooledFrom
    ? `${formatPeriod(pooledFrom, lang)}–${formatPeriod(period, lang)}`
    : formatPeriod(period, lang);
}

/** The year alone, for compact slider ticks. */
export function periodYear(period: string): string {
  return period.slice(0, 4);
}

/** Parses a number typed by a user in either convention: "1.234,5", "1234,5", "1234.5", "-0,25". */
export function parseUserNumber(text: string, lang: Lang): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised =
    lang === 'de' || (trimmed.includes(',') && !trimmed.includes('.'))
      ? trimmed.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.')
      : trimmed.replace(/,(?=\d{3}(\D|$))/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** A number to edit: no thousands separators, the locale's decimal mark, no precision lost. */
export function plainNumber(n: number, decimals: number, l: Lang): string {
  const text = n.toFixed(Math.max(decimals, decimalsOf(n)));
  return l === 'de' ? text.replace('.', ',') : text;
}

export function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}
