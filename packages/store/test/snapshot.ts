import { sql } from 'kysely';
import { KyselyStore } from '../src/kysely-store.ts';
import type { Store } from '../src/store.ts';

/** Each table with the columns that order it completely. */
const TABLES: Record<string, string[]> = {
  levels: ['id'],
  level_history: ['batch_id', 'id'],
  areas: ['id'],
  area_history: ['batch_id', 'id'],
  correspondences: ['from_level_id', 'from_key', 'to_level_id', 'to_key'],
  correspondence_history: ['batch_id', 'from_level_id', 'from_key', 'to_level_id', 'to_key'],
  indicators: ['id'],
  indicator_history: ['batch_id', 'id'],
  indicator_versions: ['indicator_id', 'version'],
  observations: ['indicator_id', 'level_id', 'area_key', 'period'],
  observation_history: ['batch_id', 'indicator_id', 'level_id', 'area_key', 'period'],
  import_batches: ['id'],
  directory_sources: ['id'],
  directory_source_history: ['batch_id', 'id'],
  directory_providers: ['id'],
  directory_provider_history: ['batch_id', 'id'],
  directory_facilities: ['id'],
  directory_facility_history: ['batch_id', 'id'],
  directory_services: ['id'],
  directory_service_history: ['batch_id', 'id'],
};

/**
 * Every row of every table (the import_batches log only when asked), read straight from the
 * database, so that "exactly as before" can be checked with one toEqual.
 */
export async function snapshot(
  store: Store,
  options: { batches?: boolean } = {},
): Promise<Record<string, unknown[]>> {
  if (!(store instanceof KyselyStore)) throw new Error('snapshot needs a KyselyStore');
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    if (table === 'import_batches' && !options.batches) continue;
    const { rows } =
      await sql`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))}`.execute(
        store.engine.db,
      );
    out[table] = rows;
  }
  return out;
}
