import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runJob, runRounds, type JobResult, type Variant } from '../harness.ts';
import { LEVEL_ID, writeLongCsvFixture } from '../fixtures/long-csv.ts';
import { copySqlite, removeDuckDb, type SuiteContext, type SuiteResult } from './context.ts';

/** Benchmark 1: a generated long-format CSV through Lagebild (SQLite, PostgreSQL) and DuckDB. */
export async function csvSuite(ctx: SuiteContext): Promise<SuiteResult> {
  const fixture = writeLongCsvFixture(ctx.work, ctx.rows);
  const templateMappings = [fixture.areaMappingPath, fixture.cataloguePath];
  const setup: JobResult[] = [];

  const sqliteTemplate = join(ctx.work, 'csv-template.db');
  setup.push(
    await runJob({
      job: 'setup',
      params: { engine: 'sqlite', target: sqliteTemplate, mappings: templateMappings },
    }),
  );
  const variants: Variant[] = [
    {
      label: 'Lagebild · SQLite',
      product: true,
      start: async (run) => {
        const target = join(ctx.work, `csv-run-${run}.db`);
        const cleanup = copySqlite(sqliteTemplate, target);
        return {
          spec: {
            job: 'csv-lagebild',
            params: { engine: 'sqlite', target, mappingPath: fixture.mappingPath },
          },
          cleanup,
        };
      },
    },
  ];

  if (ctx.postgres) {
    const pg = ctx.postgres;
    const template = await pg.create('csv_tpl');
    setup.push(
      await runJob({
        job: 'setup',
        params: { engine: 'postgres', target: template.url, mappings: templateMappings },
      }),
    );
    variants.push({
      label: 'Lagebild · PostgreSQL',
      product: true,
      start: async (run) => {
        const db = await pg.create(`csv_run${run}`, template.name);
        return {
          spec: {
            job: 'csv-lagebild',
            params: { engine: 'postgres', target: db.url, mappingPath: fixture.mappingPath },
          },
          cleanup: () => pg.drop(db.name),
        };
      },
    });
  }

  for (const variant of ['load', 'upsert'] as const) {
    variants.push({
      label: variant === 'load' ? 'DuckDB · CREATE TABLE AS' : 'DuckDB · upsert, keyed',
      product: false,
      start: async (run) => {
        const dbPath = join(ctx.work, `csv-${variant}-${run}.duckdb`);
        return {
          spec: {
            job: 'csv-duckdb',
            params: { variant, csvPath: fixture.csvPath, keysPath: fixture.keysPath, dbPath },
          },
          cleanup: () => removeDuckDb(dbPath),
        };
      },
    });
  }

  return {
    name: 'csv',
    input: {
      file: `generated long CSV (key;period;indicator;value), ${(statSync(fixture.csvPath).size / 2 ** 20).toFixed(1)} MiB`,
      rows: fixture.rows,
      areas: fixture.areas,
      level: LEVEL_ID,
    },
    setup,
    variants: await runRounds(variants, ctx.runs, ctx),
  };
}
