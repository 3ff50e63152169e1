import { join } from 'node:path';
import { REPO_ROOT, runJob, runRounds, type Variant } from '../harness.ts';
import { copySqlite, removeDuckDb, type SuiteContext, type SuiteResult } from './context.ts';

const DATA_FILE = 'demo/data/genesis/12411-01-01-5_00.csv';
const MAPPING = 'demo/mappings/genesis-12411-gemeinden.yaml';
/** What the store must hold first, as in demo/demo.yaml: catalogue, then Bund → Länder → Kreise → Gemeinden. */
const SETUP_MAPPINGS = [
  'demo/catalogue.yaml',
  ...['bund', 'laender', 'kreise', 'gemeinden'].map((m) => `demo/mappings/${m}.yaml`),
];

/** Benchmark 2: the real GENESIS Gemeinde table through Lagebild (SQLite) and DuckDB. */
export async function genesisSuite(ctx: SuiteContext): Promise<SuiteResult> {
  const template = join(ctx.work, 'genesis-template.db');
  const keysPath = join(ctx.work, 'gemeinde-keys.csv');
  const setupJob = await runJob({
    job: 'setup',
    params: {
      engine: 'sqlite',
      target: template,
      mappings: SETUP_MAPPINGS.map((m) => join(REPO_ROOT, m)),
      keys: { level: 'gemeinde', path: keysPath },
    },
  });
  const variants: Variant[] = [
    {
      label: 'Lagebild · SQLite',
      product: true,
      start: async (run) => {
        const target = join(ctx.work, `genesis-run-${run}.db`);
        const cleanup = copySqlite(template, target);
        return {
          spec: {
            job: 'genesis-lagebild',
            params: { engine: 'sqlite', target, mappingPath: join(REPO_ROOT, MAPPING) },
          },
          cleanup,
        };
      },
    },
    {
      label: 'DuckDB · UNPIVOT, upsert',
      product: false,
      start: async (run) => {
        const dbPath = join(ctx.work, `genesis-${run}.duckdb`);
        return {
          spec: { job: 'genesis-duckdb', params: { csvPath: join(REPO_ROOT, DATA_FILE), keysPath, dbPath } },
          cleanup: () => removeDuckDb(dbPath),
        };
      },
    },
  ];
  return {
    name: 'genesis',
    input: { file: DATA_FILE, mapping: MAPPING, gemeinden: setupJob.counts.keys ?? 0 },
    setup: [setupJob],
    variants: await runRounds(variants, ctx.runs, ctx),
  };
}
