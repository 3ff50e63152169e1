// `npm run bench`: runs the benchmarks (bench/run.ts) with tsx; arguments are passed through,
// e.g. `npm run bench -- --rows 100000 --only csv`. See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
