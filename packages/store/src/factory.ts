import { DomainError } from '@lagebild/core';
import { createPostgresEngine, redactUrl } from './dialects/postgres.ts';
import type { PostgresOptions } from './dialects/postgres.ts';
import { createSqliteEngine } from './dialects/sqlite.ts';
import { KyselyStore } from './kysely-store.ts';
import type { StoreOptions } from './kysely-store.ts';

/** A store on a SQLite file (created if missing), or `:memory:`. Call `migrate()` before use. */
export function createSqliteStore(path: string, options?: StoreOptions): KyselyStore {
  return new KyselyStore(createSqliteEngine(path), options);
}

/** A store on a PostgreSQL database; connects lazily. Call `migrate()` before use. */
export function createPostgresStore(url: string, options?: StoreOptions & PostgresOptions): KyselyStore {
  return new KyselyStore(createPostgresEngine(url, options), options);
}

export type StoreTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/i;

/**
 * Which engine a store URL means: `postgres://…`/`postgresql://…`; `sqlite:<path>` (also
 * `sqlite://<path>`, `sqlite::memory:`); `:memory:`; or a plain path ending in .db/.sqlite/.sqlite3.
 */
export function parseStoreUrl(url: string): StoreTarget {
  const text = url.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) return { dialect: 'postgres', url: text };
  if (/^sqlite:/i.test(text)) {
    const path = text.replace(/^sqlite:(\/\/(?=\/))?/i, '').replace(/^\/\/(?!\/)/, '');
    if (path !== '') return { dialect: 'sqlite', path };
  }
  if (text === ':memory:' || SQLITE_FILE.test(text)) return { dialect: 'sqlite', path: text };
  throw new DomainError(
    'ValidationFailed',
    `not a store URL: ${redactUrl(text)} (expected postgres://…, sqlite:<path>, :memory: or a .db/.sqlite file)`,
    { url: redactUrl(text) },
  );
}

/**
 * Opens the store a URL names and checks that its database answers (so a wrong URL fails here,
 * with the URL in the message, rather than at the first query). Does not migrate.
 */
export async function openStore(url: string, options?: StoreOptions): Promise<KyselyStore> {
  const target = parseStoreUrl(url);
  const store =
    target.dialect === 'sqlite'
      ? createSqliteStore(target.path, options)
      : createPostgresStore(target.url, options);
  try {
    await store.engine.ping();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
