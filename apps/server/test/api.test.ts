import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { API_ROUTES } from '../src/app.ts';
import { PERMISSIONS } from '../src/http/route.ts';
import { appWithFixtures, multipart, readFixture, signInAs } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
});
afterAll(async () => cleanup());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), type: response.headers['content-type'] };
};

describe('levels and areas', () => {
  it('lists the levels with their number of areas', async () => {
    const { status, body } = await get('/api/v1/levels');
    expect(status).toBe(200);
    expect(body.levels).toEqual([expect.objectContaining({ id: 'kreis', name: 'Kreise', areaCount: 3 })]);
  });

  it('returns the areas of a level as GeoJSON with key and name, keys as strings with zeros', async () => {
    const { status, body, type } = await get('/api/v1/levels/kreis/areas');
    expect(status).toBe(200);
    expect(type).toContain('application/geo+json');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { properties: { key: string } }) => f.properties.key)).toEqual([
      '01001',
      '01002',
      '01003',
    ]);
    expect(body.features[2].properties.name).toBe('Lübeck');
    expect(body.features[0].geometry.type).toBe('Polygon');
  });

  it('honours the territorial status date and the geometry switch', async () => {
    expect((await get('/api/v1/levels/kreis/areas?at=2020-06-30')).body.features).toHaveLength(0);
    expect((await get('/api/v1/levels/kreis/areas?at=2021-06-30')).body.features).toHaveLength(3);
    const bare = await get('/api/v1/levels/kreis/areas?geometry=false');
    expect(bare.body.features[0].geometry).toBeNull();
  });

  it('simplifies geometry on request', async () => {
    const full = await get('/api/v1/levels/kreis/areas');
    const simple = await get('/api/v1/levels/kreis/areas?simplify=0.05');
    const kiel = (b: { features: { geometry: { coordinates: number[][][] } }[] }) =>
      b.features[1]!.geometry.coordinates[0]!.length;
    expect(kiel(simple.body)).toBeLessThan(kiel(full.body));
    expect(kiel(simple.body)).toBeGreaterThanOrEqual(4);
  });

  it('answers unknown levels and areas with the one error shape', async () => {
    const level = await get('/api/v1/levels/nope/areas');
    expect(level.status).toBe(404);
    expect(level.body).toEqual({
      code: 'LevelNotFound',
      message: expect.stringContaining('kreis'),
      details: null,
    });
    const area = await get('/api/v1/levels/kreis/areas/99999');
    expect(area.status).toBe(404);
    expect(area.body.code).toBe('AreaNotFound');
    const bad = await get('/api/v1/levels/kreis/areas?at=31.12.2020');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ValidationFailed');
  });
});

