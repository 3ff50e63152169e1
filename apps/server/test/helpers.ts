import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { importFiles } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';

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
