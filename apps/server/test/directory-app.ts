import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { importFiles, loadMappingFile, loadSourceFiles } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

/** The demo's Wegweiser sources (Berlin Kitas, youth centres, care homes) and the Bezirke. */
export const WEGWEISER_MAPPINGS = [
  'mappings/berlin-bezirke.yaml',
  'mappings/berlin-kitas-wegweiser.yaml',
  'mappings/berlin-jugendfreizeit-wegweiser.yaml',
  'mappings/berlin-pflege-wegweiser.yaml',
];

export async function importDemoMapping(store: Store, mapping: string): Promise<number> {
  const { raw, dataPath } = loadMappingFile(join(DEMO, mapping));
  const report = await importFiles(store, loadSourceFiles(dataPath!), raw, {
    apply: true,
    acceptExclusions: false,
  });
  return report.batchId!;
}

/** A fresh SQLite store with the Wegweiser demo sources, and the app around it (no port opened). */
export async function directoryApp(): Promise<{
  app: FastifyInstance;
  store: Store;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-directory-'));
  const store = await openStore(`sqlite:${join(dir, 'wegweiser.db')}`);
  await store.migrate();
  for (const mapping of WEGWEISER_MAPPINGS) await importDemoMapping(store, mapping);
  const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
  return {
    app,
    store,
    cleanup: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
