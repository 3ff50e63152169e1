import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importFiles } from '@lagebild/importers';
import { appWithFixtures } from './helpers.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const fixture = await appWithFixtures();
  ({ app, cleanup } = fixture);
  await importFiles(
    fixture.store,
    [],
    {
      format: 'catalogue',
      indicators: [
        {
          id: 'alo_anteil',
          name: 'Arbeitslose je 100 Einwohner',
          unit: '%',
          kind: 'share',
          numeratorId: 'arbeitslose',
          denominatorId: 'einwohner',
          polarity: 'higher_is_worse',
          formula: '100 * arbeitslose / einwohner',
        },
      ],
    },
    { apply: true, acceptExclusions: false },
  );
});
afterAll(async () => cleanup());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
};

describe('GET /api/v1/compare', () => {
  it('compares areas across stored and derived indicators with the same figures as /values', async () => {
    const { status, body } = await get(
      '/compare?level=kreis&areas=01003,01001&indicators=einwohner,alo_anteil&period=2020',
    );
    expect(status).toBe(200);
    expect(body.level).toBe('kreis');
    expect(body.period).toBe('2020');
    expect(body.dataVersion).toEqual(expect.any(String));
    expect(body.areas.map((a: { key: string }) => a.key)).toEqual(['01003', '01001']);
    expect(body.areas[0]).toMatchObject({ parentKey: null, parentName: null, name: expect.any(String) });
    for (const compared of body.indicators) {
      const values = (await get(`/indicators/${compared.indicator.id}/values?level=kreis&period=2020`)).body;
      const byKey = new Map(values.values.map((v: { areaKey: string }) => [v.areaKey, v]));
      for (const v of compared.values) {
        expect(v.value).toBe((byKey.get(v.areaKey) as { value: number | null }).value);
      }
    }
    const [einwohner, anteil] = body.indicators;
    expect(einwohner.indicator).toMatchObject({ id: 'einwohner', unit: 'Personen', formula: null });
    expect(einwohner.values.map((v: { value: number }) => v.value)).toEqual([216_277, 90_164]);
    // A level without a parent level has only the level's own reference.
    expect(einwohner.references.map((r: { role: string }) => r.role)).toEqual(['level']);
    expect(anteil.indicator.formula).toBe('100 * arbeitslose / einwohner');
    expect(anteil.method.interval).toBe('wilson');
    expect(anteil.values[1].value).toBeCloseTo((100 * 4012) / 90_164, 12);
    // Kiel's figure is secret, so the level reference pools the two Kreise with counts.
    expect(anteil.references[0].value).toBeCloseTo((100 * (4012 + 9876)) / (90_164 + 216_277), 12);
    expect(anteil.series[1].values.map((v: { period: string }) => v.period)).toEqual(['2020', '2021']);
  });

  it('shows each indicator at its latest period without one, and missing values with their reason', async () => {
    const { body } = await get('/compare?level=kreis&areas=01002&indicators=arbeitslose');
    expect(body.period).toBeNull();
    expect(body.indicators[0].period).toBe('2021');
    const secret = (await get('/compare?level=kreis&areas=01002&indicators=arbeitslose&period=2020')).body;
    expect(secret.indicators[0].values[0]).toMatchObject({
      value: null,
      status: 'missing',
      missingReason: 'secret',
      outcome: 'not_compared',
    });
  });

  it('answers bad requests with the one error shape', async () => {
    const cases: [string, number, string][] = [
      ['/compare?level=kreis&areas=01001&indicators=nope', 404, 'IndicatorNotFound'],
      ['/compare?level=nope&areas=01001&indicators=einwohner', 404, 'LevelNotFound'],
      ['/compare?level=kreis&areas=01001,99999&indicators=einwohner', 404, 'AreaNotFound'],
      ['/compare?level=kreis&indicators=einwohner', 400, 'ValidationFailed'],
      ['/compare?level=kreis&areas=,&indicators=einwohner', 400, 'ValidationFailed'],
      [
        `/compare?level=kreis&areas=${'1,2,3,4,5,6,7,8,9,10,11,12,13'}&indicators=einwohner`,
        400,
        'ValidationFailed',
      ],
      ['/compare?level=kreis&areas=01001&indicators=einwohner&period=letztes', 400, 'ValidationFailed'],
    ];
    for (const [url, status, code] of cases) {
      const response = await get(url);
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status, code });
      expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const { body } = await get('/openapi.json');
    const operation = body.paths['/api/v1/compare'].get;
    expect(operation.operationId).toBe('compareSelectedAreas');
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual([
      'level',
      'areas',
      'indicators',
      'period',
      'confidence',
    ]);
  });
});
