import type { ChangeCounts, SpatialLevel } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type { Database, LevelRow } from '../schema.ts';
import { syncRows, undoRows } from './row-sync.ts';
import type { Row, SyncSpec } from './row-sync.ts';

export const LEVELS: SyncSpec = { table: 'levels', history: 'level_history', identity: ['id'] };

export class LevelsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<SpatialLevel[]> {
    const rows = await this.db.selectFrom('levels').selectAll().orderBy('sort_order').orderBy('id').execute();
    return rows.map(toLevel);
  }

  async get(id: string): Promise<SpatialLevel | null> {
    const row = await this.db.selectFrom('levels').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toLevel(row) : null;
  }

  /** The ids among `ids` that exist. */
  async existing(ids: Iterable<string>): Promise<Set<string>> {
    const list = [...ids];
    if (list.length === 0) return new Set();
    const rows = await this.db.selectFrom('levels').select('id').where('id', 'in', list).execute();
    return new Set(rows.map((r) => r.id));
  }

  async sync(levels: readonly SpatialLevel[], batchId: number | null): Promise<ChangeCounts> {
    return (await syncRows(this.db, LEVELS, levels.map(toRow), batchId)).counts;
  }

  undo(batchId: number): Promise<void> {
    return undoRows(this.db, LEVELS, batchId);
  }
}

function toRow(level: SpatialLevel): Row {
  return {
    id: level.id,
    name: level.name,
    name_en: level.nameEn ?? null,
    kind: level.kind,
    parent_level_id: level.parentLevelId ?? null,
    sort_order: level.sortOrder ?? 0,
    description: level.description ?? null,
  };
}

function toLevel(row: LevelRow): SpatialLevel {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind as SpatialLevel['kind'],
    parentLevelId: row.parent_level_id,
    sortOrder: row.sort_order,
    description: row.description,
  };
}
