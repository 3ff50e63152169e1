import { DomainError, appendAll } from '@lagebild/core';
import type { ImportIssue, Table, TableRow } from '@lagebild/core';
import { readRecords } from './csv.reader.ts';
import type { ParsedRecord } from './delimited.ts';
import type { DeclaredEncoding } from './encoding.ts';
import { footerMeta } from './genesis-footer.ts';
import { nameStubColumns } from './genesis-stub.ts';
import { checkRowWidths, uniqueHeader } from './table-shape.ts';

/**
 * Classic GENESIS / Regionalstatistik CSV: a `GENESIS-Tabelle: <code>` line, description lines, 1–4
 * column-header lines (their first cells empty), data rows, then `__________` and a footer with notes,
 * © and `Stand:`. We flatten the header lines per column (`31.12.2015 | Insgesamt`) and name the stub
 * columns on the left by their content (`time`, `key`, `name`, `label1` …), so a mapping can address
 * every column by a stable name.
 */
export interface GenesisClassicOptions {
  file: string;
  encoding?: DeclaredEncoding;
}

interface Sections {
  code: string;
  description: ParsedRecord[];
  headerLines: ParsedRecord[];
  data: ParsedRecord[];
  footer: ParsedRecord[] | null;
}

const TITLE = /^GENESIS-Tabelle:\s*(\S.*)$/;
const FOOTER = /^_{3,}/;

export function readGenesisClassic(bytes: Uint8Array, options: GenesisClassicOptions): Table {
  const { file } = options;
  const read = readRecords(bytes, file, options.encoding ?? 'auto', ';');
  const sections = splitSections(read.records, file);
  const width = Math.max(0, ...sections.headerLines.map((r) => r.cells.length));
  const stubCount = leadingStubCount(sections.headerLines, width);
  const rows: TableRow[] = sections.data.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  const header = uniqueHeader([
    ...nameStubColumns(rows, stubCount),
    ...flattenHeader(sections.headerLines, stubCount, width),
  ]);
  const issues: ImportIssue[] = [...read.issues];
  // Without the footer we cannot tell a complete table from one cut at a row boundary.
  appendAll(issues, checkRowWidths(rows, { file, width, cutAtEnd: sections.footer === null }));
  if (sections.footer === null && !issues.some((i) => i.code === 'TruncatedFile'))
    issues.push(noFooterIssue(file));
  const meta: Record<string, string> = {
    code: sections.code,
    title: sections.description.map((r) => r.cells[0]!.trim()).join(' '),
    ...footerMeta(sections.footer ?? []),
  };
  return { file, encoding: read.encoding, header, rows, meta, issues };
}

function splitSections(records: ParsedRecord[], file: string): Sections {
  const title = TITLE.exec(records[0]?.cells[0]?.trim() ?? '');
  if (!title) {
    throw new DomainError(
      'UnsupportedFormat',
      `${file}: not a GENESIS table (the first line should start with "GENESIS-Tabelle:")`,
    );
  }
  let i = 1;
  const take = (test: (r: ParsedRecord) => boolean): ParsedRecord[] => {
    const start = i;
    while (i < records.length && test(records[i]!)) i++;
    return records.slice(start, i);
  };
  const description = take((r) => firstCell(r) !== '' && r.cells.slice(1).every((c) => c.trim() === ''));
  const headerLines = take((r) => firstCell(r) === '');
  const data = take((r) => !FOOTER.test(firstCell(r)));
  const footer = i < records.length ? records.slice(i + 1) : null;
  return { code: title[1]!.trim(), description, headerLines, data, footer };
}

function firstCell(record: ParsedRecord): string {
  return record.cells[0]!.trim();
}

/** Stub columns are the leading columns that are empty in every header line. */
function leadingStubCount(headerLines: ParsedRecord[], width: number): number {
  let count = 0;
  while (count < width && headerLines.every((r) => (r.cells[count] ?? '').trim() === '')) count++;
  return count;
}

function flattenHeader(headerLines: ParsedRecord[], stubCount: number, width: number): string[] {
  const names: string[] = [];
  for (let j = stubCount; j < width; j++) {
    const parts = headerLines.map((r) => (r.cells[j] ?? '').trim()).filter((part) => part !== '');
    names.push(parts.join(' | '));
  }
  return names;
}

function noFooterIssue(file: string): ImportIssue {
  return {
    severity: 'warning',
    code: 'TruncatedFile',
    file,
    row: null,
    column: null,
    expected: 'a "__________" footer line',
    found: 'end of file',
    message: `${file}: the GENESIS footer (the "__________" line, notes and ©) is missing; the file may be cut at a row boundary`,
  };
}
