import type { Generated, Selectable } from 'kysely';
import type { AccessRuleTables } from './access-rules-schema.ts';
import type { AccountTables } from './accounts-schema.ts';
import type { AuditEventsTable } from './audit-schema.ts';
import type { DirectoryTables } from './directory-schema.ts';
import type { DirectoryEditorialTables } from './directory-editorial-schema.ts';
import type { IdentityTables } from './identities-schema.ts';

/**
 * The database as Kysely sees it. Column names are snake_case; JSON is stored as text on both engines
 * (stable key order, see json.ts), so equality of the text is equality of the content.
 */
export interface Database
  extends DirectoryTables, AccountTables, AccessRuleTables, DirectoryEditorialTables, IdentityTables {
  levels: LevelsTable;
  level_history: History<LevelsTable>;
  areas: AreasTable;
  area_history: History<Omit<AreasTable, 'id'> & { id: number }>;
  correspondences: CorrespondencesTable;
  correspondence_history: History<CorrespondencesTable>;
  indicators: IndicatorsTable;
  indicator_history: History<IndicatorsTable>;
  indicator_versions: IndicatorVersionsTable;
  observations: ObservationsTable;
  observation_history: History<ObservationsTable>;
  import_batches: ImportBatchesTable;
  audit_events: AuditEventsTable;
}

/** Every written row names the batch that last wrote it; null only for rows written outside batches. */
interface Provenance {
  batch_id: number | null;
}

/**
 * A row a batch replaced: the old row as it was, `batch_id` the replacing batch and `old_batch_id` the
 * batch that had written the old row (so undo restores it and finds later batches that depend on it).
 */
export type History<T extends Provenance> = Omit<T, 'batch_id'> & {
  batch_id: number;
  old_batch_id: number | null;
};

export interface LevelsTable extends Provenance {
  id: string;
  name: string;
  name_en: string | null;
  kind: string;
  parent_level_id: string | null;
  sort_order: number;
  description: string | null;
}

export interface AreasTable extends Provenance {
  id: Generated<number>;
  level_id: string;
  key: string;
  name: string;
  parent_key: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** JSON array of keys. */
  predecessors: string;
  source_crs: string | null;
  /** GeoJSON geometry (WGS84) as text. */
  geometry: string | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  /** JSON object. */
  attributes: string;
}

export interface CorrespondencesTable extends Provenance {
  from_level_id: string;
  from_key: string;
  to_level_id: string;
  to_key: string;
  weight: number;
  basis: string;
}

export interface IndicatorsTable extends Provenance {
  id: string;
  version: number;
  name: string;
  name_en: string | null;
  topic: string;
  description: string | null;
  unit: string;
  kind: string;
  rate_per: number | null;
  numerator_id: string | null;
  denominator_id: string | null;
  aggregation: string;
  weight_id: string | null;
  polarity: string;
  source: string | null;
  update_cycle: string | null;
  reference_date: string | null;
  confidentiality: string;
  decimals: number;
  notes: string | null;
  /** Derived indicators only (migration 0002). */
  formula: string | null;
}

export interface IndicatorVersionsTable extends Provenance {
  indicator_id: string;
  version: number;
  /** The full IndicatorDefinition as JSON. */
  definition: string;
}

export interface ObservationsTable extends Provenance {
  indicator_id: string;
  level_id: string;
  area_key: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  missing_reason: string | null;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  created_at: string;
  file: string;
  format: string;
  /** JSON. */
  mapping: string;
  status: string;
  undone_at: string | null;
  /** JSON ImportDiff. */
  diff: string;
}

export type LevelRow = Selectable<LevelsTable>;
export type AreaRow = Selectable<AreasTable>;
export type CorrespondenceRow = Selectable<CorrespondencesTable>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type ObservationRow = Selectable<ObservationsTable>;
export type ImportBatchRow = Selectable<ImportBatchesTable>;
