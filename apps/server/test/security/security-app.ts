import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { importFiles } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { createTestDatabase } from '../../../../e2e/support/pg-database.ts';
import { buildApp } from '../../src/app.ts';
import { createAppContext } from '../../src/app-context-factory.ts';
import { fixtureMapping, readFixture } from '../helpers.ts';

export type Engine = 'sqlite' | 'postgres';

export interface SecurityApp {
  app: FastifyInstance;
  store: Store;
  /** The connection string, for reading the database behind the store's back. */
  database: string;
  close: () => Promise<void>;
}

/** A small directory source (one entry at the Kreis fixture's place), so directory routes read rows. */
export const SERVICES_CSV = 'nr;name;lon;lat;web\nA1;Beratung Nord;9.43;54.78;https://example.org\n';
export const SERVICES_MAPPING = {
  format: 'services',
  source: 'csv',
  directory: { id: 'security-test', name: 'Testquelle' },
  key: 'nr',
  coordinates: { x: 'lon', y: 'lat' },
  service: { name: 'name', category: { value: 'care-counselling' }, website: 'web' },
};

/** The Kreis fixture (areas, two indicators with values) and one directory entry, on a fresh database. */
export async function securityApp(engine: Engine, uploadLimitBytes = 1024 * 1024): Promise<SecurityApp> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-security-'));
  const pgDb = engine === 'postgres' ? await createTestDatabase('lagebild_security') : null;
  const database = pgDb ? pgDb.url : `sqlite:${join(dir, 'security.db')}`;
  const store = await openStore(database);
  await store.migrate();
  const apply = { apply: true, acceptExclusions: false };
  await importFiles(
    store,
    [{ name: 'kreise.geojson', bytes: readFixture('kreise.geojson') }],
    fixtureMapping('kreise.mapping.yaml'),
    apply,
  );
  await importFiles(
    store,
    [{ name: 'werte.csv', bytes: readFixture('werte.csv') }],
    fixtureMapping('werte.mapping.yaml'),
    apply,
  );
  await importFiles(
    store,
    [{ name: 'dienste.csv', bytes: Buffer.from(SERVICES_CSV) }],
    SERVICES_MAPPING,
    apply,
  );
  const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes }));
  return {
    app,
    store,
    database,
    close: async () => {
      await app.close();
      await store.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
