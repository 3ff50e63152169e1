import { DomainError } from '@lagebild/core';
import type { ImportBatch } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type { Engine } from './engine.ts';
import { INDICATORS } from './repositories/indicators.repository.ts';
import { repositories } from './repositories/index.ts';
import { LEVELS } from './repositories/levels.repository.ts';
import { insertedBy, replacingBatches } from './repositories/row-sync.ts';
import type { Database } from './schema.ts';

const HISTORIES = [
  'level_history',
  'area_history',
  'correspondence_history',
  'indicator_history',
  'observation_history',
  'directory_source_history',
  'directory_provider_history',
  'directory_facility_history',
  'directory_service_history',
] as const;

/** Restores the state before the batch, in one transaction, or refuses with a DomainError. */
export async function undoBatch(engine: Engine, batchId: number, now: () => Date): Promise<ImportBatch> {
  return engine.db.transaction().execute(async (trx) => {
    await engine.capabilities.lockBatchWriters(trx);
    const r = repositories(trx);
    const batch = await r.batches.get(batchId);
    if (!batch) throw new DomainError('BatchNotFound', `import batch ${batchId} not found`, { batchId });
    if (batch.status === 'undone') {
      throw new DomainError('BatchAlreadyUndone', `import batch ${batchId} was already undone`, {
        batchId,
        undoneAt: batch.undoneAt,
      });
    }
    const later = await dependentBatches(trx, batchId);
    if (later.length > 0) {
      throw new DomainError(
        'BatchConflict',
        `later imports changed what batch ${batchId} wrote; undo ${later.join(', ')} first (in this order)`,
        { batchId, laterBatches: later },
      );
    }
    // Backwards through the write order, so nothing refers to a row when it goes.
    await r.directory.undo(batchId);
    await r.observations.undo(batchId);
    await r.indicators.undo(batchId);
    await r.correspondences.undo(batchId);
    await r.areas.undo(batchId);
    await r.levels.undo(batchId);
    await r.batches.markUndone(batchId, now().toISOString());
    return (await r.batches.get(batchId))!;
  });
}

/**
 * Every applied batch that must be undone before `batchId`, newest first (the order to undo them
 * in): those that replaced its rows or wrote rows referring to levels and indicators it created,
 * and, transitively, those that depend on them.
 */
async function dependentBatches(db: Kysely<Database>, batchId: number): Promise<number[]> {
  const found = new Set<number>();
  let frontier = [batchId];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const d of await directDependents(db, id)) {
        if (d === batchId || found.has(d)) continue;
        found.add(d);
        next.push(d);
      }
    }
    frontier = next;
  }
  const applied = await repositories(db).batches.applied([...found]);
  return applied.sort((a, b) => b - a);
}

async function directDependents(db: Kysely<Database>, batchId: number): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const history of HISTORIES) for (const id of await replacingBatches(db, history, batchId)) ids.add(id);
  for (const id of await referringBatches(db, batchId)) ids.add(id);
  return ids;
}

/** Batches whose rows refer to levels or indicators that `batchId` inserted (undo would orphan them). */
async function referringBatches(db: Kysely<Database>, batchId: number): Promise<number[]> {
  const levels = (await insertedBy(db, LEVELS, batchId, 'id')) as string[];
  const indicators = (await insertedBy(db, INDICATORS, batchId, 'id')) as string[];
  const rows: { batch_id: number | null }[] = [];
  if (levels.length > 0) {
    rows.push(
      ...(await db
        .selectFrom('areas')
        .select('batch_id')
        .distinct()
        .where('level_id', 'in', levels)
        .execute()),
      ...(await db
        .selectFrom('correspondences')
        .select('batch_id')
        .distinct()
        .where((eb) => eb.or([eb('from_level_id', 'in', levels), eb('to_level_id', 'in', levels)]))
        .execute()),
      ...(await db
        .selectFrom('observations')
        .select('batch_id')
        .distinct()
        .where('level_id', 'in', levels)
        .execute()),
    );
  }
  if (indicators.length > 0) {
    rows.push(
      ...(await db
        .selectFrom('observations')
        .select('batch_id')
        .distinct()
        .where('indicator_id', 'in', indicators)
        .execute()),
    );
  }
  const ids = new Set<number>();
  for (const { batch_id } of rows) if (batch_id !== null && batch_id !== batchId) ids.add(Number(batch_id));
  return [...ids];
}
