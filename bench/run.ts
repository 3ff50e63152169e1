// `npm run bench [-- --rows 1000000 --runs 3 --only csv,genesis,analysis --skip-postgres --profile]`
// Runs the benchmarks against their baselines (DuckDB; MapLibre alone for the atlas), prints a table
// and writes bench/results/<date>.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, round } from './harness.ts';
import { TempDatabases } from './postgres.ts';
import { formatTable, machine, productSource, summarize } from './report.ts';
import type { SuiteContext, SuiteResult } from './suites/context.ts';
import { accessSuite } from './suites/access.ts';
import { analysisSuite } from './suites/analysis.ts';
import { atlasSuite } from './suites/atlas.ts';
import { csvSuite } from './suites/csv.ts';
import { directorySuite } from './suites/directory.ts';
import { disclosureSuite } from './suites/disclosure.ts';
import { genesisSuite } from './suites/genesis.ts';

const SUITES: Record<string, (ctx: SuiteContext) => Promise<SuiteResult>> = {
  csv: csvSuite,
  genesis: genesisSuite,
  analysis: analysisSuite,
  directory: directorySuite,
  disclosure: disclosureSuite,
  atlas: atlasSuite,
  access: accessSuite,
};
const DEFAULT_ROWS = 1_000_000;
const DEFAULT_RUNS = 3;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: String(DEFAULT_ROWS) },
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
    only: { type: 'string', default: Object.keys(SUITES).join(',') },
    'skip-postgres': { type: 'boolean', default: false },
    'pg-url': {
      type: 'string',
      default: process.env.LAGEBILD_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    profile: { type: 'boolean', default: false },
    'big-stack': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(
    `npm run bench -- [--rows N] [--runs N] [--only ${Object.keys(SUITES).join(',')}] [--skip-postgres] [--pg-url URL] [--profile] [--big-stack]`,
  );
  process.exit(0);
}
const rows = positiveInt('rows', args.rows);
const runs = positiveInt('runs', args.runs);
const only = args.only
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of only)
  if (!SUITES[name]) fail(`--only: unknown benchmark "${name}" (known: ${Object.keys(SUITES).join(', ')})`);

const resultsDir = join(REPO_ROOT, 'bench', 'results');
const date = new Date().toISOString().slice(0, 10);
// Profiles are large and machine-specific: they go to the temp directory, not into the repository.
const profileDir = args.profile ? mkdtempSync(join(tmpdir(), `lagebild-bench-profiles-${date}-`)) : null;
const work = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
const postgres = args['skip-postgres'] ? null : new TempDatabases(args['pg-url']);

// Other processes on the machine make the figures noisy; the load average says whether there were any.
const source = productSource();
const loadAverage = { start: loadavg().map((l) => round(l, 2)), end: [] as number[] };
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: machine(),
  source,
  options: { rows, runs, only, bigStack: args['big-stack'] },
  loadAverage,
  suites: [],
};
if (loadavg()[0]! > 0.5) {
  process.stderr.write(
    `note: load average ${loadavg()[0]!.toFixed(2)} before the start; other processes will skew the figures\n`,
  );
}
// Ctrl-C: the children get the signal too; remove the temporary databases and files before leaving.
process.once('SIGINT', () => {
  process.stderr.write('interrupted: cleaning up…\n');
  void (postgres?.dropAll() ?? Promise.resolve())
    .catch(() => {})
    .finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
});
try {
  for (const name of only) {
    process.stderr.write(`${name}: preparing…\n`);
    const suite = await SUITES[name]!({
      work,
      runs,
      rows,
      postgres,
      profileDir,
      bigStack: args['big-stack'],
    });
    const summaries = Object.entries(suite.variants).map(([label, results]) => summarize(results, label));
    console.log(`\n${suite.format ? suite.format(suite) : formatTable(suite, summaries)}\n`);
    (report.suites as unknown[]).push({ ...suite, summaries });
  }
} finally {
  await postgres?.dropAll();
  rmSync(work, { recursive: true, force: true });
}
loadAverage.end = loadavg().map((l) => round(l, 2));

// Only a full default run is `<date>.json`; quick looks and partial runs never overwrite it.
const partial = [
  only.length < Object.keys(SUITES).length ? only.join('+') : '',
  rows !== DEFAULT_ROWS ? `rows${rows}` : '',
  runs !== DEFAULT_RUNS ? `runs${runs}` : '',
  args['skip-postgres'] ? 'nopg' : '',
  args.profile ? 'profile' : '',
  args['big-stack'] ? 'bigstack' : '',
].filter(Boolean);
const file = join(resultsDir, `${[date, ...partial].join('-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
const changes =
  source.uncommitted.length > 0 ? ` + uncommitted changes in ${source.uncommitted.join(', ')}` : '';
const m = machine();
console.log(
  `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, @duckdb/node-api ${m.duckdbNodeApi}`,
);
console.log(`product: commit ${source.commit}${changes}`);
if (JSON.stringify(productSource()) !== JSON.stringify(source)) {
  console.log(
    'warning: the product code changed while the benchmark ran; the runs may have measured different code',
  );
}
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
