import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerStaticPages, staticFiles } from '../../apps/server/src/web/static-pages.ts';

/** The server serves the built atlas from a fixed list, and the start page while there is none. */
describe('static pages: the built atlas or the start page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-dist-'));
  const dist = pathToFileURL(`${dir}/`);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Atlas</title>');
  writeFileSync(join(dir, 'build-inputs.json'), '[]');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'worker-def456.mjs'), 'export {}');
  writeFileSync(join(dir, 'assets', 'notes.txt'), 'not served');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / and hashed assets with a long cache, nothing else', async () => {
    const app = Fastify();
    registerStaticPages(app, dist);
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Atlas</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    const js = await app.inject({ url: '/assets/index-abc123.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/worker-def456.mjs' })).statusCode).toBe(200);
    for (const url of [
      '/assets/notes.txt',
      '/build-inputs.json',
      '/assets/../index.html',
      '/assets/%2e%2e/build-inputs.json',
      '/index.html',
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    expect([...staticFiles(dist).keys()].sort()).toEqual([
      '/',
      '/assets/index-abc123.css',
      '/assets/index-abc123.js',
      '/assets/worker-def456.mjs',
      '/static/landing.css',
      '/static/landing.js',
    ]);
    await app.close();
  });

  it('serves the start page when the atlas is not built', async () => {
    const app = Fastify();
    registerStaticPages(app, pathToFileURL(join(dir, 'missing/')));
    const index = await app.inject({ url: '/' });
    expect(index.body).toContain('Datendrehscheibe');
    expect((await app.inject({ url: '/static/landing.js' })).statusCode).toBe(200);
    await app.close();
  });
});
