import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createAppContext } from '@lagebild/server';
import { openStore, type Store } from '@lagebild/store';
import { hashPassword } from '../../apps/server/src/auth/password.ts';
import { HOSTILE_ACCOUNTS, HOSTILE_IMPORTS, HOSTILE_REPORT } from './hostile-data.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const PASSWORD = 'Kreis-Planung-2026!';

export interface HostileServer {
  baseUrl: string;
  app: FastifyInstance;
  /** What each import reported (file name as stored, batch id). */
  imports: { file: string; batchId: number | null; errors: number }[];
  close(): Promise<void>;
}

/**
 * The built web app on a fresh SQLite store, listening on a free port, filled with the hostile data
 * through the real upload path: signed in as admin over HTTP, POST /imports, then apply.
 */
export async function startHostileServer(): Promise<HostileServer> {
  const build = spawnSync('flock', ['/tmp/lagebild-web.lock', process.execPath, 'scripts/build-web.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`scripts/build-web.mjs failed:\n${build.stdout}\n${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-xss-'));
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  try {
    store = await openStore(`sqlite:${join(dir, 'xss.db')}`);
    await store.migrate();
    await store.accounts.createUser({
      login: 'xss-admin',
      passwordHash: await hashPassword(PASSWORD),
      roles: ['admin'],
    });
    app = await buildApp(createAppContext(store, { version: 'e2e', uploadLimitBytes: 5 * 1024 * 1024 }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const imports = await importAll(baseUrl);
    await enterAccountsAndReport(baseUrl);
    const started = app;
    const opened = store;
    return {
      baseUrl,
      app: started,
      imports,
      async close() {
        await started.close();
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The administrator's session, as a signed-in browser sends it. */
async function signIn(baseUrl: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'xss-admin', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Organisation and user names through the administration, a citizen's report through the portal's
 * route: the texts the administration page, its audit trail and the editorial queue show.
 */
async function enterAccountsAndReport(baseUrl: string): Promise<void> {
  const headers = { ...(await signIn(baseUrl)), 'content-type': 'application/json' };
  const calls: [string, Record<string, string>, unknown][] = [
    ['/admin/organisations', headers, HOSTILE_ACCOUNTS.organisation],
    ['/admin/users', headers, { ...HOSTILE_ACCOUNTS.user, password: `${PASSWORD}x` }],
    ['/directory/reports', { 'content-type': 'application/json' }, HOSTILE_REPORT],
  ];
  for (const [path, callHeaders, body] of calls) {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: callHeaders,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
}

async function importAll(baseUrl: string): Promise<HostileServer['imports']> {
  const headers = await signIn(baseUrl);
  const results: HostileServer['imports'] = [];
  for (const source of HOSTILE_IMPORTS) {
    const form = new FormData();
    form.set('mapping', JSON.stringify(source.mapping));
    form.set('files', new Blob([source.text || JSON.stringify(source.mapping)]), source.name);
    const upload = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
    const report = (await upload.json()) as { importId: string; errors: number; message?: string };
    if (upload.status !== 201) throw new Error(`${source.name}: upload ${upload.status} ${report.message}`);
    const apply = await fetch(`${baseUrl}/api/v1/imports/${report.importId}/apply`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    const applied = (await apply.json()) as {
      file: string;
      batchId: number | null;
      errors: number;
      message?: string;
    };
    if (apply.status !== 200)
      throw new Error(
        `${source.name}: apply ${apply.status} ${applied.message ?? ''} ${JSON.stringify(applied).slice(0, 500)}`,
      );
    results.push({ file: applied.file, batchId: applied.batchId, errors: applied.errors });
  }
  return results;
}
