import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { importFiles } from '@lagebild/importers';
import type { Role } from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';
import { hashPassword } from '../src/auth/password.ts';

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

export function readFixture(name: string): Buffer {
  return readFileSync(fixture(name));
}

export function fixtureMapping(name: string): unknown {
  return parseYaml(readFileSync(fixture(name), 'utf8'));
}

/** A fresh SQLite store in a temp dir with the small Kreis fixture imported, and the app around it. */
export async function appWithFixtures(): Promise<{
  app: FastifyInstance;
  store: Store;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-api-'));
  const store = await openStore(`sqlite:${join(dir, 'test.db')}`);
  await store.migrate();
  await importFiles(
    store,
    [{ name: 'kreise.geojson', bytes: readFixture('kreise.geojson') }],
    fixtureMapping('kreise.mapping.yaml'),
    {
      apply: true,
      acceptExclusions: false,
    },
  );
  await importFiles(
    store,
    [{ name: 'werte.csv', bytes: readFixture('werte.csv') }],
    fixtureMapping('werte.mapping.yaml'),
    {
      apply: true,
      acceptExclusions: false,
    },
  );
  const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 5 * 1024 * 1024 }));
  return {
    app,
    store,
    cleanup: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with text fields and files, for app.inject(). */
export function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer }[]) {
  const boundary = `----lagebild${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The password of every user `signInAs` creates. */
export const TEST_PASSWORD = 'Kreis-Planung-2026!';

/**
 * Creates a user with `role` (login `test-<role>`, unless given) and signs in over HTTP; returns the
 * headers a signed-in browser sends: the session cookie and the CSRF token.
 */
export async function signInAs(
  app: FastifyInstance,
  store: Store,
  role: Role,
  login = `test-${role}`,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  if (!(await store.accounts.findCredentials(login)))
    await store.accounts.createUser({
      login,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [role],
    });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${login} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lagebild_session');
  if (!cookie) throw new Error(`sign-in as ${login} set no session cookie`);
  return {
    cookie: `lagebild_session=${cookie.value}`,
    'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken,
  };
}
