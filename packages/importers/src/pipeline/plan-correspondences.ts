import {
  issue,
  padKey,
  type Correspondence,
  type ImportIssue,
  type ImportPlan,
  type Table,
  appendAll,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import type { TableMapping } from '../mapping/mapping.schema.ts';
import { parseNumber } from '../readers/german-number.ts';
import type { CorrespondenceMapping } from './correspondence.schema.ts';
import { readTableSource } from './read-source.ts';
import type { SourceFile } from './source-file.ts';
import { requireColumn } from './table-columns.ts';

/** Reads weighted correspondences; rows with unknown keys or bad weights are reported and not written. */
export async function planCorrespondences(
  files: SourceFile[],
  mapping: CorrespondenceMapping,
  raw: unknown,
  store: Store,
): Promise<ImportPlan> {
  const table = await readTableSource(files, {
    format: mapping.source,
    encoding: mapping.encoding,
    delimiter: mapping.delimiter,
    sheet: mapping.sheet,
  } as TableMapping);
  const issues: ImportIssue[] = [...table.issues];
  const columns = locateColumns(table, mapping, issues);
  const correspondences: Correspondence[] = [];
  if (columns) {
    const fromKeys = new Set(await store.listAreaKeys(mapping.from.level));
    const toKeys = new Set(await store.listAreaKeys(mapping.to.level));
    for (const row of table.rows) {
      const found = readRow(table, row, columns, mapping, { fromKeys, toKeys }, issues);
      if (found) correspondences.push(found);
    }
    warnIncompleteShares(table.file, correspondences, issues);
  }
  return {
    source: { file: table.file, format: 'correspondence', encoding: table.encoding, mapping: raw },
    levels: [],
    areas: [],
    correspondences,
    indicators: [],
    observations: [],
    issues,
  };
}

interface Columns {
  from: number;
  to: number;
  weight: number;
}

function locateColumns(table: Table, mapping: CorrespondenceMapping, issues: ImportIssue[]): Columns | null {
  const find = (name: string) => requireColumn(table, name, issues);
  const columns = {
    from: find(mapping.from.column),
    to: find(mapping.to.column),
    weight: find(mapping.weight.column),
  };
  return Object.values(columns).every((i) => i >= 0) ? columns : null;
}

function readRow(
  table: Table,
  row: Table['rows'][number],
  columns: Columns,
  mapping: CorrespondenceMapping,
  known: { fromKeys: Set<string>; toKeys: Set<string> },
  issues: ImportIssue[],
): Correspondence | null {
  const key = (raw: string, pad: number | undefined) => (pad ? (padKey(raw, pad) ?? raw.trim()) : raw.trim());
  const fromKey = key(row.cells[columns.from] ?? '', mapping.from.pad);
  const toKey = key(row.cells[columns.to] ?? '', mapping.to.pad);
  const problems: ImportIssue[] = [];
  const unknown = (k: string, level: string, column: string) =>
    issue({
      code: 'UnknownArea',
      file: table.file,
      row: row.line,
      column,
      expected: `a key of level ${level}`,
      found: k,
      message: `Area key "${k}" is not an area of level "${level}".`,
    });
  if (!known.fromKeys.has(fromKey)) problems.push(unknown(fromKey, mapping.from.level, mapping.from.column));
  if (!known.toKeys.has(toKey)) problems.push(unknown(toKey, mapping.to.level, mapping.to.column));
  const rawWeight = row.cells[columns.weight] ?? '';
  const parsed = parseNumber(rawWeight, mapping.decimal);
  const weight = parsed.kind === 'value' ? parsed.value / (mapping.weight.percent ? 100 : 1) : NaN;
  if (!(weight >= 0 && weight <= 1)) {
    problems.push(
      issue({
        code: 'NotANumber',
        file: table.file,
        row: row.line,
        column: mapping.weight.column,
        expected: mapping.weight.percent ? 'a share from 0 to 100' : 'a share from 0 to 1',
        found: rawWeight,
        message: 'The weight is not a share.',
      }),
    );
  }
  appendAll(issues, problems);
  if (problems.length > 0) return null;
  return {
    fromLevelId: mapping.from.level,
    fromKey,
    toLevelId: mapping.to.level,
    toKey,
    weight,
    basis: mapping.basis,
  };
}

/** The shares of one `from` area should add up to 1; a gap is worth a warning, not a refusal. */
function warnIncompleteShares(file: string, correspondences: Correspondence[], issues: ImportIssue[]): void {
  const totals = new Map<string, number>();
  for (const c of correspondences) totals.set(c.fromKey, (totals.get(c.fromKey) ?? 0) + c.weight);
  for (const [key, total] of totals) {
    if (Math.abs(total - 1) > 0.001) {
      issues.push(
        issue({
          severity: 'warning',
          code: 'AmbiguousKey',
          file,
          expected: 'shares adding up to 1',
          found: total.toFixed(4),
          message: `The shares of ${key} add up to ${total.toFixed(4)}, not 1.`,
        }),
      );
    }
  }
}
