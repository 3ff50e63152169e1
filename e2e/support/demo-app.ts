import type { FastifyInstance } from 'fastify';
import { loadDemo } from '@lagebild/cli';
import { buildApp, PendingImports } from '@lagebild/server';
import { openStore, type Store } from '@lagebild/store';
import { createAnalysisService, DEMO_INDEX_PRESETS, DEMO_WARNING_RULES } from '@lagebild/analysis';

/** Loads the shipped demo data through the product's own import path and wraps the API around it. */
export async function demoApp(
  database: string,
): Promise<{ app: FastifyInstance; store: Store; log: string[] }> {
  const store = await openStore(database);
  await store.migrate();
  const log: string[] = [];
  await loadDemo(store, (line) => log.push(line));
  const app = await buildApp({
    store,
    pendingImports: new PendingImports(),
    analysis: createAnalysisService({
      store,
      presetDirs: [DEMO_INDEX_PRESETS],
      warningRuleFiles: [DEMO_WARNING_RULES],
    }),
    version: 'e2e',
    uploadLimitBytes: 50 * 1024 * 1024,
  });
  return { app, store, log };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
export async function getJson<T = any>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode} ${response.body}`);
  return response.json() as T;
}
