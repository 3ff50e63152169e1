import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, signInAs } from '../helpers.ts';
import { fingerprint } from './db-fingerprint.ts';
import { securityApp, type Engine, type SecurityApp } from './security-app.ts';

// A NUL character in an uploaded file's text: PostgreSQL cannot store it (SQLite can), so it used to
// end as a 500 on one engine only. Both engines now refuse it in the report, naming the place.
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { KEY: '09001', NAME: 'Nord\u0000kreis' },
      geometry: { type: 'Point', coordinates: [9, 54] },
    },
  ],
});
const MAPPING = JSON.stringify({
  format: 'geojson',
  level: { id: 'nul', name: 'NUL', kind: 'planning' },
  key: { property: 'KEY' },
  name: { property: 'NAME' },
});

for (const engine of ['sqlite', 'postgres'] as Engine[]) {
  describe(`NUL characters in an upload on ${engine}`, () => {
    let ctx: SecurityApp;
    let headers: Record<string, string>;
    beforeAll(async () => {
      ctx = await securityApp(engine);
      headers = await signInAs(ctx.app, ctx.store, 'admin');
    }, 120_000);
    afterAll(async () => ctx?.close());

    it('reports them in the dry run and refuses to apply, changing nothing', async () => {
      const before = await fingerprint(ctx.database);
      const body = multipart({ mapping: MAPPING }, [{ name: 'nul.geojson', bytes: Buffer.from(GEOJSON) }]);
      const upload = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      expect(upload.statusCode).toBe(201);
      const report = upload.json();
      expect(report.issues).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          message: expect.stringMatching(/NUL character.*first at import\.areas\.0\.name/),
        }),
      );
      const apply = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${report.importId}/apply`,
        headers,
        payload: {},
      });
      expect(apply.statusCode).toBe(422);
      expect(apply.json().code).toBe('ImportInvalid');
      expect(await fingerprint(ctx.database)).toEqual(before);
    });
  });
}
