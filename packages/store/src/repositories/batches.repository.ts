import type { ImportBatch, ImportDiff } from '@lagebild/core';
import type { Kysely } from 'kysely';
import { stableJson } from '../json.ts';
import type { Database, ImportBatchRow } from '../schema.ts';

export interface NewBatch {
  file: string;
  format: string;
  mapping: unknown;
  createdAt: string;
  diff: ImportDiff;
}

export class BatchesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first. */
  async list(): Promise<ImportBatch[]> {
    const rows = await this.db.selectFrom('import_batches').selectAll().orderBy('id', 'desc').execute();
    return rows.map(toBatch);
  }

  async get(id: number): Promise<ImportBatch | null> {
    const row = await this.db
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toBatch(row) : null;
  }

  async create(batch: NewBatch): Promise<number> {
    const row = await this.db
      .insertInto('import_batches')
      .values({
        created_at: batch.createdAt,
        file: batch.file,
        format: batch.format,
        mapping: stableJson(batch.mapping ?? null),
        status: 'applied',
        undone_at: null,
        diff: stableJson(batch.diff),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async setDiff(id: number, diff: ImportDiff): Promise<void> {
    await this.db
      .updateTable('import_batches')
      .set({ diff: stableJson(diff) })
      .where('id', '=', id)
      .execute();
  }

  async markUndone(id: number, undoneAt: string): Promise<void> {
    await this.db
      .updateTable('import_batches')
      .set({ status: 'undone', undone_at: undoneAt })
      .where('id', '=', id)
      .execute();
  }

  /** Of `ids`, those still applied. */
  async applied(ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('import_batches')
      .select('id')
      .where('id', 'in', [...ids])
      .where('status', '=', 'applied')
      .execute();
    return rows.map((r) => Number(r.id));
  }
}

function toBatch(row: ImportBatchRow): ImportBatch {
  return {
    id: Number(row.id),
    createdAt: row.created_at,
    file: row.file,
    format: row.format,
    mapping: JSON.parse(row.mapping) as unknown,
    status: row.status as ImportBatch['status'],
    undoneAt: row.undone_at,
    diff: JSON.parse(row.diff) as ImportDiff,
  };
}
