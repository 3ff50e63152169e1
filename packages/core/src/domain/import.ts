import type { Area, Correspondence } from './area.ts';
import type { IndicatorInput } from './indicator.ts';
import type { SpatialLevel } from './level.ts';
import type { DirectoryDiff, DirectoryPlan } from '../directory/directory-types.ts';
import type { Observation } from './observation.ts';

/**
 * One finding about the input, precise enough for a planner to fix the source:
 * file, row (1-based line or record number), column (header or letter), what was expected, what was found.
 */
export interface ImportIssue {
  severity: 'error' | 'warning';
  code: ImportIssueCode;
  file: string;
  row: number | null;
  column: string | null;
  expected: string | null;
  found: string | null;
  message: string;
}

export type ImportIssueCode =
  | 'UnknownArea'
  | 'DuplicateRow'
  | 'NotANumber'
  | 'MissingValue'
  | 'TruncatedFile'
  | 'EncodingMismatch'
  | 'ColumnMissing'
  | 'MissingProjection'
  | 'InvalidGeometry'
  | 'MissingCoordinates'
  | 'UnknownIndicator'
  | 'UnknownLevel'
  | 'AmbiguousKey'
  | 'InvalidPeriod'
  | 'InvalidFormula'
  | 'DerivedIndicator'
  | 'Unreadable';

/**
 * What an import wants to write, before validation against the store. Readers and mappings produce it;
 * the pipeline validates it, reports it (dry run) and hands it to the store in one transaction (apply).
 * Each item remembers where it came from so exclusions can be listed by row.
 */
export interface ImportPlan {
  source: ImportSource;
  levels: SpatialLevel[];
  areas: Area[];
  correspondences: Correspondence[];
  indicators: IndicatorInput[];
  observations: PlannedObservation[];
  issues: ImportIssue[];
  /** Service directory entries (import kind `services`). */
  directory?: DirectoryPlan;
}

export interface ImportSource {
  file: string;
  format: string;
  encoding: string | null;
  /** The mapping as given (kept with the batch for provenance). */
  mapping: unknown;
  /** The column holding area keys, named in unknown-area findings. */
  keyColumn?: string | null;
}

export interface PlannedObservation extends Observation {
  /** Source row for reports; not stored. */
  row: number | null;
  column: string | null;
}

/** What applying a plan would do (dry run) or did (apply). */
export interface ChangeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportDiff {
  levels: ChangeCounts;
  areas: ChangeCounts;
  correspondences: ChangeCounts;
  indicators: ChangeCounts;
  observations: ChangeCounts;
  /** Present when the batch delivered service directory entries. */
  directory?: DirectoryDiff;
}

export interface ImportReport {
  file: string;
  format: string;
  encoding: string | null;
  dryRun: boolean;
  /** Set once applied. */
  batchId: number | null;
  diff: ImportDiff;
  errors: number;
  warnings: number;
  /** Rows left out because the user accepted the listed exclusions. */
  excludedRows: number;
  issues: ImportIssue[];
}

export function emptyCounts(): ChangeCounts {
  return { inserted: 0, updated: 0, unchanged: 0 };
}

export function emptyDiff(): ImportDiff {
  return {
    levels: emptyCounts(),
    areas: emptyCounts(),
    correspondences: emptyCounts(),
    indicators: emptyCounts(),
    observations: emptyCounts(),
  };
}

export function issue(
  fields: Omit<ImportIssue, 'severity' | 'row' | 'column' | 'expected' | 'found'> &
    Partial<Pick<ImportIssue, 'severity' | 'row' | 'column' | 'expected' | 'found'>>,
): ImportIssue {
  return { severity: 'error', row: null, column: null, expected: null, found: null, ...fields };
}
