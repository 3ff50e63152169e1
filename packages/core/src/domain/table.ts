import type { ImportIssue } from './import.ts';

/**
 * What every tabular reader (CSV, XLSX, GENESIS classic, GENESIS flat) hands to the mapping step:
 * one header row and data rows of text cells, each row remembering its line (or sheet row) in the
 * source so that every later finding can name file, row and column.
 */
export interface Table {
  file: string;
  /** Detected or declared encoding (`utf-8`, `utf-8-bom`, `windows-1252`, …); null for binary formats. */
  encoding: string | null;
  /** Column names; readers make them unique and non-empty. */
  header: string[];
  rows: TableRow[];
  /** Reader-specific facts: GENESIS table code and title, sheet name, footer notes … */
  meta: Record<string, string>;
  /** Problems found while reading (truncation, encoding), reported with the mapping's findings. */
  issues: ImportIssue[];
}

export interface TableRow {
  /** 1-based line number (CSV) or row number (XLSX) in the source. */
  line: number;
  cells: string[];
}
