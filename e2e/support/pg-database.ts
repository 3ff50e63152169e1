import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away PostgreSQL database on the test server (LAGEBILD_TEST_PG_URL). An unreachable server is
 * an error naming the URL: the PostgreSQL half of the suite must run, not skip.
 */
export async function createTestDatabase(
  prefix = 'lagebild_e2e',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.LAGEBILD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (client) =>
    client.query(`create database ${name} encoding 'UTF8' template template0`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const safe = new URL(url);
    if (safe.password) safe.password = '***';
    throw new Error(`PostgreSQL unreachable at ${safe.toString()}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
