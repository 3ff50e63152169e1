import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { appWithFixtures, signInAs } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
});
afterAll(async () => cleanup());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
};

describe('index presets', () => {
  it('lists the configured presets with versions, components and classes', async () => {
    const { status, body } = await get('/indices');
    expect(status).toBe(200);
    const ids = body.presets.map((p: { id: string }) => p.id);
    expect(ids).toEqual([
      'berlin-mss-dynamik',
      'berlin-mss-gesamtindex',
      'berlin-mss-status',
      'sozialformel-pinneberg',
    ]);
  });

  it('answers unknown presets and periods without data in the one error shape', async () => {
    const unknown = await get('/indices/nope?period=2020');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      code: 'ValidationFailed',
      message: expect.stringContaining('berlin-mss-status'),
      details: { preset: 'nope' },
    });
    const noData = await get('/indices/berlin-mss-status?period=2018-12-31');
    expect(noData.status).toBe(400);
    expect(noData.body.message).toContain('mss_s1');
    const missingPeriod = await get('/indices/berlin-mss-status');
    expect(missingPeriod.status).toBe(400);
    expect(missingPeriod.body.code).toBe('ValidationFailed');
  });
});

describe('analyses of one indicator', () => {
  it('compares areas in quantile groups when the indicator has no counts, and says so', async () => {
    const { status, body } = await get('/indicators/arbeitslose/compare?level=kreis&period=2020');
    expect(status).toBe(200);
    expect(body.method).toMatchObject({ interval: 'none', benchmark: 'quantiles', groups: 5 });
    expect(body.reference).toMatchObject({ kind: 'level', value: { basis: 'mean', level: 'kreis' } });
    expect(body.areas.map((a: { key: string; value: number | null }) => [a.key, a.value])).toEqual([
      ['01001', 4012],
      ['01002', null],
      ['01003', 9876],
    ]);
    expect(body.dataVersion).toBe('2:2:0');
  });

  it('refuses bad references with the matching error code', async () => {
    expect((await get('/indicators/arbeitslose/compare?level=kreis&reference=land:01')).body.code).toBe(
      'LevelNotFound',
    );
    const bad = await get('/indicators/arbeitslose/compare?level=kreis&reference=oben');
    expect(bad).toMatchObject({ status: 400, body: { code: 'ValidationFailed' } });
    const noParent = await get('/indicators/arbeitslose/compare?level=kreis&reference=parent');
    expect(noParent.body.message).toContain('no parent level');
    const confidence = await get('/indicators/arbeitslose/compare?level=kreis&confidence=90');
    expect(confidence).toMatchObject({ status: 400, body: { code: 'ValidationFailed' } });
    expect((await get('/indicators/nope/compare?level=kreis')).status).toBe(404);
  });

  it('gives the trend of one area', async () => {
    const { status, body } = await get('/indicators/einwohner/trend?level=kreis&area=01001');
    expect(status).toBe(200);
    expect(body.change).toMatchObject({ ok: true, fromPeriod: '2020', toPeriod: '2021', absolute: 949 });
    expect(body.recentTrend).toBeNull();
    expect((await get('/indicators/einwohner/trend?level=kreis&area=99999')).body.code).toBe('AreaNotFound');
  });

  it('refuses to aggregate a level onto itself', async () => {
    const { status, body } = await get('/indicators/einwohner/aggregate?from=kreis&to=kreis&period=2020');
    expect(status).toBe(400);
    expect(body.code).toBe('ValidationFailed');
  });

  it('cross-tabulates classes between two periods', async () => {
    const { status, body } = await get(
      '/indicators/einwohner/class-transitions?level=kreis&from=2020&to=2021',
    );
    expect(status).toBe(200);
    expect(body.onlyInFrom).toEqual(['01002', '01003']);
  });
});

