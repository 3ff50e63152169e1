import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DirectoryIndex, parseCategoryTree, parseSynonyms, searchDirectory } from '@lagebild/core';
import { createSqliteStore } from '@lagebild/store';
import type { BenchQuery } from '../fixtures/directory-services.ts';
import { REPO_ROOT, stopwatch, type JobOutcome } from '../harness.ts';
import { figures, runLoad } from './directory-load.ts';

/**
 * Benchmark 5, the floor under the API: the same searches on the in-memory index in process, without
 * HTTP, routing or JSON. Untimed: reading the entries from the SQLite store and building the index
 * (reported as `indexSeconds`).
 */
export interface DirectoryCoreParams {
  target: string;
  queriesPath: string;
  requests: number;
  concurrency: number;
}

export async function directoryCore(params: DirectoryCoreParams): Promise<JobOutcome> {
  const queries = JSON.parse(readFileSync(params.queriesPath, 'utf8')) as BenchQuery[];
  const yaml = (name: string) => parseYaml(readFileSync(join(REPO_ROOT, 'demo/directory', name), 'utf8'));
  const store = createSqliteStore(params.target);
  const built = performance.now();
  const entries = await store.listDirectoryEntries({ publicOn: new Date().toISOString().slice(0, 10) });
  await store.close();
  const index = new DirectoryIndex(entries, {
    categories: parseCategoryTree(yaml('categories.yaml')),
    synonyms: parseSynonyms(yaml('synonyms.yaml')),
  });
  const indexSeconds = (performance.now() - built) / 1000;
  const ask = async (i: number) => {
    const q = queries[i % queries.length]!;
    return searchDirectory(index, {
      near: { lat: q.lat, lon: q.lon },
      radiusKm: q.radiusKm,
      category: q.category,
      lifePhase: q.lifePhase,
      text: q.text,
      limit: 20,
    });
  };
  await runLoad(200, params.concurrency, async (i) => void (await ask(i)));
  const timer = stopwatch();
  let matches = 0;
  const { latenciesMs, seconds } = await runLoad(params.requests, params.concurrency, async (i) => {
    matches += (await ask(i)).total;
  });
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    cpuSeconds: timer.cpuSeconds(),
    phases: { index: Math.round(indexSeconds * 1000) / 1000 },
    counts: { ...figures(latenciesMs, seconds, params.concurrency), matches, entries: index.size },
  };
}
