import {
  issue,
  normalizePeriod,
  padKey,
  territorialChanges,
  type Area,
  type ImportIssue,
  type ImportPlan,
  type ListedArea,
  type Table,
} from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import type { TableMapping } from '../mapping/mapping.schema.ts';
import { readTableSource } from './read-source.ts';
import type { SourceFile } from './source-file.ts';
import { requireColumn } from './table-columns.ts';
import type { TerritorialStatusMapping } from './territorial-status.schema.ts';

/** Plans the territorial versions that a complete list of a level's areas at a date implies. */
export async function planTerritorialStatus(
  files: SourceFile[],
  mapping: TerritorialStatusMapping,
  raw: unknown,
  store: Store,
): Promise<ImportPlan> {
  const table = await readTableSource(files, readerOptions(mapping));
  const issues: ImportIssue[] = [...table.issues];
  const listed = listedAreas(table, mapping, issues);
  const current = await store.listAreas(mapping.level, { at: mapping.statusDate, withGeometry: true });
  const result = territorialChanges(current, listed, mapping.statusDate, mapping.changes);
  for (const message of result.warnings) {
    issues.push(issue({ severity: 'warning', code: 'AmbiguousKey', file: table.file, message }));
  }
  return {
    source: { file: table.file, format: 'territorial-status', encoding: table.encoding, mapping: raw },
    levels: [],
    areas: [...result.ended.map(stripStored), ...result.added],
    correspondences: [],
    indicators: [],
    observations: [],
    issues,
  };
}

/** The reader options of the underlying table (the table mapping's reader fields). */
function readerOptions(mapping: TerritorialStatusMapping): TableMapping {
  return {
    format: mapping.source,
    encoding: mapping.encoding,
    delimiter: mapping.delimiter,
    sheet: mapping.sheet,
  } as TableMapping;
}

function listedAreas(table: Table, mapping: TerritorialStatusMapping, issues: ImportIssue[]): ListedArea[] {
  const col = (name: string) => requireColumn(table, name, issues);
  const keyCol = col(mapping.key.column);
  const nameCol = col(mapping.name.column);
  const parentCol = mapping.parent ? col(mapping.parent.column) : -1;
  const fromCol = mapping.effectiveFrom ? col(mapping.effectiveFrom.column) : -1;
  const filters = Object.entries(mapping.filter ?? {}).map(
    ([name, allowed]) => [col(name), new Set(allowed.map(String))] as const,
  );
  if (issues.some((i) => i.code === 'ColumnMissing')) return [];

  const listed: ListedArea[] = [];
  for (const row of table.rows) {
    if (!filters.every(([index, allowed]) => allowed.has(row.cells[index] ?? ''))) continue;
    const rawKey = row.cells[keyCol] ?? '';
    const key = mapping.key.pad ? padKey(rawKey, mapping.key.pad) : rawKey.trim();
    if (!key) {
      issues.push(
        issue({
          code: 'AmbiguousKey',
          file: table.file,
          row: row.line,
          column: mapping.key.column,
          expected: `a key of ${mapping.key.pad ?? 'any'} digits`,
          found: rawKey,
          message: 'Not a valid area key.',
        }),
      );
      continue;
    }
    const parentRaw = parentCol >= 0 ? (row.cells[parentCol] ?? '') : null;
    const slice = mapping.parent?.slice;
    listed.push({
      key,
      name: (row.cells[nameCol] ?? '').trim(),
      parentKey: parentRaw === null ? null : slice ? parentRaw.slice(slice[0], slice[1]) : parentRaw,
      effectiveFrom: fromCol >= 0 ? normalizePeriod(row.cells[fromCol] ?? '') : null,
    });
  }
  return listed;
}

/** The current areas come from the store with bookkeeping fields; the plan carries plain areas. */
function stripStored(area: Area): Area {
  const { batchId: _batchId, bbox: _bbox, ...rest } = area as StoredArea;
  return rest;
}
