import { issue } from '@lagebild/core';
import type { ImportIssue, Table } from '@lagebild/core';

/** Resolves the column names a mapping uses; every name that is not in the header becomes one finding. */
export class ColumnLookup {
  private readonly byName: Map<string, number>;
  private readonly missing: ImportIssue[] = [];

  constructor(private readonly table: Table) {
    this.byName = new Map(table.header.map((name, index) => [name, index]));
  }

  /** The index of `name`, or -1 (and a ColumnMissing finding) when the table has no such column. */
  index(name: string, role: string): number {
    const index = this.byName.get(name);
    if (index !== undefined) return index;
    this.missing.push(
      issue({
        code: 'ColumnMissing',
        file: this.table.file,
        column: name,
        expected: `column "${name}" (${role})`,
        found: this.headerList(),
        message: `${this.table.file}: the mapping names column "${name}" for ${role}, but the table has no such column; columns are: ${this.headerList()}`,
      }),
    );
    return -1;
  }

  /** The columns whose names match `pattern`, or a ColumnMissing finding when none does (unless optional). */
  matching(
    pattern: RegExp,
    role: string,
    optional = false,
  ): { index: number; name: string; match: RegExpExecArray }[] {
    const found = this.table.header.flatMap((name, index) => {
      const match = pattern.exec(name);
      return match ? [{ index, name, match }] : [];
    });
    if (found.length === 0 && !optional) {
      this.missing.push(
        issue({
          code: 'ColumnMissing',
          file: this.table.file,
          expected: `columns matching /${pattern.source}/ (${role})`,
          found: this.headerList(),
          message: `${this.table.file}: no column name matches /${pattern.source}/ (${role}); columns are: ${this.headerList()}`,
        }),
      );
    }
    return found;
  }

  issues(): ImportIssue[] {
    return this.missing;
  }

  private headerList(): string {
    const shown = this.table.header.slice(0, 30).map((name) => `"${name}"`);
    const more = this.table.header.length - shown.length;
    return shown.join(', ') + (more > 0 ? ` … (${more} more)` : '');
  }
}
