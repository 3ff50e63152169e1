/**
 * CSV for German Excel: semicolon separated, decimal comma, no thousands separators, UTF-8 with a
 * byte order mark (so Excel detects the encoding), CRLF line ends. Values keep their full precision;
 * missing values are empty cells with their status in the next column, never 0.
 */
/** `{ key }` is an identifier that Excel must keep as text (leading zeros, 12-digit ARS). */
export type CsvCell = string | number | null | { key: string };

export const BOM = '\uFEFF';

export function csvNumber(value: number | null, decimalComma = true): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = String(value);
  if (/e/i.test(text))
    return decimalComma
      ? value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',')
      : value.toFixed(12);
  return decimalComma ? text.replace('.', ',') : text;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  // Numeric keys (AGS, ARS) survive Excel only as a text formula: no lost zeros, no 1,2E+11.
  if (typeof cell === 'object') return /^\d+$/.test(cell.key) ? `="${cell.key}"` : csvCell(cell.key);
  // Text Excel would run as a formula is defused with an apostrophe.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
