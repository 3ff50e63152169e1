import { issue } from '@lagebild/core';
import type { ImportIssue, Table } from '@lagebild/core';
import type { ColumnLookup } from './column-lookup.ts';
import type { QualitySpec } from './mapping.schema.ts';
import type { Status } from './value-sources.ts';

/**
 * GENESIS quality flags (`value_q` in ffcsv): e = endgültig (final), r = berichtigt (revised, final),
 * p / v = vorläufig (provisional), s = geschätzt (estimated), `()` = limited reliability (estimated).
 * An empty flag means final. A mapping may add or override codes with `quality.map`.
 */
export const DEFAULT_QUALITY: Readonly<Record<string, Status>> = {
  '': 'final',
  e: 'final',
  r: 'final',
  p: 'provisional',
  v: 'provisional',
  s: 'estimated',
  '()': 'estimated',
};

/**
 * Reads the status of a value from a quality column (GENESIS `value_q`). An unknown code is reported
 * once and read as final, so a new flag from the source is seen rather than silently absorbed.
 */
export function qualityReader(
  table: Table,
  spec: QualitySpec | undefined,
  lookup: ColumnLookup,
): { statusOf: (cells: string[], line: number) => Status; issues: () => ImportIssue[] } {
  if (spec === undefined) return { statusOf: () => 'final', issues: () => [] };
  const index = lookup.index(spec.column, 'quality');
  const codes = new Map<string, Status>(Object.entries({ ...DEFAULT_QUALITY, ...spec.map }));
  const unknown = new Map<string, number>();
  const statusOf = (cells: string[], line: number): Status => {
    const code = (cells[index] ?? '').trim();
    const status = codes.get(code);
    if (status !== undefined) return status;
    if (!unknown.has(code)) unknown.set(code, line);
    return 'final';
  };
  const issues = () =>
    [...unknown].map(([code, line]) =>
      issue({
        severity: 'warning',
        code: 'Unreadable',
        file: table.file,
        row: line,
        column: spec.column,
        expected: `a quality code (${[...codes.keys()].filter(Boolean).join(', ')})`,
        found: code,
        message: `${table.file}, row ${line}, column "${spec.column}": unknown quality code "${code}", read as final; add it to quality.map`,
      }),
    );
  return { statusOf, issues };
}
