import type { Area, ChangeCounts, Geometry } from '@lagebild/core';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { bboxOf } from '../geometry.ts';
import { parseJson, stableJson } from '../json.ts';
import type { AreaRow, Database } from '../schema.ts';
import type { AreaQuery, StoredArea } from '../store.ts';
import { syncRows, undoRows } from './row-sync.ts';
import type { Row, SyncSpec } from './row-sync.ts';

export const AREAS: SyncSpec = {
  table: 'areas',
  history: 'area_history',
  identity: ['level_id', 'key', 'valid_from'],
  rowId: ['id'],
  scope: 'level_id',
};

/** Everything but the geometry, which is read only when asked for. */
const COLUMNS = [
  'id',
  'level_id',
  'key',
  'name',
  'parent_key',
  'valid_from',
  'valid_to',
  'predecessors',
  'source_crs',
  'min_lon',
  'min_lat',
  'max_lon',
  'max_lat',
  'attributes',
  'batch_id',
] as const;

type AreaColumns = Omit<AreaRow, 'geometry'> & { geometry?: string | null };

export class AreasRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(levelId: string, options: AreaQuery = {}): Promise<StoredArea[]> {
    const rows = await this.db
      .selectFrom('areas')
      .select(COLUMNS)
      .$if(options.withGeometry === true, (q) => q.select('geometry'))
      .where('level_id', '=', levelId)
      .where((eb) => validAt(eb, options.at))
      .$if(options.parentKey !== undefined, (q) => q.where('parent_key', '=', options.parentKey!))
      .orderBy('key')
      .execute();
    return rows.map(toArea);
  }

  /** Areas per level valid at `at`, counted in the database (the level list shows them). */
  async counts(at?: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('areas')
      .select(['level_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
      .where((eb) => validAt(eb, at))
      .groupBy('level_id')
      .execute();
    return new Map(rows.map((r) => [r.level_id, Number(r.n)]));
  }

  async get(levelId: string, key: string, at?: string): Promise<StoredArea | null> {
    const row = await this.db
      .selectFrom('areas')
      .selectAll()
      .where('level_id', '=', levelId)
      .where('key', '=', key)
      .where((eb) => validAt(eb, at))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst();
    return row ? toArea(row) : null;
  }

  async keys(levelId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('areas')
      .select('key')
      .distinct()
      .where('level_id', '=', levelId)
      .orderBy('key')
      .execute();
    return rows.map((r) => r.key);
  }

  async sync(areas: readonly Area[], batchId: number | null): Promise<ChangeCounts> {
    return (await syncRows(this.db, AREAS, areas.map(toRow), batchId)).counts;
  }

  undo(batchId: number): Promise<void> {
    return undoRows(this.db, AREAS, batchId);
  }
}

/** valid_from <= at < valid_to, null bounds open; without `at` the current version (valid_to null). */
function validAt(eb: ExpressionBuilder<Database, 'areas'>, at: string | undefined) {
  if (at === undefined) return eb('valid_to', 'is', null);
  return eb.and([
    eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]),
    eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]),
  ]);
}

function toRow(area: Area): Row {
  const geometry = area.geometry ?? null;
  const bbox = bboxOf(geometry);
  return {
    level_id: area.levelId,
    key: area.key,
    name: area.name,
    parent_key: area.parentKey ?? null,
    valid_from: area.validFrom || null,
    valid_to: area.validTo || null,
    predecessors: stableJson(area.predecessors ?? []),
    source_crs: area.sourceCrs ?? null,
    geometry: geometry === null ? null : stableJson(geometry),
    min_lon: bbox?.[0] ?? null,
    min_lat: bbox?.[1] ?? null,
    max_lon: bbox?.[2] ?? null,
    max_lat: bbox?.[3] ?? null,
    attributes: stableJson(area.attributes ?? {}),
  };
}

function toArea(row: AreaColumns): StoredArea {
  const hasBox = row.min_lon !== null && row.min_lat !== null && row.max_lon !== null && row.max_lat !== null;
  return {
    levelId: row.level_id,
    key: row.key,
    name: row.name,
    parentKey: row.parent_key,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    predecessors: JSON.parse(row.predecessors) as string[],
    sourceCrs: row.source_crs,
    geometry: parseJson<Geometry>(row.geometry ?? null),
    attributes: JSON.parse(row.attributes) as Area['attributes'],
    batchId: row.batch_id,
    bbox: hasBox ? [row.min_lon!, row.min_lat!, row.max_lon!, row.max_lat!] : null,
  };
}
