import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A file-backed DuckDB database (like the SQLite store, not in memory), default settings. */
export async function openDuckDb(path: string): Promise<{ db: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  return {
    db,
    close: () => {
      db.closeSync();
      instance.closeSync();
    },
  };
}

/** The first column of the first row, as a number (counts). */
export async function scalar(db: DuckDBConnection, sql: string): Promise<number> {
  const reader = await db.runAndReadAll(sql);
  return Number(reader.getRowsJS()[0]?.[0] ?? NaN);
}

/** A string as a SQL literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The keyed table both upsert baselines write into: the identity of Lagebild's observations table. */
export const OBSERVATIONS_TABLE = `create table observations (
  indicator_id varchar, level_id varchar, area_key varchar, period varchar,
  value double, status varchar, missing_reason varchar, batch_id integer,
  primary key (indicator_id, level_id, area_key, period))`;

/** On a key already there, the new values replace the old ones (what a re-import does). */
export const ON_CONFLICT_UPDATE = `on conflict do update set value = excluded.value, status = excluded.status,
  missing_reason = excluded.missing_reason, batch_id = excluded.batch_id`;
