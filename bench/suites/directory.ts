import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { runJob, runRounds, type JobResult, type Variant } from '../harness.ts';
import { writeDirectoryFixture, type ServiceRow } from '../fixtures/directory-services.ts';
import type { SuiteContext, SuiteResult } from './context.ts';
import { formatDirectoryTable } from './directory-report.ts';

/** Requests per measured run, and clients firing them at once. */
export const DIRECTORY_REQUESTS = 4_000;
export const DIRECTORY_CONCURRENCY = 8;

/**
 * Benchmark 5: the Wegweiser search (filters + radius, sometimes a word) over 10,000 synthetic
 * services imported through the product's `services` importer, answered by the real server under 8
 * concurrent clients; baseline in the same run: the same queries in PostgreSQL SQL (haversine,
 * ILIKE) under the same concurrency, its answers checked against Lagebild's.
 */
export async function directorySuite(ctx: SuiteContext): Promise<SuiteResult> {
  const fixture = writeDirectoryFixture(ctx.work);
  const load = {
    queriesPath: fixture.queriesPath,
    requests: DIRECTORY_REQUESTS,
    concurrency: DIRECTORY_CONCURRENCY,
  };
  const checkPath = (run: number) => join(ctx.work, `directory-check-${run}.json`);
  const sqlite = join(ctx.work, 'directory.db');
  const setup: JobResult[] = [
    await runJob({
      job: 'setup',
      params: { engine: 'sqlite', target: sqlite, mappings: [fixture.mappingPath] },
    }),
  ];
  const variants: Variant[] = [
    {
      label: 'Lagebild · API, SQLite store',
      product: true,
      start: async (run) => ({
        spec: {
          job: 'directory-api',
          params: { engine: 'sqlite', target: sqlite, checkPath: checkPath(run), ...load },
        },
      }),
    },
  ];
  if (ctx.postgres) {
    const store = await ctx.postgres.create('dir_store');
    setup.push(
      await runJob({
        job: 'setup',
        params: { engine: 'postgres', target: store.url, mappings: [fixture.mappingPath] },
      }),
    );
    const baseline = await ctx.postgres.create('dir_sql');
    await loadBaselineTable(baseline.url, JSON.parse(readFileSync(fixture.rowsPath, 'utf8')) as ServiceRow[]);
    variants.push(
      {
        label: 'Lagebild · API, PostgreSQL store',
        product: true,
        start: async (run) => ({
          spec: {
            job: 'directory-api',
            params: {
              engine: 'postgres',
              target: store.url,
              checkPath: join(ctx.work, `directory-check-pg-${run}.json`),
              ...load,
            },
          },
        }),
      },
      {
        label: 'PostgreSQL · SQL (haversine, ILIKE)',
        product: false,
        start: async (run) => ({
          spec: { job: 'directory-sql', params: { url: baseline.url, checkPath: checkPath(run), ...load } },
        }),
      },
    );
  }
  variants.push({
    label: 'Lagebild · core search, no HTTP',
    product: true,
    start: async () => ({ spec: { job: 'directory-core', params: { target: sqlite, ...load } } }),
  });
  return {
    name: 'directory',
    input: {
      services: fixture.services,
      'distinct queries': fixture.queries,
      requests: DIRECTORY_REQUESTS,
      concurrency: DIRECTORY_CONCURRENCY,
      query: 'point + radius 1–5 km; 75 % category, 30 % life phase, 40 % a word; first 20 + total',
    },
    setup,
    variants: await runRounds(variants, ctx.runs, { ...ctx, bigStack: false }),
    format: formatDirectoryTable,
  };
}

/** The baseline's table: the same services as plain columns, with the indexes a developer would add. */
async function loadBaselineTable(url: string, rows: ServiceRow[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_services (
      id text primary key, name text not null, description text not null, category_id text not null,
      life_phases text[] not null, lon double precision not null, lat double precision not null)`);
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      await client.query(
        `insert into bench_services
         select id, name, description, category_id, string_to_array(phases, ','), lon, lat
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
           as t(id, name, description, category_id, phases, lon, lat)`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.name),
          chunk.map((r) => r.description),
          chunk.map((r) => r.categoryId),
          chunk.map((r) => r.lifePhases.join(',')),
          chunk.map((r) => r.lon),
          chunk.map((r) => r.lat),
        ],
      );
    }
    await client.query('create index bench_services_lat on bench_services (lat)');
    await client.query('create index bench_services_lon on bench_services (lon)');
    await client.query('create index bench_services_category on bench_services (category_id)');
    await client.query('analyze bench_services');
  } finally {
    await client.end();
  }
}
