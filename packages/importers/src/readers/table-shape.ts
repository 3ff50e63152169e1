import type { ImportIssue, TableRow } from '@lagebild/core';

/** Shared by the tabular readers: header naming and the checks on row width and truncation. */

/** Makes header names unique and non-empty: blanks become `column N`, repeats get ` (2)`, ` (3)` … */
export function uniqueHeader(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const base = raw.trim() === '' ? `column ${index + 1}` : raw.trim();
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base} (${k})`;
    used.add(name);
    return name;
  });
}

/** Detailed width warnings stop here; one summary line counts the rest, so a broken file stays readable. */
const MAX_WIDTH_WARNINGS = 20;

export interface ShapeCheck {
  file: string;
  width: number;
  /** The source ends without a final line break (or inside a quoted field). */
  cutAtEnd: boolean;
}

/**
 * Drops empty trailing cells beyond the header (Excel adds them) and reports rows whose width differs.
 * A short last row in a file that ends without a line break is a cut file: an error, not a warning.
 */
export function checkRowWidths(rows: TableRow[], check: ShapeCheck): ImportIssue[] {
  const issues: ImportIssue[] = [];
  let others = 0;
  rows.forEach((row, index) => {
    trimEmptyOverflow(row, check.width);
    if (row.cells.length === check.width) return;
    const isLast = index === rows.length - 1;
    if (isLast && check.cutAtEnd && row.cells.length < check.width) issues.push(truncatedIssue(row, check));
    else if (issues.length < MAX_WIDTH_WARNINGS) issues.push(widthIssue(row, check));
    else others++;
  });
  if (others > 0) issues.push(moreWidthIssues(others, check));
  return issues;
}

function trimEmptyOverflow(row: TableRow, width: number): void {
  while (row.cells.length > width && row.cells[row.cells.length - 1]!.trim() === '') row.cells.pop();
}

export function truncatedIssue(row: TableRow, check: ShapeCheck): ImportIssue {
  return {
    severity: 'error',
    code: 'TruncatedFile',
    file: check.file,
    row: row.line,
    column: null,
    expected: `${check.width} cells`,
    found: `${row.cells.length} cells`,
    message: `${check.file}: the file ends in the middle of row ${row.line} (${row.cells.length} of ${check.width} cells, no final line break); it looks truncated`,
  };
}

function widthIssue(row: TableRow, check: ShapeCheck): ImportIssue {
  return {
    severity: 'warning',
    code: 'ColumnMissing',
    file: check.file,
    row: row.line,
    column: null,
    expected: `${check.width} cells`,
    found: `${row.cells.length} cells`,
    message: `${check.file}: row ${row.line} has ${row.cells.length} cells, the header has ${check.width}`,
  };
}

function moreWidthIssues(count: number, check: ShapeCheck): ImportIssue {
  return {
    severity: 'warning',
    code: 'ColumnMissing',
    file: check.file,
    row: null,
    column: null,
    expected: `${check.width} cells`,
    found: null,
    message: `${check.file}: ${count} more rows have a cell count different from the header`,
  };
}
