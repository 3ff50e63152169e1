// Finds a PostgreSQL server for the tests, or starts the local cluster where one is installed but not
// running. Prints the connection URL to use. Exits non-zero with a clear message when none can be had,
// because the PostgreSQL half of the suite must run, not skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const url = process.env.LAGEBILD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const { hostname, port } = new URL(url);

function ready() {
  const r = spawnSync('pg_isready', ['-h', hostname, '-p', port || '5432'], { encoding: 'utf8' });
  if (r.error) return tcpProbe();
  return r.status === 0;
}

function tcpProbe() {
  const r = spawnSync(process.execPath, [
    '-e',
    `require('net').connect(${port || 5432}, '${hostname}').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`,
  ]);
  return r.status === 0;
}

function tryStartCluster() {
  if (!existsSync('/etc/postgresql')) return false;
  for (const version of readdirSync('/etc/postgresql')) {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'inherit',
      });
    } catch {
      // Already running or not startable; readiness is checked below.
    }
  }
  return true;
}

async function main() {
  if (ready()) return console.log(url);
  if (!tryStartCluster()) {
    console.error(
      `No PostgreSQL at ${hostname}:${port || 5432} and none installed. Install it (apt-get install postgresql) or set LAGEBILD_TEST_PG_URL.`,
    );
    process.exit(1);
  }
  for (let i = 0; i < 30; i++) {
    if (ready()) return console.log(url);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`PostgreSQL at ${hostname}:${port || 5432} did not become ready.`);
  process.exit(1);
}

await main();
