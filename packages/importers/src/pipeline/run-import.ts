import {
  DomainError,
  withIndicatorDefaults,
  type ImportIssue,
  type ImportIssueCode,
  type ImportPlan,
  type ImportReport,
} from '@lagebild/core';
import type { BatchInput, Store } from '@lagebild/store';
import { stripNulCharacters } from './nul-characters.ts';
import { validatePlan } from './validate-plan.ts';
import { withoutExcludedRows } from './directory-rows.ts';

export interface RunImportOptions {
  /** Write the batch; without it the import is a dry run that only reports. */
  apply: boolean;
  /** Apply the valid rows and leave out the rows with errors, as listed in the report. */
  acceptExclusions: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Errors about the file as a whole cannot be excluded row by row: a truncated file or a wrong encoding
 * makes every row suspect, so the whole import is refused.
 */
const FILE_LEVEL_CODES = new Set<ImportIssueCode>([
  'EncodingMismatch',
  'TruncatedFile',
  'MissingProjection',
  'Unreadable',
  'ColumnMissing',
  'UnknownLevel',
  'UnknownIndicator',
  'InvalidFormula',
  'DerivedIndicator',
  'InvalidGeometry',
]);

/** Validates a plan against the store, reports what it would change, and applies it atomically. */
export async function runImport(
  plan: ImportPlan,
  store: Store,
  options: RunImportOptions,
): Promise<ImportReport> {
  const nul = stripNulCharacters(plan);
  const issues = [...plan.issues, ...(nul ? [nul] : []), ...(await validatePlan(plan, store))];
  const errors = issues.filter((i) => i.severity === 'error');
  const fileLevel = errors.filter((i) => FILE_LEVEL_CODES.has(i.code) || i.row === null);
  // Rows with errors are never written, so the diff always describes the valid rows only.
  const excluded = excludedRows(errors);
  const input = toBatchInput(plan, excluded);
  const diff = await store.diffBatch(input);
  const report: ImportReport = {
    file: plan.source.file,
    format: plan.source.format,
    encoding: plan.source.encoding,
    dryRun: true,
    batchId: null,
    diff,
    errors: errors.length,
    warnings: issues.length - errors.length,
    excludedRows: options.acceptExclusions ? excluded.size : 0,
    issues,
  };
  if (!options.apply) return report;

  const blocking = fileLevel.length > 0 || (errors.length > 0 && !options.acceptExclusions);
  if (blocking) {
    throw new DomainError(
      'ImportInvalid',
      refusalMessage(plan.source.file, errors, fileLevel.length > 0),
      report,
    );
  }
  const batch = await store.applyBatch(input, options.onProgress);
  return { ...report, dryRun: false, batchId: batch.id, diff: batch.diff };
}

function excludedRows(errors: ImportIssue[]): Set<number> {
  const rows = new Set<number>();
  for (const e of errors) if (e.row !== null) rows.add(e.row);
  return rows;
}

function toBatchInput(plan: ImportPlan, excluded: Set<number>): BatchInput {
  const observations = plan.observations
    .filter((o) => o.row === null || !excluded.has(o.row))
    .map(({ row: _row, column: _column, ...observation }) => observation);
  return {
    file: plan.source.file,
    format: plan.source.format,
    mapping: plan.source.mapping,
    levels: plan.levels,
    areas: plan.areas,
    correspondences: plan.correspondences,
    indicators: plan.indicators.map(withIndicatorDefaults),
    observations,
    ...(plan.directory ? { directory: withoutExcludedRows(plan.directory, excluded) } : {}),
  };
}

function refusalMessage(file: string, errors: ImportIssue[], fileLevel: boolean): string {
  const first = errors[0];
  const where = first ? ` First: ${describeIssue(first)}` : '';
  if (fileLevel)
    return `${file}: the file cannot be imported (${errors.length} error(s)); nothing was written.${where}`;
  return `${file}: ${errors.length} error(s); nothing was written. Fix the rows or accept their exclusion.${where}`;
}

/** One line per finding: file, row, column, expected, found. */
export function describeIssue(i: ImportIssue): string {
  const place = [
    i.file,
    i.row !== null ? `row ${i.row}` : null,
    i.column !== null ? `column "${i.column}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const detail = [
    i.expected !== null ? `expected ${i.expected}` : null,
    i.found !== null ? `found "${i.found}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${place}: ${i.message}${detail ? ` (${detail})` : ''}`;
}
