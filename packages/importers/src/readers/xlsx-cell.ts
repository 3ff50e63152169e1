import type { CellValue } from 'exceljs';

/**
 * One XLSX cell as text, the way the mapping expects it: numbers as their JS string (no locale
 * formatting, so `1234.5` never becomes `1.234,5`), dates as ISO `yyyy-mm-dd`, formulas as their
 * cached result, rich text and hyperlinks as their plain text, errors as their code (`#N/A`).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  return '';
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}
