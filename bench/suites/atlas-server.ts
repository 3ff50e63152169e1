import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadDemo } from '@lagebild/cli';
import { buildApp, createAppContext } from '@lagebild/server';
import { openStore } from '@lagebild/store';
import { REPO_ROOT } from '../harness.ts';

export interface AtlasServer {
  baseUrl: string;
  /** Seconds spent building the atlas and loading the demo (untimed setup). */
  setupSeconds: number;
  close(): Promise<void>;
}

/**
 * The product as a planner runs it: the built atlas and the demo data in a SQLite store, served by
 * the Lagebild server on a free local port. Beside it, under /bench/, the baseline page and the
 * MapLibre files it loads, so both variants come from the same server.
 */
export async function startAtlasServer(database: string): Promise<AtlasServer> {
  const started = performance.now();
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-web.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`scripts/build-web.mjs failed:\n${build.stdout}\n${build.stderr}`);
  const store = await openStore(`sqlite:${database}`);
  await store.migrate();
  await loadDemo(store, () => {});
  const app = await buildApp(
    createAppContext(store, { version: 'bench', uploadLimitBytes: 50 * 1024 * 1024 }),
  );
  for (const [path, file] of baselineFiles()) {
    app.get(path, (_request, reply) => reply.type(file.type).send(file.body));
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    setupSeconds: (performance.now() - started) / 1000,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

function baselineFiles(): Map<string, { body: Buffer; type: string }> {
  const require = createRequire(join(REPO_ROOT, 'apps/web/package.json'));
  const dist = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist');
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    [
      '/bench/maplibre-baseline.html',
      {
        body: readFileSync(join(REPO_ROOT, 'bench/pages/maplibre-baseline.html')),
        type: 'text/html; charset=utf-8',
      },
    ],
    [
      '/bench/maplibre-baseline.mjs',
      { body: readFileSync(join(REPO_ROOT, 'bench/pages/maplibre-baseline.mjs')), type: js },
    ],
    ['/bench/maplibre-gl.mjs', { body: readFileSync(join(dist, 'maplibre-gl.mjs')), type: js }],
    ['/bench/maplibre-gl-worker.mjs', { body: readFileSync(join(dist, 'maplibre-gl-worker.mjs')), type: js }],
    [
      '/bench/maplibre-gl.css',
      { body: readFileSync(join(dist, 'maplibre-gl.css')), type: 'text/css; charset=utf-8' },
    ],
  ]);
}
