import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Capabilities, Engine } from '../engine.ts';
import type { Database } from '../schema.ts';
import { SqliteObservationWriter } from './sqlite-observation-writer.ts';

export const sqliteCapabilities: Capabilities = {
  dialect: 'sqlite',
  doubleType: 'real',
  autoIncrementId: (column) => column.primaryKey().autoIncrement(),
  // SQLite compares text with BINARY (byte order of UTF-8, i.e. code point order) by default.
  keyText: (column) => column,
  clusteredByKey: (table) => table.modifyEnd(sql`without rowid`),
  // A write statement takes the write lock at once (waiting up to busy_timeout). Taken before the
  // first read, so a deferred transaction never has to upgrade a stale read snapshot (SQLITE_BUSY).
  lockBatchWriters: async (trx) => {
    await sql`update import_batches set id = id where 1 = 0`.execute(trx);
  },
};

const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // 64 MiB page cache: bulk imports touch the observation indexes all over.
  'cache_size = -65536',
  'temp_store = MEMORY',
];

/** Opens (or creates) a SQLite database file; `:memory:` for a private in-memory database. */
export function createSqliteEngine(path: string): Engine {
  const raw = openDatabase(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    capabilities: sqliteCapabilities,
    db,
    // The bulk path reuses prepared statements on the very connection Kysely's transactions run on.
    observations: new SqliteObservationWriter(raw),
    ping: async () => {
      raw.prepare('select 1').get();
    },
    destroy: () => db.destroy(),
  };
}

function openDatabase(path: string): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (error) {
    throw new Error(`cannot open SQLite database ${path}: ${(error as Error).message}`, { cause: error });
  }
  for (const pragma of PRAGMAS) raw.pragma(pragma);
  return raw;
}
