import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '@lagebild/cli';
import { buildApp, createAppContext } from '@lagebild/server';
import { openStore, type Store } from '@lagebild/store';
import { createTestDatabase } from './pg-database.ts';

/** Loads the shipped demo data through the product's own import path and wraps the API around it. */
export async function demoApp(
  database: string,
): Promise<{ app: FastifyInstance; store: Store; log: string[] }> {
  const store = await openStore(database);
  await store.migrate();
  const log: string[] = [];
  await loadDemo(store, (line) => log.push(line));
  const app = await buildApp(createAppContext(store, { version: 'e2e', uploadLimitBytes: 50 * 1024 * 1024 }));
  return { app, store, log };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
export async function getJson<T = any>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

export interface DemoContext {
  app: FastifyInstance;
  store: Store;
}

/**
 * Registers the same tests over the demo data on both engines: a temp SQLite file and a throw-away
 * PostgreSQL database (each loaded once through the product's import path, then removed).
 */
export function describeOnBothEngines(title: string, tests: (context: () => DemoContext) => void): void {
  describe(`${title} on SQLite`, () => {
    let context: DemoContext | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-'));
    beforeAll(async () => {
      context = await demoApp(`sqlite:${join(dir, 'demo.db')}`);
    }, 300_000);
    afterAll(async () => {
      await context?.app.close();
      await context?.store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    tests(() => context!);
  });
  describe(`${title} on PostgreSQL`, () => {
    let context: DemoContext | undefined;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const db = await createTestDatabase();
      drop = db.drop;
      context = await demoApp(db.url);
    }, 600_000);
    afterAll(async () => {
      await context?.app.close();
      await context?.store.close();
      await drop();
    });
    tests(() => context!);
  });
}
