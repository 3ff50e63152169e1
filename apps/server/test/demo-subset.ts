import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { importFiles, loadMappingFile, loadSourceFiles, type SourceFile } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';

const MANIFEST = fileURLToPath(new URL('../../../demo/demo.yaml', import.meta.url));

interface DemoStep {
  mapping: string;
  vars?: Record<string, string>;
  acceptExclusions?: boolean;
}

/**
 * The steps of the shipped demo whose mapping matches `include`, imported into a temp SQLite store
 * through the product's own import path (the whole demo takes over ten seconds; most tests need a part).
 */
export async function appWithDemoSubset(include: (mapping: string) => boolean): Promise<{
  app: FastifyInstance;
  store: Store;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-demo-subset-'));
  const store = await openStore(`sqlite:${join(dir, 'demo.db')}`);
  try {
    await store.migrate();
    const { steps } = parseYaml(readFileSync(MANIFEST, 'utf8')) as { steps: DemoStep[] };
    for (const step of steps.filter((s) => include(s.mapping))) {
      const path = join(dirname(MANIFEST), step.mapping);
      const { raw, dataPath } = loadMappingFile(path, step.vars);
      const files: SourceFile[] =
        raw.format === 'catalogue'
          ? [{ name: basename(path), bytes: readFileSync(path) }]
          : loadSourceFiles(dataPath!);
      await importFiles(store, files, raw, { apply: true, acceptExclusions: step.acceptExclusions === true });
    }
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 5 * 1024 * 1024 }));
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
