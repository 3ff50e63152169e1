import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const PUBLIC = new URL('../../public/', import.meta.url);

/** A fixed list of files, read once: no path from a request ever reaches the file system. */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/static/landing.js': { file: 'landing.js', type: 'text/javascript; charset=utf-8' },
  '/static/landing.css': { file: 'landing.css', type: 'text/css; charset=utf-8' },
};

export function registerStaticPages(app: FastifyInstance): void {
  for (const [url, { file, type }] of Object.entries(FILES)) {
    const body = readFileSync(new URL(file, PUBLIC));
    app.get(url, async (_request, reply) => reply.type(type).header('cache-control', 'no-cache').send(body));
  }
}
