// `npm run bench [-- --rows 1000000 --runs 3 --only csv,genesis --skip-postgres --profile --plain-stack]`
// Runs the data hub import benchmarks against DuckDB, prints a table and writes bench/results/<date>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './harness.ts';
import { TempDatabases } from './postgres.ts';
import { formatTable, machine, summarize } from './report.ts';
import type { SuiteContext, SuiteResult } from './suites/context.ts';
import { csvSuite } from './suites/csv.ts';
import { genesisSuite } from './suites/genesis.ts';

const SUITES: Record<string, (ctx: SuiteContext) => Promise<SuiteResult>> = { csv: csvSuite, genesis: genesisSuite };
const DEFAULT_ROWS = 1_000_000;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: String(DEFAULT_ROWS) },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: Object.keys(SUITES).join(',') },
    'skip-postgres': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.LAGEBILD_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    profile: { type: 'boolean', default: false },
    'plain-stack': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log('npm run bench -- [--rows N] [--runs N] [--only csv,genesis] [--skip-postgres] [--pg-url URL] [--profile] [--plain-stack]');
  process.exit(0);
}
const rows = positiveInt('rows', args.rows);
const runs = positiveInt('runs', args.runs);
const only = args.only.split(',').map((s) => s.trim()).filter(Boolean);
for (const name of only) if (!SUITES[name]) fail(`--only: unknown benchmark "${name}" (known: ${Object.keys(SUITES).join(', ')})`);

const resultsDir = join(REPO_ROOT, 'bench', 'results');
const date = new Date().toISOString().slice(0, 10);
const profileDir = args.profile ? join(resultsDir, `profiles-${date}`) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
const postgres = args['skip-postgres'] ? null : new TempDatabases(args['pg-url']);

const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), options: { rows, runs, only, bigStack: !args['plain-stack'] }, suites: [] };
try {
  for (const name of only) {
    process.stderr.write(`${name}: preparing…\n`);
    const suite = await SUITES[name]!({ work, runs, rows, postgres, profileDir, bigStack: !args['plain-stack'] });
    const summaries = Object.entries(suite.variants).map(([label, results]) => summarize(results, label));
    console.log(`\n${formatTable(suite, summaries)}\n`);
    (report.suites as unknown[]).push({ ...suite, summaries });
  }
} finally {
  await postgres?.dropAll();
  rmSync(work, { recursive: true, force: true });
}

const file = join(resultsDir, rows === DEFAULT_ROWS ? `${date}.json` : `${date}-rows${rows}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`machine: ${Object.values(machine()).join(', ')}`);
console.log(`results: ${file}${profileDir ? `\nCPU profiles: ${profileDir}` : ''}`);

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name}: expected a positive whole number, got "${text}"`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