describe('warnings, correlations, typology', () => {
  it('skips configured rules about data that is not loaded, with the reason', async () => {
    const { status, body } = await get('/analysis/warnings');
    expect(status).toBe(200);
    expect(body.flagged).toEqual([]);
    expect(body.rules.every((r: { skipped: string | null }) => r.skipped !== null)).toBe(true);
  });

  it('evaluates rules posted in the request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/analysis/warnings',
      payload: {
        rules: [
          { id: 'viele', kind: 'threshold', level: 'kreis', indicator: 'arbeitslose', threshold: 5000 },
        ],
        period: '2020',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().flagged).toEqual([
      expect.objectContaining({
        key: '01003',
        name: 'Lübeck',
        reasons: [expect.objectContaining({ value: 9876 })],
      }),
    ]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/analysis/warnings',
      payload: { rules: [{ id: 'x', kind: 'hunch', level: 'kreis' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('rules[0].kind');
  });

  it('correlates and groups indicators across areas', async () => {
    const correlations = await get(
      '/analysis/correlations?indicators=einwohner,arbeitslose&level=kreis&period=2020',
    );
    expect(correlations.status).toBe(200);
    expect(correlations.body.n).toEqual([
      [3, 2],
      [2, 2],
    ]);
    const typology = await get(
      '/analysis/typology?indicators=einwohner,arbeitslose&level=kreis&period=2020&k=2',
    );
    expect(typology.status).toBe(200);
    expect(typology.body.excluded).toEqual(['01002']);
    const tooMany = await get(
      '/analysis/typology?indicators=einwohner,arbeitslose&level=kreis&period=2020&k=3',
    );
    expect(tooMany.body.code).toBe('ValidationFailed');
  });
});

describe('results follow the data', () => {
  it('recomputes after an import and after its undo over HTTP', async () => {
    const url = '/indicators/einwohner/compare?level=kreis&period=2021';
    const before = await get(url);
    expect(before.body.areas).toHaveLength(1);
    const batch = await store.applyBatch({
      file: 'nachtrag.csv',
      format: 'csv',
      mapping: { test: 'nachtrag' },
      levels: [],
      areas: [],
      correspondences: [],
      indicators: [],
      observations: [
        {
          indicatorId: 'einwohner',
          levelId: 'kreis',
          areaKey: '01002',
          period: '2021',
          value: 247_000,
          numerator: null,
          denominator: null,
          status: 'final',
          missingReason: null,
        },
      ],
    });
    const after = await get(url);
    expect(after.body.dataVersion).not.toBe(before.body.dataVersion);
    expect(after.body.areas).toHaveLength(2);
    const undo = await app.inject({
      method: 'POST',
      url: `/api/v1/batches/${batch.id}/undo`,
      headers: await signInAs(app, store, 'planner'),
    });
    expect(undo.statusCode).toBe(200);
    const undone = await get(url);
    expect(undone.body.areas).toEqual(before.body.areas);
    expect(undone.body.dataVersion).not.toBe(after.body.dataVersion);
  });
});

describe('the analysis routes in the OpenAPI document', () => {
  it('are described with their parameters, permission data:read and the error shape', async () => {
    const { body } = await get('/openapi.json');
    const paths = [
      '/api/v1/indices',
      '/api/v1/indices/{preset}',
      '/api/v1/indicators/{id}/compare',
      '/api/v1/indicators/{id}/aggregate',
      '/api/v1/indicators/{id}/trend',
      '/api/v1/indicators/{id}/class-transitions',
      '/api/v1/analysis/warnings',
      '/api/v1/analysis/correlations',
      '/api/v1/analysis/typology',
    ];
    for (const path of paths) {
      const operations = Object.values(body.paths[path] ?? {}) as Record<string, unknown>[];
      expect(operations.length, path).toBeGreaterThan(0);
      for (const op of operations) {
        expect(op['x-permission']).toBe('data:read');
        expect(op.tags).toEqual(['Analysis']);
        expect((op.responses as Record<string, unknown>).default).toBeDefined();
      }
    }
    const compare = body.paths['/api/v1/indicators/{id}/compare'].get;
    expect(compare.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'level',
      'period',
      'reference',
      'confidence',
      'groups',
    ]);
    expect(body.paths['/api/v1/analysis/warnings'].post.requestBody).toBeDefined();
  });
});
