import type {
  Area,
  Correspondence,
  DirectoryBatchInput,
  DirectoryEntry,
  Geometry,
  ImportBatch,
  ImportDiff,
  IndicatorDefinition,
  IndicatorInput,
  Observation,
  SpatialLevel,
  StoredDirectorySource,
  StoredObservation,
} from '@lagebild/core';
import type { AccessRuleStore } from './access-rules.ts';
import type { AccountStore } from './accounts.ts';
import type { DirectoryEditorialStore } from './directory-editorial.ts';
import type { AuditStore } from './audit.ts';
import type { DirectoryEntryQuery } from './repositories/directory.repository.ts';

/**
 * The one store interface. Both engines (SQLite, PostgreSQL) implement it and pass the same contract
 * suite (packages/store/test/store.contract.ts). Everything that writes does so through `applyBatch`,
 * in one transaction, so an import is all-or-nothing and can be undone whole.
 *
 * Text keys, ids and periods are ordered by code point on both engines, whatever the locale.
 * Errors meant for users are DomainErrors: `ImportInvalid` (an identity twice in one batch, a
 * non-finite number), `LevelNotFound` / `IndicatorNotFound` (a batch refers to one that neither the
 * store nor the batch has), `BatchNotFound`, `BatchAlreadyUndone`, `BatchConflict`.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  /** Brings the schema to the newest version; safe to call on every start (opening does not). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  listLevels(): Promise<SpatialLevel[]>;
  getLevel(id: string): Promise<SpatialLevel | null>;

  /** Areas of a level valid at `at` (ISO date; default: today's valid version, i.e. validTo null). */
  listAreas(levelId: string, options?: AreaQuery): Promise<StoredArea[]>;
  /** Number of areas per level valid at `at` (default: the current ones); levels without areas are absent. */
  countAreas(at?: string): Promise<Map<string, number>>;
  /** One area with its geometry: the version valid at `at`, or the current one (validTo null). */
  getArea(levelId: string, key: string, at?: string): Promise<StoredArea | null>;
  /** All keys of a level across every territorial version (for validating imports). */
  listAreaKeys(levelId: string): Promise<string[]>;
  listCorrespondences(fromLevelId: string, toLevelId: string): Promise<Correspondence[]>;

  listIndicators(): Promise<IndicatorDefinition[]>;
  /** The current definition, or the given version. */
  getIndicator(id: string, version?: number): Promise<IndicatorDefinition | null>;
  listIndicatorVersions(id: string): Promise<IndicatorDefinition[]>;

  /** Values of one indicator on one level, by area key then period; all periods without `period`. */
  getValues(query: ValueQuery): Promise<StoredObservation[]>;
  /** The periods for which an indicator has observations on a level, ascending. */
  listPeriods(indicatorId: string, levelId: string): Promise<string[]>;
  /** Time series of one indicator for one area, ascending by period. */
  getSeries(indicatorId: string, levelId: string, areaKey: string): Promise<StoredObservation[]>;
  /**
   * Per level (ordered by id): the distinct periods and the stored observations of one indicator,
   * missing values included (for catalogue views).
   */
  countObservations(indicatorId: string): Promise<{ levelId: string; periods: number; values: number }[]>;

  /** What `applyBatch` would change (the same counts), without writing anything. */
  diffBatch(batch: BatchInput): Promise<ImportDiff>;
  /**
   * Writes the whole batch in one transaction and records what it replaced, for undo. Rows are
   * upserted by identity; unchanged rows are left alone and keep the batch that wrote them; a changed
   * indicator definition becomes a new version. `onProgress` is called per chunk of observations.
   */
  applyBatch(batch: BatchInput, onProgress?: (done: number, total: number) => void): Promise<ImportBatch>;
  /**
   * Restores the state before the batch exactly. Refused with `BatchConflict` while later, still
   * applied batches changed rows this batch wrote or refer to levels or indicators it created;
   * `details.laterBatches` lists them newest first, the order in which to undo them.
   */
  undoBatch(batchId: number): Promise<ImportBatch>;
  /** Newest first. */
  listBatches(): Promise<ImportBatch[]>;
  getBatch(batchId: number): Promise<ImportBatch | null>;

  /**
   * Service directory entries (service with its facility, provider and source), withdrawn ones left
   * out, ordered by service id; with `publicOn` only those published and valid on that date.
   */
  listDirectoryEntries(query?: DirectoryEntryQuery): Promise<DirectoryEntry[]>;
  /** One entry by service id, whatever its status; null when unknown or withdrawn. */
  getDirectoryEntry(serviceId: string): Promise<DirectoryEntry | null>;
  /** The sources directory entries came from, with their attribution; ordered by id. */
  listDirectorySources(): Promise<StoredDirectorySource[]>;

  /** Organisations, users, sessions and API tokens (migration 0004); written directly, not as batches. */
  readonly accounts: AccountStore;

  /** Data classes and disclosure rules (migration 0006); written directly, not as batches. */
  readonly access: AccessRuleStore;

  /** The audit trail of changes (migration 0005); append-only. */
  readonly audit: AuditStore;

  /** The Wegweiser's editorial workflow: provider links, change requests, reminders (migration 0008). */
  readonly directoryEditorial: DirectoryEditorialStore;
}

export interface AreaQuery {
  /** ISO date of the territorial status (Gebietsstand). */
  at?: string;
  withGeometry?: boolean;
  /** Only areas whose parentKey is this key. */
  parentKey?: string;
}

export interface StoredArea extends Area {
  batchId: number | null;
  /** [minLon, minLat, maxLon, maxLat] of the geometry, null without geometry. */
  bbox: [number, number, number, number] | null;
}

export interface ValueQuery {
  indicatorId: string;
  levelId: string;
  period?: string;
  /** Restrict to these area keys. */
  areaKeys?: string[];
}

/** Everything one import writes. Indicators are upserted: a changed definition becomes a new version. */
export interface BatchInput {
  file: string;
  format: string;
  mapping: unknown;
  levels: SpatialLevel[];
  areas: Area[];
  correspondences: Correspondence[];
  indicators: IndicatorInput[];
  observations: Observation[];
  /**
   * One source's service directory delivery: upserted by id; the source's entries missing from it are
   * withdrawn (kept, with `withdrawnAt`, so undo restores them). References stay inside the delivery.
   */
  directory?: DirectoryBatchInput;
}

export type { DirectoryEntryQuery, Geometry };
