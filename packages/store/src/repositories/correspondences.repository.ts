import type { ChangeCounts, Correspondence } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { syncRows, undoRows } from './row-sync.ts';
import type { Row, SyncSpec } from './row-sync.ts';

export const CORRESPONDENCES: SyncSpec = {
  table: 'correspondences',
  history: 'correspondence_history',
  identity: ['from_level_id', 'from_key', 'to_level_id', 'to_key'],
  scope: 'from_level_id',
};

export class CorrespondencesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(fromLevelId: string, toLevelId: string): Promise<Correspondence[]> {
    const rows = await this.db
      .selectFrom('correspondences')
      .selectAll()
      .where('from_level_id', '=', fromLevelId)
      .where('to_level_id', '=', toLevelId)
      .orderBy('from_key')
      .orderBy('to_key')
      .execute();
    return rows.map((r) => ({
      fromLevelId: r.from_level_id,
      fromKey: r.from_key,
      toLevelId: r.to_level_id,
      toKey: r.to_key,
      weight: r.weight,
      basis: r.basis,
    }));
  }

  async sync(correspondences: readonly Correspondence[], batchId: number | null): Promise<ChangeCounts> {
    return (await syncRows(this.db, CORRESPONDENCES, correspondences.map(toRow), batchId)).counts;
  }

  undo(batchId: number): Promise<void> {
    return undoRows(this.db, CORRESPONDENCES, batchId);
  }
}

function toRow(c: Correspondence): Row {
  return {
    from_level_id: c.fromLevelId,
    from_key: c.fromKey,
    to_level_id: c.toLevelId,
    to_key: c.toKey,
    weight: c.weight,
    basis: c.basis,
  };
}
