import { DomainError, emptyCounts } from '@lagebild/core';
import type {
  DirectoryBatchInput,
  DirectoryChangeCounts,
  DirectoryDiff,
  DirectoryEntry,
  StoredDirectorySource,
  StoredFacility,
  StoredProvider,
} from '@lagebild/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { checkDirectoryBatch } from './directory-checks.ts';
import {
  facilityRow,
  providerRow,
  serviceRow,
  sourceRow,
  toFacility,
  toProvider,
  toService,
  toSource,
} from './directory-rows.ts';
import { syncRows, undoRows } from './row-sync.ts';
import type { Row, SyncSpec } from './row-sync.ts';

export const DIRECTORY_SOURCES: SyncSpec = {
  table: 'directory_sources',
  history: 'directory_source_history',
  identity: ['id'],
};
export const DIRECTORY_PROVIDERS: SyncSpec = {
  table: 'directory_providers',
  history: 'directory_provider_history',
  identity: ['id'],
  scope: 'source',
};
export const DIRECTORY_FACILITIES: SyncSpec = {
  table: 'directory_facilities',
  history: 'directory_facility_history',
  identity: ['id'],
  scope: 'source',
};
export const DIRECTORY_SERVICES: SyncSpec = {
  table: 'directory_services',
  history: 'directory_service_history',
  identity: ['id'],
  scope: 'source',
};

/** In write order; undo goes backwards. */
const ENTITY_SPECS = [DIRECTORY_PROVIDERS, DIRECTORY_FACILITIES, DIRECTORY_SERVICES] as const;
const PROVENANCE_COLUMNS = ['batch_id', 'created_at', 'updated_at'];
const ID_CHUNK = 5_000;

export interface DirectoryEntryQuery {
  /** Only entries public on this ISO date: published and valid then. Default: every entry not withdrawn. */
  publicOn?: string;
}

