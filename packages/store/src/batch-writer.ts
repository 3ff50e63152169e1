import { DomainError, emptyDiff } from '@lagebild/core';
import type { ImportBatch, ImportDiff } from '@lagebild/core';
import type { Kysely, Transaction } from 'kysely';
import type { Engine, ProgressListener } from './engine.ts';
import { scanObservations } from './observation-rows.ts';
import { repositories } from './repositories/index.ts';
import type { Database } from './schema.ts';
import type { BatchInput } from './store.ts';

/** What the batch would change; reads one consistent snapshot and writes nothing. */
export async function diffBatch(engine: Engine, input: BatchInput): Promise<ImportDiff> {
  const refs = scanObservations(input.observations);
  return engine.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await assertReferences(trx, input, refs);
      return syncAll(engine, trx, input, null, new Date().toISOString());
    });
}

/** Writes the whole batch in one transaction; any error leaves the store as it was. */
export async function applyBatch(
  engine: Engine,
  input: BatchInput,
  now: () => Date,
  onProgress?: ProgressListener,
): Promise<ImportBatch> {
  const refs = scanObservations(input.observations);
  return engine.db.transaction().execute(async (trx) => {
    await engine.capabilities.lockBatchWriters(trx);
    await assertReferences(trx, input, refs);
    const batches = repositories(trx).batches;
    // One time for the batch and the rows it stamps (directory entries' updatedAt).
    const createdAt = now().toISOString();
    const id = await batches.create({
      file: input.file,
      format: input.format,
      mapping: input.mapping,
      createdAt,
      diff: emptyDiff(),
    });
    await batches.setDiff(id, await syncAll(engine, trx, input, id, createdAt, onProgress));
    return (await batches.get(id))!;
  });
}

/** In dependency order: levels before the rows that refer to them, indicators before observations. */
async function syncAll(
  engine: Engine,
  trx: Transaction<Database>,
  input: BatchInput,
  batchId: number | null,
  now: string,
  onProgress?: ProgressListener,
): Promise<ImportDiff> {
  const r = repositories(trx);
  const levels = await r.levels.sync(input.levels, batchId);
  const areas = await r.areas.sync(input.areas, batchId);
  const correspondences = await r.correspondences.sync(input.correspondences, batchId);
  const indicators = await r.indicators.sync(input.indicators, batchId);
  const observations =
    batchId === null
      ? await engine.observations.diff(trx, input.observations)
      : await engine.observations.apply(trx, batchId, input.observations, onProgress);
  // Directory entries reference nothing outside their own delivery, so they come last.
  const directory = input.directory ? await r.directory.sync(input.directory, batchId, now) : undefined;
  return { levels, areas, correspondences, indicators, observations, ...(directory ? { directory } : {}) };
}

/** Every level and indicator the batch refers to must exist in the store or in the batch. */
async function assertReferences(
  db: Kysely<Database>,
  input: BatchInput,
  refs: { indicatorIds: Set<string>; levelIds: Set<string> },
): Promise<void> {
  const r = repositories(db);
  const levelIds = new Set(refs.levelIds);
  for (const a of input.areas) levelIds.add(a.levelId);
  for (const c of input.correspondences) levelIds.add(c.fromLevelId).add(c.toLevelId);
  const missingLevels = await missing(levelIds, new Set(input.levels.map((l) => l.id)), (ids) =>
    r.levels.existing(ids),
  );
  if (missingLevels.length > 0) {
    throw new DomainError('LevelNotFound', `unknown level(s): ${missingLevels.join(', ')}`, {
      levelIds: missingLevels,
    });
  }
  const missingIndicators = await missing(
    refs.indicatorIds,
    new Set(input.indicators.map((i) => i.id)),
    (ids) => r.indicators.existing(ids),
  );
  if (missingIndicators.length > 0) {
    throw new DomainError('IndicatorNotFound', `unknown indicator(s): ${missingIndicators.join(', ')}`, {
      indicatorIds: missingIndicators,
    });
  }
}

async function missing(
  wanted: Set<string>,
  inBatch: Set<string>,
  existing: (ids: string[]) => Promise<Set<string>>,
): Promise<string[]> {
  const outside = [...wanted].filter((id) => !inBatch.has(id));
  const found = await existing(outside);
  return outside.filter((id) => !found.has(id)).sort();
}
