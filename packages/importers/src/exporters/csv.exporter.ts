import { exportLabels } from './export-labels.ts';
import { defuseFormula } from './spreadsheet-text.ts';
import { indicatorName, type ExportLocale, type ExportRow, type ExportTable } from './export-table.ts';

export type ExportCell = string | number | null;

/** The column titles of the data rows (CSV and the XLSX data sheet share them). */
export function dataHeader(locale: ExportLocale): string[] {
  const c = exportLabels(locale).columns;
  return [
    c.key,
    c.name,
    c.period,
    c.value,
    c.status,
    c.reason,
    c.numerator,
    c.denominator,
    c.indicator,
    c.unit,
    c.source,
    c.exportedAt,
  ];
}

/**
 * One line per value. Indicator, unit, source and export date repeat on every line, so the rows stay
 * self-describing when they are filtered, pivoted or appended to other data.
 */
export function dataCells(table: ExportTable, row: ExportRow, locale: ExportLocale): ExportCell[] {
  return [
    row.areaKey,
    row.areaName ?? '',
    row.period ?? '',
    row.value,
    row.status,
    row.missingReason ?? '',
    row.numerator,
    row.denominator,
    indicatorName(table.indicator, locale),
    table.indicator.unit,
    table.indicator.source ?? '',
    table.exportedAt,
  ];
}

/**
 * CSV with a byte order mark and CRLF line ends. `de`: `;` and decimal comma (opens in German Excel);
 * `en`: `,` and decimal point. Numbers keep full precision; a missing value is an empty cell with its
 * status and reason beside it, never 0.
 */
export function writeExportCsv(table: ExportTable, locale: ExportLocale): string {
  const separator = locale === 'de' ? ';' : ',';
  const cell = (value: ExportCell) => {
    const text = typeof value === 'number' ? csvNumber(value, locale) : defuseFormula(value ?? '');
    const quote = text.includes(separator) || /["\r\n]/.test(text);
    return quote ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [dataHeader(locale), ...table.rows.map((row) => dataCells(table, row, locale))].map((r) =>
    r.map(cell).join(separator),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Full precision without exponent notation (1e-7 would not read back as a number in Excel). */
export function csvNumber(value: number, locale: ExportLocale): string {
  if (!Number.isFinite(value)) return '';
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return locale === 'de' ? text.replace('.', ',') : text;
}
