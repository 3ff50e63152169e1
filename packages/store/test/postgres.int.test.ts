import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../src/index.ts';
import { describeStoreContract } from './store.contract.ts';

// PostgreSQL must be there: an unreachable server fails every test (naming the URL), never skips.
const adminUrl = process.env.LAGEBILD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `lagebild_test_${randomBytes(6).toString('hex')}`;
const testUrl = withDatabase(adminUrl, database);
let created: Promise<void> | null = null;
let exists = false;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL unreachable at ${redacted(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A German ICU locale, so a store relying on the database's collation for key order would fail. */
function createDatabase(): Promise<void> {
  created ??= withClient(adminUrl, async (admin) => {
    await admin.query(
      `create database ${database} template template0 encoding 'UTF8' locale_provider icu icu_locale 'de-DE' locale 'C.UTF-8'`,
    );
    exists = true;
  });
  return created;
}

async function freshStore() {
  await createDatabase();
  await withClient(testUrl, async (client) => {
    await client.query('drop schema public cascade; create schema public');
  });
  return createPostgresStore(testUrl);
}

async function dropDatabase(): Promise<void> {
  if (!exists) return;
  await withClient(adminUrl, (admin) => admin.query(`drop database if exists ${database} with (force)`));
}

describeStoreContract('PostgreSQL', freshStore, dropDatabase);
