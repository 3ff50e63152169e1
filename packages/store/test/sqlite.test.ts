import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/index.ts';
import { describeStoreContract } from './store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'lagebild-store-'));
let n = 0;

describeStoreContract(
  'SQLite (temp file)',
  async () => createSqliteStore(join(dir, `store-${++n}.db`)),
  async () => rmSync(dir, { recursive: true, force: true }),
);

describeStoreContract('SQLite (:memory:)', async () => createSqliteStore(':memory:'));