describe('indicators and values', () => {
  it('lists the catalogue with metadata and coverage', async () => {
    const { body } = await get('/api/v1/indicators');
    const einwohner = body.indicators.find((i: { id: string }) => i.id === 'einwohner');
    expect(einwohner).toMatchObject({
      name: 'Einwohner',
      unit: 'Personen',
      kind: 'count',
      aggregation: 'sum',
      version: 1,
    });
    expect(einwohner.coverage).toEqual([{ levelId: 'kreis', periods: 2, values: 4 }]);
    expect(
      (await get('/api/v1/indicators?q=arbeit')).body.indicators.map((i: { id: string }) => i.id),
    ).toEqual(['arbeitslose']);
  });

  it('returns the values of one period; Latin-1 names and decimal separators are read correctly', async () => {
    const { body } = await get('/api/v1/indicators/einwohner/values?level=kreis&period=2020');
    expect(body.period).toBe('2020');
    expect(body.values.map((v: { areaKey: string; value: number }) => [v.areaKey, v.value])).toEqual([
      ['01001', 90164],
      ['01002', 246601],
      ['01003', 216277],
    ]);
    expect(body.values[2].areaName).toBe('Lübeck');
  });

  it('keeps a GENESIS symbol as a missing value with its reason, never 0', async () => {
    const { body } = await get('/api/v1/indicators/arbeitslose/values?level=kreis&period=2020');
    const kiel = body.values.find((v: { areaKey: string }) => v.areaKey === '01002');
    expect(kiel).toMatchObject({ value: null, status: 'missing', missingReason: 'secret' });
  });

  it('defaults to the latest period and gives time series per area', async () => {
    expect((await get('/api/v1/indicators/einwohner/values?level=kreis')).body.period).toBe('2021');
    const series = await get('/api/v1/indicators/einwohner/series?level=kreis&area=01001');
    expect(series.body.values.map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([
      ['2020', 90164],
      ['2021', 91113],
    ]);
    expect((await get('/api/v1/indicators/einwohner/periods?level=kreis')).body.periods).toEqual([
      '2020',
      '2021',
    ]);
  });

  it('answers unknown indicators with 404', async () => {
    const { status, body } = await get('/api/v1/indicators/nope/values?level=kreis');
    expect(status).toBe(404);
    expect(body.code).toBe('IndicatorNotFound');
  });
});

describe('the import cycle over HTTP', () => {
  // Imports need a signed-in user with import:write; the session cookie and its CSRF token.
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await signInAs(app, store, 'admin');
  });
  const mapping = `format: csv
level: kreis
area: { column: key, pad: 5 }
layout: long
period: { value: '2022' }
indicator: einwohner
value: { column: value }
`;

  it('uploads for a dry run, applies, and undoes exactly', async () => {
    const before = await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022');
    expect(before.body.values).toEqual([]);
    const upload = multipart({ mapping }, [
      { name: 'neu.csv', bytes: Buffer.from('key,value\n1001,100\n1002,200\n') },
    ]);
    const dry = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...upload,
      headers: { ...upload.headers, ...admin },
    });
    expect(dry.statusCode).toBe(201);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, batchId: null, errors: 0 });
    expect(report.diff.observations).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect((await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022')).body.values).toEqual(
      [],
    );

    const applied = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${report.importId}/apply`,
      payload: {},
      headers: admin,
    });
    expect(applied.statusCode).toBe(200);
    const batchId = applied.json().batchId;
    expect(batchId).toBeGreaterThan(0);
    expect(
      (await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022')).body.values,
    ).toHaveLength(2);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${report.importId}/apply`,
      payload: {},
      headers: admin,
    });
    expect(again.statusCode).toBe(409);

    const undo = await app.inject({ method: 'POST', url: `/api/v1/batches/${batchId}/undo`, headers: admin });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().status).toBe('undone');
    expect((await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022')).body.values).toEqual(
      [],
    );
  });

  it('refuses to apply an import with errors and names file, row, column, expected and found', async () => {
    const upload = multipart({ mapping }, [
      { name: 'kaputt.csv', bytes: Buffer.from('key,value\n1001,100\n9999,5\n1003,viele\n') },
    ]);
    const dry = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        ...upload,
        headers: { ...upload.headers, ...admin },
      })
    ).json();
    expect(dry.errors).toBe(2);
    expect(dry.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UnknownArea', file: 'kaputt.csv', row: 3, found: '09999' }),
        expect.objectContaining({
          code: 'NotANumber',
          file: 'kaputt.csv',
          row: 4,
          column: 'value',
          found: 'viele',
        }),
      ]),
    );
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${dry.importId}/apply`,
      payload: {},
      headers: admin,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('ImportInvalid');
    expect((await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022')).body.values).toEqual(
      [],
    );

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${dry.importId}/apply`,
      payload: { acceptExclusions: true },
      headers: admin,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ excludedRows: 2, dryRun: false });
    const values = (await get('/api/v1/indicators/einwohner/values?level=kreis&period=2022')).body.values;
    expect(values.map((v: { areaKey: string }) => v.areaKey)).toEqual(['01001']);
    await store.undoBatch(accepted.json().batchId);
  });

  it('rejects an upload without a mapping or with an invalid one', async () => {
    const noMapping = multipart({}, [{ name: 'x.csv', bytes: readFixture('werte.csv') }]);
    const r1 = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...noMapping,
      headers: { ...noMapping.headers, ...admin },
    });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().code).toBe('MappingInvalid');
    const badMapping = multipart({ mapping: 'format: csv\nlayout: sideways\n' }, [
      { name: 'x.csv', bytes: readFixture('werte.csv') },
    ]);
    const r2 = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...badMapping,
      headers: { ...badMapping.headers, ...admin },
    });
    expect(r2.statusCode).toBe(422);
    expect(r2.json().code).toBe('MappingInvalid');
  });
});

describe('the OpenAPI document', () => {
  it('is generated from the route specs and lists every route with its permission', async () => {
    const { status, body } = await get('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const operation = body.paths[`/api/v1${route.path}`][route.method.toLowerCase()];
      expect(operation.operationId).toBe(route.operationId);
      expect(operation['x-permission']).toBe(route.permission);
    }
    expect(
      body.paths['/api/v1/indicators/{id}/values'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(['id', 'level', 'period']);
  });

  it('gives every route one of the known permissions, so roles can be put in front of each', () => {
    const rules = [...PERMISSIONS, 'anyone', 'signed-in'];
    for (const route of API_ROUTES) expect(rules).toContain(route.permission);
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
