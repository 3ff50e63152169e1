import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { appWithFixtures } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
});
afterAll(async () => cleanup());

const areas = (headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/v1/levels/kreis/areas?simplify=0.001', headers });

describe('area geometry per data version', () => {
  it('answers 304 to the ETag of the current data and new content once the data changes', async () => {
    const first = await areas();
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/geo+json');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const features = first.json().features as { properties: { key: string } }[];
    expect(features.length).toBeGreaterThan(0);

    const again = await areas({ 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // The cached answer is the same document, byte for byte.
    expect((await areas()).body).toBe(first.body);

    // Undoing the two fixture imports (values first, then the areas) changes the data version: the
    // old ETag no longer matches and the cached geometry is not served.
    const batches = (await store.listBatches()).filter((b) => b.status === 'applied');
    for (const batch of batches.sort((a, b) => b.id - a.id)) await store.undoBatch(batch.id);
    const after = await areas({ 'if-none-match': etag });
    expect(after.headers.etag).not.toBe(etag);
    expect(after.statusCode).not.toBe(304);
  });
});
