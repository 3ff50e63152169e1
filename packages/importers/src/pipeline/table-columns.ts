import { issue, type ImportIssue, type Table } from '@lagebild/core';

/**
 * The index of a column the mapping names, or -1 with a ColumnMissing finding that lists the columns
 * the file does have (so the planner sees the typo at once).
 */
export function requireColumn(table: Table, name: string, issues: ImportIssue[]): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    issues.push(
      issue({
        code: 'ColumnMissing',
        file: table.file,
        column: name,
        expected: `a column "${name}"`,
        found: table.header.join(', '),
        message: `Column "${name}" is missing; the file has: ${table.header.join(', ')}.`,
      }),
    );
  }
  return index;
}
