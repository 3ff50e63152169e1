// `npm test`: makes sure PostgreSQL is there, runs every vitest project, and ends with the plain line
// `N passed, N failed, N skipped` computed from vitest's JSON report (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const pg = spawnSync(process.execPath, ['scripts/ensure-postgres.mjs'], { encoding: 'utf8' });
if (pg.status !== 0) {
  process.stderr.write(pg.stderr);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const env = { ...process.env, LAGEBILD_TEST_PG_URL: pg.stdout.trim(), TZ: 'UTC' };

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  `--reporter=json`,
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no tests but is a failure all the same.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
