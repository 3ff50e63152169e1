import { issue } from '@lagebild/core';
import type { ImportIssue, MissingReason, Table } from '@lagebild/core';
import { detectDecimal, parseNumber } from '../readers/german-number.ts';
import type { DecimalMark } from '../readers/german-number.ts';

/**
 * Reads value cells as numbers. The decimal mark is fixed by the mapping or detected once per column
 * from its own values, so `1.234` means 1234 in a German column and 1.234 in an English one.
 * Symbols become missing values with their reason, text is a NotANumber error, never a 0.
 */
export type CellReading =
  | { kind: 'value'; value: number }
  | { kind: 'missing'; reason: MissingReason }
  | { kind: 'invalid'; issue: ImportIssue };

const DECIMAL_SAMPLE = 5000;

export class ValueReader {
  private readonly decimals = new Map<number, DecimalMark>();
  /** Empty cells per column: reported once per column, not once per cell. */
  private readonly empty = new Map<number, { count: number; firstLine: number }>();

  constructor(
    private readonly table: Table,
    private readonly decimal: DecimalMark | 'auto',
  ) {}

  read(cells: string[], index: number, line: number): CellReading {
    const raw = cells[index] ?? '';
    const parsed = parseNumber(raw, this.decimalOf(index));
    if (parsed.kind === 'invalid') return { kind: 'invalid', issue: this.notANumber(raw, index, line) };
    if (parsed.kind === 'missing' && parsed.reason === 'not_reported') this.countEmpty(index, line);
    return parsed;
  }

  /** Like read, for optional numerator/denominator cells: anything but a number is null. */
  readOptional(cells: string[], index: number | null, line: number): number | null | ImportIssue {
    if (index === null) return null;
    const reading = this.read(cells, index, line);
    if (reading.kind === 'invalid') return reading.issue;
    return reading.kind === 'value' ? reading.value : null;
  }

  emptyCellIssues(): ImportIssue[] {
    return [...this.empty].map(([index, { count, firstLine }]) => {
      const column = this.table.header[index] ?? `column ${index + 1}`;
      return issue({
        severity: 'warning',
        code: 'MissingValue',
        file: this.table.file,
        row: firstLine,
        column,
        expected: 'a number or a GENESIS symbol',
        found: 'empty cell',
        message: `${this.table.file}, column "${column}": ${count} empty cell(s), first in row ${firstLine}; imported as missing (not reported)`,
      });
    });
  }

  private decimalOf(index: number): DecimalMark {
    if (this.decimal !== 'auto') return this.decimal;
    let mark = this.decimals.get(index);
    if (mark === undefined) {
      const samples: string[] = [];
      for (const row of this.table.rows) {
        const cell = row.cells[index];
        if (cell !== undefined && cell.trim() !== '') samples.push(cell);
        if (samples.length >= DECIMAL_SAMPLE) break;
      }
      mark = detectDecimal(samples);
      this.decimals.set(index, mark);
    }
    return mark;
  }

  private countEmpty(index: number, line: number): void {
    const entry = this.empty.get(index);
    if (entry) entry.count++;
    else this.empty.set(index, { count: 1, firstLine: line });
  }

  private notANumber(raw: string, index: number, line: number): ImportIssue {
    const column = this.table.header[index] ?? `column ${index + 1}`;
    return issue({
      code: 'NotANumber',
      file: this.table.file,
      row: line,
      column,
      expected: 'number',
      found: raw.trim(),
      message: `${this.table.file}, row ${line}, column "${column}": expected a number, found "${raw.trim()}"`,
    });
  }
}
