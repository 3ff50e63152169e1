import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@lagebild/store';
import { verifyPassword } from '@lagebild/server/auth/password';
import { cliSandbox } from './cli-runner.ts';

const sandbox = cliSandbox('lagebild-cli-user-');
afterAll(() => sandbox.remove());

const bin = fileURLToPath(new URL('../bin/lagebild.js', import.meta.url));

/** Runs `lagebild` with `input` on stdin. */
function lagebild(input: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--database', sandbox.database, ...args], {
    encoding: 'utf8',
    cwd: sandbox.dir,
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lagebild user and organisation', () => {
  it('creates the first administrator with an Argon2id hash, refusing weak passwords', async () => {
    const weak = lagebild(
      'kurz\n',
      'user',
      'create',
      '--login',
      'admin',
      '--role',
      'admin',
      '--password-stdin',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const same = lagebild(
      'administrator-01\n',
      'user',
      'create',
      '--login',
      'administrator-01',
      '--role',
      'admin',
    );
    expect(same.stderr).toContain('must not be the login');

    expect(lagebild('', 'organisation', 'create', 'kreis', 'Landkreis Muster', '--kind', 'kreis').code).toBe(
      0,
    );
    const created = lagebild(
      'Ein-langes-Kennwort-42\n',
      'user',
      'create',
      '--login',
      'Admin',
      '--role',
      'admin',
      '--organisation',
      'kreis',
      '--password-stdin',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('User Admin created (admin).\n');
    const twin = lagebild(
      'Ein-langes-Kennwort-42\n',
      'user',
      'create',
      '--login',
      'admin',
      '--role',
      'reader',
    );
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain('exists already');

    const list = lagebild('', 'user', 'list');
    expect(list.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^Admin\s+admin\s+kreis$/)]);
    const store = await openStore(sandbox.database);
    try {
      const user = await store.accounts.findCredentials('admin');
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user!.passwordHash, 'Ein-langes-Kennwort-42')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('names unknown roles and kinds', () => {
    const role = lagebild('Ein-langes-Kennwort-42\n', 'user', 'create', '--login', 'x', '--role', 'boss');
    expect(role.stderr).toContain('Unknown role boss');
    const kind = lagebild('', 'organisation', 'create', 'x', 'X', '--kind', 'verein');
    expect(kind.stderr).toContain('Unknown kind "verein"');
  });
});
