import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Row count and a content hash of every table, read with the engine's own driver (not through the
 * store), so a test can show that a run of hostile requests left the database exactly as it was.
 * `sessions` is left out: every request moves a session's last-seen time.
 */
export type Fingerprint = Record<string, { rows: number; sha256: string }>;

const VOLATILE = new Set(['sessions']);

export async function fingerprint(database: string): Promise<Fingerprint> {
  const tables = database.startsWith('sqlite:')
    ? sqliteTables(database.slice('sqlite:'.length))
    : await postgresTables(database);
  const result: Fingerprint = {};
  for (const [name, rows] of Object.entries(tables)) {
    if (VOLATILE.has(name)) continue;
    // Row order is not guaranteed without ORDER BY: hash the sorted serialised rows.
    const lines = rows.map((row) => JSON.stringify(row, replacer)).sort();
    result[name] = { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return result;
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

function sqliteTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(names.map((n) => [n, db.prepare(`select * from "${n}"`).all()]));
  } finally {
    db.close();
  }
}

async function postgresTables(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = (
      await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).rows.map((r) => r.table_name);
    const result: Record<string, unknown[]> = {};
    for (const name of names) result[name] = (await client.query(`select * from "${name}"`)).rows;
    return result;
  } finally {
    await client.end();
  }
}
