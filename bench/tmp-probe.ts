import { openDuckDb } from './jobs/duckdb.ts';
import { genesisDuckDb } from './jobs/genesis-duckdb.ts';
void openDuckDb;
const t = performance.now();
const r = await genesisDuckDb({ csvPath: 'demo/data/genesis/12411-01-01-5_00.csv', keysPath: '/tmp/keys.csv', dbPath: '/tmp/probe.duckdb' });
console.log(r, performance.now() - t);
