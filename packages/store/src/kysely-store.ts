import type {
  Correspondence,
  DirectoryEntry,
  ImportBatch,
  ImportDiff,
  IndicatorDefinition,
  SpatialLevel,
  StoredDirectorySource,
  StoredObservation,
} from '@lagebild/core';
import type { MigrationResult } from 'kysely';
import { applyBatch, diffBatch } from './batch-writer.ts';
import { undoBatch } from './batch-undo.ts';
import type { DialectName, Engine, ProgressListener } from './engine.ts';
import { migrateToLatest } from './migrations/index.ts';
import { AccessRulesRepository } from './repositories/access-rules.repository.ts';
import { AccountsRepository } from './repositories/accounts.repository.ts';
import { DirectoryEditorialRepository } from './repositories/directory-editorial.repository.ts';
import { AuditRepository } from './repositories/audit.repository.ts';
import { repositories } from './repositories/index.ts';
import type { Repositories } from './repositories/index.ts';
import type { AreaQuery, BatchInput, DirectoryEntryQuery, Store, StoredArea, ValueQuery } from './store.ts';

export interface StoreOptions {
  /** The clock for batch timestamps (tests pass a fixed one). */
  now?: () => Date;
}

/** The Store on either engine: reads through the repositories, writes through the batch logic. */
export class KyselyStore implements Store {
  readonly engine: Engine;
  readonly #repos: Repositories;
  readonly #now: () => Date;
  readonly accounts: AccountsRepository;
  readonly directoryEditorial: DirectoryEditorialRepository;
  readonly access: AccessRulesRepository;
  readonly audit: AuditRepository;

  constructor(engine: Engine, options: StoreOptions = {}) {
    this.engine = engine;
    this.#repos = repositories(engine.db);
    this.#now = options.now ?? (() => new Date());
    this.accounts = new AccountsRepository(engine.db, this.#now);
    this.directoryEditorial = new DirectoryEditorialRepository(engine, this.#now);
    this.access = new AccessRulesRepository(engine.db, this.#now);
    this.audit = new AuditRepository(engine.db, this.#now);
  }

  get dialect(): DialectName {
    return this.engine.capabilities.dialect;
  }

  async migrate(): Promise<void> {
    await this.runMigrations();
  }

  /** Like `migrate`, reporting which migrations ran. */
  runMigrations(): Promise<MigrationResult[]> {
    return migrateToLatest(this.engine.db, this.engine.capabilities);
  }

  close(): Promise<void> {
    return this.engine.destroy();
  }

  listLevels(): Promise<SpatialLevel[]> {
    return this.#repos.levels.list();
  }

  getLevel(id: string): Promise<SpatialLevel | null> {
    return this.#repos.levels.get(id);
  }

  listAreas(levelId: string, options?: AreaQuery): Promise<StoredArea[]> {
    return this.#repos.areas.list(levelId, options);
  }

  countAreas(at?: string): Promise<Map<string, number>> {
    return this.#repos.areas.counts(at);
  }

  getArea(levelId: string, key: string, at?: string): Promise<StoredArea | null> {
    return this.#repos.areas.get(levelId, key, at);
  }

  listAreaKeys(levelId: string): Promise<string[]> {
    return this.#repos.areas.keys(levelId);
  }

  listCorrespondences(fromLevelId: string, toLevelId: string): Promise<Correspondence[]> {
    return this.#repos.correspondences.list(fromLevelId, toLevelId);
  }

  listIndicators(): Promise<IndicatorDefinition[]> {
    return this.#repos.indicators.list();
  }

  getIndicator(id: string, version?: number): Promise<IndicatorDefinition | null> {
    return this.#repos.indicators.get(id, version);
  }

  listIndicatorVersions(id: string): Promise<IndicatorDefinition[]> {
    return this.#repos.indicators.versions(id);
  }

  getValues(query: ValueQuery): Promise<StoredObservation[]> {
    return this.#repos.observations.values(query);
  }

  listPeriods(indicatorId: string, levelId: string): Promise<string[]> {
    return this.#repos.observations.periods(indicatorId, levelId);
  }

  getSeries(indicatorId: string, levelId: string, areaKey: string): Promise<StoredObservation[]> {
    return this.#repos.observations.series(indicatorId, levelId, areaKey);
  }

  countObservations(indicatorId: string): Promise<{ levelId: string; periods: number; values: number }[]> {
    return this.#repos.observations.count(indicatorId);
  }

  diffBatch(batch: BatchInput): Promise<ImportDiff> {
    return diffBatch(this.engine, batch);
  }

  applyBatch(batch: BatchInput, onProgress?: ProgressListener): Promise<ImportBatch> {
    return applyBatch(this.engine, batch, this.#now, onProgress);
  }

  undoBatch(batchId: number): Promise<ImportBatch> {
    return undoBatch(this.engine, batchId, this.#now);
  }

  listBatches(): Promise<ImportBatch[]> {
    return this.#repos.batches.list();
  }

  getBatch(batchId: number): Promise<ImportBatch | null> {
    return this.#repos.batches.get(batchId);
  }

  listDirectoryEntries(query?: DirectoryEntryQuery): Promise<DirectoryEntry[]> {
    return this.#repos.directory.entries(query);
  }

  getDirectoryEntry(serviceId: string): Promise<DirectoryEntry | null> {
    return this.#repos.directory.entry(serviceId);
  }

  listDirectorySources(): Promise<StoredDirectorySource[]> {
    return this.#repos.directory.sources();
  }
}
