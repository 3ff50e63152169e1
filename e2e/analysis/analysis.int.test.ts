import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { demoApp } from '../support/demo-app.ts';
import { createTestDatabase } from '../support/pg-database.ts';
import { describeAnalysis } from './analysis.shared.ts';

describe('analysis API over the demo data on SQLite', () => {
  let app: FastifyInstance;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-analysis-'));
  beforeAll(async () => {
    ({ app, store } = await demoApp(`sqlite:${join(dir, 'demo.db')}`));
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  describeAnalysis(() => ({ app, store }));
});

describe('analysis API over the demo data on PostgreSQL', () => {
  let app: FastifyInstance;
  let store: Store;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = await createTestDatabase('lagebild_e2e_analysis');
    drop = db.drop;
    ({ app, store } = await demoApp(db.url));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop();
  });
  describeAnalysis(() => ({ app, store }));
});
