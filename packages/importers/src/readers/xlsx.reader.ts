import ExcelJS from 'exceljs';
import { DomainError } from '@lagebild/core';
import type { Table, TableRow } from '@lagebild/core';
import { cellText } from './xlsx-cell.ts';
import { uniqueHeader } from './table-shape.ts';
import { listZip } from './zip.ts';

/**
 * Upper bound for what a workbook may expand to. ExcelJS unpacks every part into memory (and then
 * some), so a small file declaring gigabytes (a zip bomb) is refused before it is loaded.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 256 * 1024 ** 2;

export interface XlsxOptions {
  file: string;
  /** Sheet name or 1-based position; default the first sheet. */
  sheet?: string | number;
  /** A1-style block to read, e.g. `A5:F120`; default the used area of the sheet. */
  range?: string;
  /** Sheet row number of the header; default the first row of the range. */
  headerRow?: number;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Reads one sheet as text cells; `line` of each row is its sheet row number, as Excel shows it. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions): Promise<Table> {
  const workbook = await loadWorkbook(bytes, options.file);
  const sheet = pickSheet(workbook, options);
  const bounds = options.range ? parseRange(options.range, options.file) : usedBounds(sheet);
  const headerRow = options.headerRow ?? bounds.top;
  const header = uniqueHeader(rowCells(sheet, headerRow, bounds));
  const rows: TableRow[] = [];
  for (let r = Math.max(headerRow + 1, bounds.top); r <= bounds.bottom; r++) {
    const cells = rowCells(sheet, r, bounds);
    if (cells.some((cell) => cell !== '')) rows.push({ line: r, cells });
  }
  const meta = { sheet: sheet.name, range: formatRange(bounds), headerRow: String(headerRow) };
  return { file: options.file, encoding: null, header, rows, meta, issues: [] };
}

async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  vetArchive(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer over the same memory works at run time.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('FileUnreadable', `${file}: not a readable XLSX workbook (${reason})`);
  }
  if (workbook.worksheets.length === 0) {
    throw new DomainError('FileUnreadable', `${file}: not a readable XLSX workbook (it has no worksheets)`);
  }
  return workbook;
}

/** Refuses bombs, unsafe entry names and entry floods from the zip directory, decompressing nothing. */
function vetArchive(bytes: Uint8Array, file: string): void {
  try {
    listZip(bytes, MAX_XLSX_UNZIPPED_BYTES);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A damaged archive is left to ExcelJS, whose message says more about what is wrong.
    if (error.message.startsWith('not a readable zip')) return;
    throw new DomainError('FileUnreadable', `${file}: ${error.message}`, error.details);
  }
}

function pickSheet(workbook: ExcelJS.Workbook, options: XlsxOptions): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const wanted = options.sheet ?? 1;
  const sheet = typeof wanted === 'number' ? sheets[wanted - 1] : sheets.find((s) => s.name === wanted);
  if (sheet) return sheet;
  const available = sheets.map((s, i) => `${i + 1}: "${s.name}"`).join(', ');
  throw new DomainError(
    'MappingInvalid',
    `${options.file}: sheet ${JSON.stringify(wanted)} not found; available sheets: ${available}`,
    { sheet: wanted, available: sheets.map((s) => s.name) },
  );
}

function usedBounds(sheet: ExcelJS.Worksheet): Bounds {
  return { top: 1, left: 1, bottom: sheet.rowCount, right: sheet.columnCount };
}

function rowCells(sheet: ExcelJS.Worksheet, rowNumber: number, bounds: Bounds): string[] {
  const row = sheet.getRow(rowNumber);
  const cells: string[] = [];
  for (let c = bounds.left; c <= bounds.right; c++) cells.push(cellText(row.getCell(c).value));
  return cells;
}

const RANGE = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/i;

export function parseRange(range: string, file: string): Bounds {
  const m = RANGE.exec(range.trim());
  const bounds = m && {
    top: Number(m[2]),
    left: columnNumber(m[1]!),
    bottom: Number(m[4]),
    right: columnNumber(m[3]!),
  };
  if (!bounds || bounds.top < 1 || bounds.top > bounds.bottom || bounds.left > bounds.right) {
    throw new DomainError(
      'MappingInvalid',
      `${file}: range "${range}" is not an A1-style block like A5:F120`,
    );
  }
  return bounds;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

function formatRange(b: Bounds): string {
  return `${columnLetters(b.left)}${b.top}:${columnLetters(b.right)}${b.bottom}`;
}
