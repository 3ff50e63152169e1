import { DomainError, emptyCounts } from '@lagebild/core';
import type { ChangeCounts } from '@lagebild/core';
import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Upsert-with-history for the small entity tables (levels, areas, correspondences, indicators):
 * compare each incoming row with the stored one, insert new rows, copy replaced rows into the
 * history table, leave unchanged rows alone; and the reverse for undo. Rows here are in database
 * shape (snake_case, JSON as text), so comparing is `===` column by column.
 */
export type Value = string | number | null;
export type Row = Record<string, Value>;
type LooseDb = Record<string, Row>;

export interface SyncSpec {
  readonly table: keyof Database;
  readonly history: keyof Database;
  /** The upsert identity. A null in it matches '' (as the unique index on areas does). */
  readonly identity: readonly string[];
  /** Columns that address a stored row for update and restore; the identity unless a surrogate id. */
  readonly rowId?: readonly string[];
  /** Reads only stored rows whose `scope` column takes a value found in the batch. */
  readonly scope?: string;
}

export interface Written {
  row: Row;
  old: Row | null;
}

export interface SyncResult {
  counts: ChangeCounts;
  written: Written[];
}

/** Shapes the row to write from the incoming row and the stored one it replaces (null: new row). */
export type Prepare = (row: Row, old: Row | null) => Row;

// Kysely's types cannot follow table names chosen at run time; the specs above are the contract.
function loose(db: Kysely<Database>): Kysely<LooseDb> {
  return db as unknown as Kysely<LooseDb>;
}

/** Compares (and writes, when `batchId` is not null) one batch's rows of one table. */
export async function syncRows(
  db: Kysely<Database>,
  spec: SyncSpec,
  incoming: readonly Row[],
  batchId: number | null,
  prepare: Prepare = (row) => row,
): Promise<SyncResult> {
  const counts = emptyCounts();
  if (incoming.length === 0) return { counts, written: [] };
  const stored = await readStored(db, spec, incoming);
  const inserts: Written[] = [];
  const updates: Written[] = [];
  const seen = new Set<string>();
  for (const row of incoming) {
    const id = identityOf(spec, row);
    if (seen.has(id)) {
      throw new DomainError('ImportInvalid', `${spec.table}: ${id} given twice in one batch`, {
        table: spec.table,
        identity: JSON.parse(id),
      });
    }
    seen.add(id);
    const old = stored.get(id) ?? null;
    if (old === null) {
      counts.inserted++;
      inserts.push({ row: prepare(row, null), old: null });
    } else if (same(old, row)) {
      counts.unchanged++;
    } else {
      counts.updated++;
      updates.push({ row: prepare(row, old), old });
    }
  }
  if (batchId !== null) await write(db, spec, batchId, inserts, updates);
  return { counts, written: [...inserts, ...updates] };
}

async function readStored(
  db: Kysely<Database>,
  spec: SyncSpec,
  incoming: readonly Row[],
): Promise<Map<string, Row>> {
  let query = loose(db).selectFrom(spec.table).selectAll();
  if (spec.scope) {
    const scope = spec.scope;
    query = query.where(scope, 'in', [...new Set(incoming.map((r) => r[scope] ?? null))]);
  }
  const rows = await query.execute();
  return new Map(rows.map((row) => [identityOf(spec, row), row]));
}

function identityOf(spec: SyncSpec, row: Row): string {
  return JSON.stringify(spec.identity.map((c) => row[c] ?? ''));
}

/** Every column the batch gives equals the stored one (derived columns such as `version` are added later). */
function same(stored: Row, incoming: Row): boolean {
  return Object.keys(incoming).every((c) => stored[c] === incoming[c]);
}

async function write(
  db: Kysely<Database>,
  spec: SyncSpec,
  batchId: number,
  inserts: Written[],
  updates: Written[],
): Promise<void> {
  const ldb = loose(db);
  await insertChunked(
    ldb,
    spec.table,
    inserts.map(({ row }) => ({ ...row, batch_id: batchId })),
  );
  await insertChunked(
    ldb,
    spec.history,
    updates.map(({ old }) => ({ ...old!, batch_id: batchId, old_batch_id: old!.batch_id ?? null })),
  );
  for (const { row, old } of updates) {
    await ldb
      .updateTable(spec.table)
      .set({ ...row, batch_id: batchId })
      .where((eb) => eb.and(rowIdOf(spec).map((c) => eb(c, '=', old![c] ?? null))))
      .execute();
  }
}

async function insertChunked(db: Kysely<LooseDb>, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // Stay well below the bound-parameter limits (SQLite 32766, PostgreSQL 65535).
  const size = Math.max(1, Math.floor(20_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

function rowIdOf(spec: SyncSpec): readonly string[] {
  return spec.rowId ?? spec.identity;
}

/** `h` (the history of batch `batchId`) holds a row for the stored row `spec.table`. */
function hasHistory(spec: SyncSpec, batchId: number): Expression<SqlBool> {
  const match = rowIdOf(spec).map((c) => sql`h.${sql.ref(c)} = ${sql.table(spec.table)}.${sql.ref(c)}`);
  return sql<SqlBool>`exists (select 1 from ${sql.table(spec.history)} h
    where h.batch_id = ${batchId} and ${sql.join(match, sql` and `)})`;
}

/**
 * Reverts one batch on one table: rows it inserted (its batch_id, no history of it) are deleted,
 * rows it replaced are restored from history with their old batch_id, its history is dropped.
 */
export async function undoRows(db: Kysely<Database>, spec: SyncSpec, batchId: number): Promise<void> {
  const ldb = loose(db);
  await ldb
    .deleteFrom(spec.table)
    .where('batch_id', '=', batchId)
    .where((eb) => eb.not(hasHistory(spec, batchId)))
    .execute();
  const history = await ldb.selectFrom(spec.history).selectAll().where('batch_id', '=', batchId).execute();
  for (const { batch_id: _batch, old_batch_id, ...row } of history) {
    await ldb
      .updateTable(spec.table)
      .set({ ...row, batch_id: old_batch_id ?? null })
      .where((eb) => eb.and(rowIdOf(spec).map((c) => eb(c, '=', row[c] ?? null))))
      .execute();
  }
  await ldb.deleteFrom(spec.history).where('batch_id', '=', batchId).execute();
}

/** Batches that replaced rows `batchId` had written (their history names it as the old batch). */
export async function replacingBatches(
  db: Kysely<Database>,
  history: keyof Database,
  batchId: number,
): Promise<number[]> {
  const rows = await loose(db)
    .selectFrom(history)
    .select('batch_id')
    .distinct()
    .where('old_batch_id', '=', batchId)
    .execute();
  return rows.map((r) => Number(r.batch_id));
}

/** Values of `column` in the rows `batchId` inserted, i.e. the rows its undo will delete. */
export async function insertedBy(
  db: Kysely<Database>,
  spec: SyncSpec,
  batchId: number,
  column: string,
): Promise<Value[]> {
  const rows = await loose(db)
    .selectFrom(spec.table)
    .select(column)
    .where('batch_id', '=', batchId)
    .where((eb) => eb.not(hasHistory(spec, batchId)))
    .execute();
  return rows.map((r) => r[column] ?? null);
}
