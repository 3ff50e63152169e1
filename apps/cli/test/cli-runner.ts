import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/lagebild.js', import.meta.url));

/** The server's small Kreis fixtures, shared by the CLI tests. */
export const fixtures = fileURLToPath(new URL('../../server/test/fixtures/', import.meta.url));

export interface CliSandbox {
  dir: string;
  database: string;
  /** Runs the real `lagebild` binary against the sandbox database, as a user would. */
  run: (...args: string[]) => { code: number | null; stdout: string; stderr: string };
  remove: () => void;
}

/** A temp folder with its own SQLite database for driving the CLI. */
export function cliSandbox(prefix: string): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const database = `sqlite:${join(dir, 'cli.db')}`;
  return {
    dir,
    database,
    run: (...args) => {
      const result = spawnSync(process.execPath, [bin, '--database', database, ...args], {
        encoding: 'utf8',
        cwd: dir,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
