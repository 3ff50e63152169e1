import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@lagebild/store';
import { cliSandbox } from './cli-runner.ts';

const sandbox = cliSandbox('lagebild-cli-audit-');
afterAll(() => sandbox.remove());

const bin = fileURLToPath(new URL('../bin/lagebild.js', import.meta.url));
const withStdin = (input: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, '--database', sandbox.database, ...args], { encoding: 'utf8', input });

describe('lagebild audit', () => {
  it('records accounts created on the command line and finds them', async () => {
    expect(sandbox.run('organisation', 'create', 'kreis', 'Landkreis Muster', '--kind', 'kreis').code).toBe(
      0,
    );
    const created = withStdin(
      'Ein-langes-Kennwort-42\n',
      'user',
      'create',
      '--login',
      'Admin',
      '--role',
      'admin',
    );
    expect(created.status).toBe(0);

    const all = sandbox.run('audit');
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/\(command line\)\s+cli\s+user\.create\s+User Admin created \(admin\)/);
    expect(lines[1]).toMatch(/organisation\.create\s+Organisation kreis \(Landkreis Muster\) created/);
    expect(lines[2]).toBe('2 of 2 event(s).');

    expect(sandbox.run('audit', '--text', 'LANDKREIS').stdout).toContain('1 of 1 event(s).');
    expect(sandbox.run('audit', '--limit', '1').stdout).toContain('1 of 2 event(s).');
    expect(sandbox.run('audit', '--since', '2999-01-01').stdout).toBe('0 of 0 event(s).\n');
    // Nothing was done by the user Admin yet: the CLI acts without a signed-in user.
    expect(sandbox.run('audit', '--user', 'admin').stdout).toBe('0 of 0 event(s).\n');

    const store = await openStore(sandbox.database);
    try {
      const { events } = await store.audit.search({ action: 'user.create', limit: 1 });
      expect(events[0]).toMatchObject({ via: 'cli', actorUserId: null, after: { login: 'Admin' } });
      expect(JSON.stringify(events[0])).not.toContain('argon2');
    } finally {
      await store.close();
    }
  });

  it('names bad options', () => {
    expect(sandbox.run('audit', '--limit', 'viele').stderr).toContain('--limit expects a whole number');
    expect(sandbox.run('audit', '--since', 'gestern').stderr).toContain('--since expects an ISO date');
  });
});
