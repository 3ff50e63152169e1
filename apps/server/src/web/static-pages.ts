import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const PUBLIC = new URL('../../public/', import.meta.url);
/** The atlas, built by scripts/build-web.mjs (Vite) into apps/web/dist. */
const ATLAS = new URL('../../../web/dist/', import.meta.url);

const HTML = 'text/html; charset=utf-8';
const NO_CACHE = 'no-cache';
/** Built files carry a content hash in their name, so they never change under the same URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

interface StaticFile {
  body: Buffer;
  type: string;
  cache: string;
}

/**
 * A fixed list of files, read once at start-up: no path from a request ever reaches the file system.
 * With a built atlas, `/` is the atlas and its hashed files are served under `/assets/`; without one
 * (`npm run build:web` not run yet) `/` is the start page from apps/server/public.
 */
export function staticFiles(atlas: URL = ATLAS): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const landing = (file: string, type: string) => ({
    body: readFileSync(new URL(file, PUBLIC)),
    type,
    cache: NO_CACHE,
  });
  files.set('/static/landing.js', landing('landing.js', TYPES['.js']!));
  files.set('/static/landing.css', landing('landing.css', TYPES['.css']!));

  const atlasIndex = new URL('index.html', atlas);
  if (!existsSync(atlasIndex)) {
    files.set('/', landing('index.html', HTML));
    return files;
  }
  files.set('/', { body: readFileSync(atlasIndex), type: HTML, cache: NO_CACHE });
  // The public Wegweiser portal: a second page of the same build, its state in the query string.
  const wegweiser = new URL('wegweiser.html', atlas);
  if (existsSync(wegweiser)) {
    files.set('/wegweiser', { body: readFileSync(wegweiser), type: HTML, cache: NO_CACHE });
  }
  // The Wegweiser's editorial office (provider editors, reviewers): a third page of the build.
  const redaktion = new URL('redaktion.html', atlas);
  if (existsSync(redaktion)) {
    files.set('/redaktion', { body: readFileSync(redaktion), type: HTML, cache: NO_CACHE });
  }
  // The administration (organisations, users, data classes, audit trail): a page of the same build.
  const admin = new URL('admin.html', atlas);
  if (existsSync(admin)) {
    files.set('/verwaltung', { body: readFileSync(admin), type: HTML, cache: NO_CACHE });
  }
  const assets = new URL('assets/', atlas);
  if (existsSync(assets)) {
    for (const entry of readdirSync(assets, { withFileTypes: true })) {
      const type = TYPES[extension(entry.name)];
      if (!entry.isFile() || !type || !/^[\w.-]+$/.test(entry.name)) continue;
      files.set(`/assets/${entry.name}`, {
        body: readFileSync(new URL(entry.name, assets)),
        type,
        cache: IMMUTABLE,
      });
    }
  }
  return files;
}

export function registerStaticPages(app: FastifyInstance, atlas?: URL): void {
  for (const [url, { body, type, cache }] of staticFiles(atlas)) {
    app.get(url, async (_request, reply) => reply.type(type).header('cache-control', cache).send(body));
  }
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}
