import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { describeDemoFigures } from './demo-figures.shared.ts';
import { demoApp } from './support/demo-app.ts';
import { createTestDatabase } from './support/pg-database.ts';

describe('demo data on SQLite reproduces the published figures', () => {
  let app: FastifyInstance;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-demo-'));
  beforeAll(async () => {
    ({ app, store } = await demoApp(`sqlite:${join(dir, 'demo.db')}`));
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  describeDemoFigures(() => app);
});

describe('demo data on PostgreSQL reproduces the published figures', () => {
  let app: FastifyInstance;
  let store: Store;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    ({ app, store } = await demoApp(db.url));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop();
  });
  describeDemoFigures(() => app);
});
