import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp, createAppContext } from '@lagebild/server';
import { createPostgresStore, createSqliteStore } from '@lagebild/store';
import { queryUrl, type BenchQuery } from '../fixtures/directory-services.ts';
import { stopwatch, type JobOutcome } from '../harness.ts';
import { CHECKED_QUERIES, figures, runLoad, type DirectoryCheck } from './directory-load.ts';

/**
 * Benchmark 5, product path: the real server (Fastify app, routes, search index) listening on a local
 * port, over a store of either engine, answering `requests` searches from `concurrency` clients over
 * HTTP (keep-alive). Untimed: opening the store, the first request (which builds the index) and a
 * warm-up of 200 requests. Afterwards (untimed) the answers to the first queries are written for the
 * SQL baseline to compare.
 */
export interface DirectoryApiParams {
  engine: 'sqlite' | 'postgres';
  target: string;
  queriesPath: string;
  requests: number;
  concurrency: number;
  checkPath: string;
}

interface SearchBody {
  total: number;
  items: { id: string }[];
}

export async function directoryApi(params: DirectoryApiParams): Promise<JobOutcome> {
  const queries = JSON.parse(readFileSync(params.queriesPath, 'utf8')) as BenchQuery[];
  const store =
    params.engine === 'sqlite' ? createSqliteStore(params.target) : createPostgresStore(params.target);
  const app = await buildApp(createAppContext(store, { version: 'bench', uploadLimitBytes: 1024 * 1024 }));
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const ask = async (i: number): Promise<SearchBody> => {
      const response = await fetch(queryUrl(base, queries[i % queries.length]!));
      const body = (await response.json()) as SearchBody;
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
      return body;
    };
    const first = await ask(0);
    await runLoad(200, params.concurrency, async (i) => void (await ask(i)));

    const timer = stopwatch();
    let matches = 0;
    const { latenciesMs, seconds } = await runLoad(params.requests, params.concurrency, async (i) => {
      matches += (await ask(i)).total;
    });
    const cpuSeconds = timer.cpuSeconds();

    const check: DirectoryCheck = { queries: [] };
    for (let i = 0; i < CHECKED_QUERIES; i++) {
      const body = await ask(i);
      check.queries.push({ total: body.total, ids: body.items.map((item) => item.id) });
    }
    writeFileSync(params.checkPath, JSON.stringify(check));
    return {
      seconds: Math.round(seconds * 1000) / 1000,
      cpuSeconds,
      counts: { ...figures(latenciesMs, seconds, params.concurrency), matches, firstTotal: first.total },
    };
  } finally {
    await app.close();
    await store.close();
  }
}
