import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Capabilities, Engine } from '../engine.ts';
import type { Database } from '../schema.ts';
import { PostgresObservationWriter } from './postgres-observation-writer.ts';

/** Any constant will do; it only has to be the same for every Lagebild process on the database. */
const BATCH_LOCK_KEY = 4_711_001;
const INT8_OID = 20;

export const postgresCapabilities: Capabilities = {
  dialect: 'postgres',
  doubleType: 'double precision',
  autoIncrementId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  // Keys and periods sort by code point as in SQLite, whatever locale the database was created with.
  keyText: (column) => column.modifyFront(sql`collate "C"`),
  clusteredByKey: (table) => table,
  lockBatchWriters: async (trx) => {
    await sql`select pg_advisory_xact_lock(${BATCH_LOCK_KEY})`.execute(trx);
  },
};

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** Connects lazily: the first query (or `ping`) opens the first connection. */
export function createPostgresEngine(url: string, options: PostgresOptions = {}): Engine {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // count(*) is bigint; our counts fit a JS number, so both engines return numbers.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    capabilities: postgresCapabilities,
    db,
    observations: new PostgresObservationWriter(),
    ping: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw new Error(`PostgreSQL unreachable at ${redactUrl(url)}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    destroy: () => db.destroy(),
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
