import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

/**
 * Access to the published reference results in ../shared/data (outside the repository). Tests that
 * use them skip with a message when the folder is absent, so the suite still runs in a bare clone.
 */
const sharedData = new URL('../../../../../shared/data/', import.meta.url);
export const PHE_DIR = fileURLToPath(new URL('phe-indicator-methods-testdata/', sharedData));
export const FINGERTIPS_DIR = fileURLToPath(new URL('fingertipsnext-benchmark-fixtures/', sharedData));
export const hasPhe = existsSync(PHE_DIR);
export const hasFingertips = existsSync(FINGERTIPS_DIR);

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A cell's value with formulas resolved to their cached result; empty cells are null. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('sharedFormula' in value || 'formula' in value) return null;
    return String(value);
  }
  return value as Cell;
}

const workbooks = new Map<string, Promise<ExcelJS.Workbook>>();

function workbook(file: string): Promise<ExcelJS.Workbook> {
  let wb = workbooks.get(file);
  if (!wb) {
    const book = new ExcelJS.Workbook();
    wb = book.xlsx.readFile(PHE_DIR + file).then(() => book);
    workbooks.set(file, wb);
  }
  return wb;
}

/** Rows of a sheet as objects keyed by the header row. Row numbers are kept as `_row` for messages. */
export async function readSheet(file: string, sheet: string): Promise<Row[]> {
  const ws = (await workbook(file)).getWorksheet(sheet);
  if (!ws) throw new Error(`sheet ${sheet} not in ${file}`);
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(cellValue(v)));
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const record: Row = { _row: n };
    header.forEach((h, i) => (record[h] = cellValue(values[i])));
    rows.push(record);
  });
  return rows;
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, a leading BOM, CRLF. */
export function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const records = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
  const header = records[0]!.map((h) => h.trim());
  return records.slice(1).map((fields) => {
    const row: Row = {};
    header.forEach((h, i) => {
      const raw = fields[i] ?? '';
      row[h] = raw === '' || raw === 'NA' ? null : Number.isNaN(Number(raw)) ? raw : Number(raw);
    });
    return row;
  });
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const num = (cell: Cell | undefined): number | null => (typeof cell === 'number' ? cell : null);

/** |a − b| / max(|b|, floor): relative deviation, absolute below `floor`. */
export function relativeDeviation(actual: number, expected: number, floor = 1e-12): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/** Tracks the worst relative deviation of a comparison run, for a single assertion at the end. */
export class DeviationLog {
  max = 0;
  where = '';
  compared = 0;

  /** `floor`: below this magnitude deviations are measured absolutely (for files rounded to fixed decimals). */
  constructor(readonly floor = 1e-12) {}

  check(actual: number | null | undefined, expected: number, where: string): void {
    this.compared++;
    const d = typeof actual === 'number' ? relativeDeviation(actual, expected, this.floor) : Infinity;
    if (!(d <= this.max)) {
      this.max = d;
      this.where = `${where}: ${actual} vs ${expected}`;
    }
  }
}
