import type { ImportIssue, Table } from '@lagebild/core';
import { assertTextContent } from './binary-content.ts';
import { parseDelimited, detectDelimiter } from './delimited.ts';
import type { ParsedRecord } from './delimited.ts';
import { decodeText } from './encoding.ts';
import type { DeclaredEncoding, DetectedEncoding } from './encoding.ts';
import { checkRowWidths, uniqueHeader } from './table-shape.ts';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvOptions {
  file: string;
  encoding?: DeclaredEncoding;
  delimiter?: CsvDelimiter | 'auto';
  /** 1-based source line of the header; lines above it (titles, notes) are skipped. Default 1. */
  headerRow?: number;
}

export function readCsv(bytes: Uint8Array, options: CsvOptions): Table {
  const { file } = options;
  const read = readRecords(bytes, file, options.encoding ?? 'auto', options.delimiter ?? 'auto');
  const headerRow = options.headerRow ?? 1;
  const headerIndex = read.records.findIndex((record) => record.line >= headerRow);
  const meta: Record<string, string> = { delimiter: read.delimiter === '\t' ? 'tab' : read.delimiter };
  const table: Table = { file, encoding: read.encoding, header: [], rows: [], meta, issues: read.issues };
  if (headerIndex < 0) {
    table.issues.push(noHeaderIssue(file, headerRow));
    return table;
  }
  const headerRecord = read.records[headerIndex]!;
  table.header = uniqueHeader(headerRecord.cells);
  meta.headerLine = String(headerRecord.line);
  table.rows = read.records.slice(headerIndex + 1);
  table.issues.push(
    ...checkRowWidths(table.rows, { file, width: table.header.length, cutAtEnd: read.cutAtEnd }),
  );
  return table;
}

export interface DelimitedRecords {
  records: ParsedRecord[];
  encoding: DetectedEncoding;
  delimiter: string;
  issues: ImportIssue[];
  /** Ends without a final line break or inside a quoted cell: a short last row means a cut file. */
  cutAtEnd: boolean;
}

/** Decoded, parsed records; shared with the readers that find their header themselves (GENESIS). */
export function readRecords(
  bytes: Uint8Array,
  file: string,
  encoding: DeclaredEncoding,
  delimiter: CsvDelimiter | 'auto',
): DelimitedRecords {
  assertTextContent(bytes, file, 'CSV');
  const decoded = decodeText(bytes, file, encoding);
  const chosen = delimiter === 'auto' ? detectDelimiter(decoded.text) : delimiter;
  const parsed = parseDelimited(decoded.text, chosen);
  const issues = [...decoded.issues];
  if (parsed.unterminatedQuoteLine !== null)
    issues.push(unterminatedIssue(file, parsed.unterminatedQuoteLine));
  const cutAtEnd = !parsed.endsWithNewline || parsed.unterminatedQuoteLine !== null;
  return { records: parsed.records, encoding: decoded.encoding, delimiter: chosen, issues, cutAtEnd };
}

function noHeaderIssue(file: string, headerRow: number): ImportIssue {
  return {
    severity: 'error',
    code: 'Unreadable',
    file,
    row: headerRow,
    column: null,
    expected: 'a header row',
    found: 'no rows',
    message: `${file}: no header row at or after line ${headerRow}; the file is empty or headerRow is too large`,
  };
}

function unterminatedIssue(file: string, line: number): ImportIssue {
  return {
    severity: 'error',
    code: 'TruncatedFile',
    file,
    row: line,
    column: null,
    expected: 'a closing quote',
    found: 'end of file',
    message: `${file}: the quoted cell opened on line ${line} is never closed; the file looks truncated`,
  };
}