export class DirectoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Writes (or, with `batchId` null, only compares) one source's delivery: upserts by id, and
   * withdraws the source's entries the delivery no longer contains.
   */
  async sync(input: DirectoryBatchInput, batchId: number | null, now: string): Promise<DirectoryDiff> {
    checkDirectoryBatch(input);
    const source = input.source.id;
    const sources = await syncRows(this.db, DIRECTORY_SOURCES, [sourceRow(input.source)], batchId);
    const incoming = [
      input.providers.map((p) => providerRow(source, p)),
      input.facilities.map((f) => facilityRow(source, f)),
      input.services.map((s) => serviceRow(source, s)),
    ] as const;
    const [providers, facilities, services] = [
      await this.#syncEntities(DIRECTORY_PROVIDERS, source, incoming[0], batchId, now),
      await this.#syncEntities(DIRECTORY_FACILITIES, source, incoming[1], batchId, now),
      await this.#syncEntities(DIRECTORY_SERVICES, source, incoming[2], batchId, now),
    ];
    return { sources: sources.counts, providers, facilities, services };
  }

  async #syncEntities(
    spec: SyncSpec,
    source: string,
    rows: Row[],
    batchId: number | null,
    now: string,
  ): Promise<DirectoryChangeCounts> {
    await this.#refuseForeignIds(spec, source, rows);
    const ids = new Set(rows.map((r) => r.id));
    const active = await this.#loose()
      .selectFrom(spec.table)
      .selectAll()
      .where('source', '=', source)
      .where('withdrawn_at', 'is', null)
      .execute();
    const withdrawals = active
      .filter((row) => !ids.has(row.id!))
      .map((row) => ({ ...withoutProvenance(row), withdrawn_at: now }));
    const stamp = (row: Row, old: Row | null): Row => ({
      ...row,
      created_at: old?.created_at ?? now,
      updated_at: now,
    });
    const { counts } = await syncRows(this.db, spec, [...rows, ...withdrawals], batchId, stamp);
    return { ...counts, updated: counts.updated - withdrawals.length, withdrawn: withdrawals.length };
  }

  /** Ids are global; one taken by another source's entry is refused rather than silently moved. */
  async #refuseForeignIds(spec: SyncSpec, source: string, rows: Row[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ID_CHUNK) {
      const ids = rows.slice(i, i + ID_CHUNK).map((r) => r.id!);
      const taken = await this.#loose()
        .selectFrom(spec.table)
        .select(['id', 'source'])
        .where('id', 'in', ids)
        .where('source', '!=', source)
        .executeTakeFirst();
      if (taken) {
        throw new DomainError(
          'ImportInvalid',
          `${spec.table}: id "${taken.id}" belongs to source "${taken.source}", not "${source}"`,
          { table: spec.table, id: taken.id, source: taken.source },
        );
      }
    }
  }

  async undo(batchId: number): Promise<void> {
    for (const spec of [...ENTITY_SPECS].reverse()) await undoRows(this.db, spec, batchId);
    await undoRows(this.db, DIRECTORY_SOURCES, batchId);
  }

  async entries(query: DirectoryEntryQuery = {}): Promise<DirectoryEntry[]> {
    const at = query.publicOn;
    const services = await this.db
      .selectFrom('directory_services')
      .selectAll()
      .where('withdrawn_at', 'is', null)
      .$if(at !== undefined, (q) =>
        q
          .where('status', '=', 'published')
          .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at!)]))
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at!)])),
      )
      .orderBy('id')
      .execute();
    const [facilities, providers, sources] = await Promise.all([
      this.db.selectFrom('directory_facilities').selectAll().where('withdrawn_at', 'is', null).execute(),
      this.db.selectFrom('directory_providers').selectAll().where('withdrawn_at', 'is', null).execute(),
      this.sources(),
    ]);
    const join = joiner(
      new Map(facilities.map((r) => [r.id, toFacility(r)])),
      new Map(providers.map((r) => [r.id, toProvider(r)])),
      new Map(sources.map((s) => [s.id, s])),
    );
    return services.map((row) => join(toService(row)));
  }

  async entry(serviceId: string): Promise<DirectoryEntry | null> {
    const row = await this.db
      .selectFrom('directory_services')
      .selectAll()
      .where('id', '=', serviceId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const service = toService(row);
    const facilityRow = service.facilityId
      ? await this.db
          .selectFrom('directory_facilities')
          .selectAll()
          .where('id', '=', service.facilityId)
          .executeTakeFirst()
      : undefined;
    const facility = facilityRow ? toFacility(facilityRow) : null;
    const providerId = service.providerId ?? facility?.providerId ?? null;
    const providerRow = providerId
      ? await this.db
          .selectFrom('directory_providers')
          .selectAll()
          .where('id', '=', providerId)
          .executeTakeFirst()
      : undefined;
    const sourceRow = await this.db
      .selectFrom('directory_sources')
      .selectAll()
      .where('id', '=', service.source)
      .executeTakeFirst();
    return {
      service,
      facility,
      provider: providerRow ? toProvider(providerRow) : null,
      source: sourceRow ? toSource(sourceRow) : null,
    };
  }

  async sources(): Promise<StoredDirectorySource[]> {
    const rows = await this.db.selectFrom('directory_sources').selectAll().orderBy('id').execute();
    return rows.map(toSource);
  }

  #loose(): Kysely<Record<string, Row>> {
    return this.db as unknown as Kysely<Record<string, Row>>;
  }
}

function withoutProvenance(row: Row): Row {
  const copy = { ...row };
  for (const column of PROVENANCE_COLUMNS) delete copy[column];
  return copy;
}

function joiner(
  facilities: Map<string, StoredFacility>,
  providers: Map<string, StoredProvider>,
  sources: Map<string, StoredDirectorySource>,
) {
  return (service: DirectoryEntry['service']): DirectoryEntry => {
    const facility = service.facilityId ? (facilities.get(service.facilityId) ?? null) : null;
    const providerId = service.providerId ?? facility?.providerId ?? null;
    return {
      service,
      facility,
      provider: providerId ? (providers.get(providerId) ?? null) : null,
      source: sources.get(service.source) ?? null,
    };
  };
}

export function emptyDirectoryDiff(): DirectoryDiff {
  const withWithdrawn = () => ({ ...emptyCounts(), withdrawn: 0 });
  return {
    sources: emptyCounts(),
    providers: withWithdrawn(),
    facilities: withWithdrawn(),
    services: withWithdrawn(),
  };
}
