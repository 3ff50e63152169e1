import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importFiles } from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import { appWithFixtures, fixtureMapping } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

const QUOTE = '100 * arbeitslose / einwohner';

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
  await importFiles(
    store,
    [],
    {
      format: 'catalogue',
      indicators: [
        { id: 'alo_anteil', name: 'Arbeitslose je 100 Einwohner', unit: '%', kind: 'share', formula: QUOTE },
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
type Value = { areaKey: string; period: string; value: number | null; batchId: number | null };

describe('derived indicators through the indicator routes', () => {
  it('serves computed values like stored ones, marked derived, with batchId null', async () => {
    const { status, body } = await get('/indicators/alo_anteil/values?level=kreis&period=2020');
    expect(status).toBe(200);
    expect(body.indicator).toMatchObject({ id: 'alo_anteil', formula: QUOTE, kind: 'share' });
    expect(body.values.map((v: Value) => v.areaKey)).toEqual(['01001', '01002', '01003']);
    expect(body.values[0]).toMatchObject({
      areaKey: '01001',
      areaName: expect.any(String),
      period: '2020',
      status: 'final',
      batchId: null,
      derived: true,
    });
    expect(body.values[0].value).toBeCloseTo((100 * 4012) / 90164, 12);
    // Kiel's unemployment figure is secret: so is the derived share.
    expect(body.values[1]).toMatchObject({ value: null, status: 'missing', missingReason: 'secret' });
  });

  it('defaults to the latest period, lists periods and gives series', async () => {
    expect((await get('/indicators/alo_anteil/values?level=kreis')).body.period).toBe('2021');
    expect((await get('/indicators/alo_anteil/periods?level=kreis')).body.periods).toEqual(['2020', '2021']);
    const series = await get('/indicators/alo_anteil/series?level=kreis&area=01001');
    expect(series.body.values.map((v: Value) => [v.period, v.batchId])).toEqual([
      ['2020', null],
      ['2021', null],
    ]);
    expect(series.body.values[1].value).toBeCloseTo((100 * 3902) / 91113, 12);
    expect((await get('/indicators/alo_anteil/series?level=kreis&area=99999')).status).toBe(404);
  });

  it('lists coverage over the computed values; stored indicators carry formula null', async () => {
    const { body } = await get('/indicators');
    const byId = new Map(body.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('alo_anteil')).toMatchObject({
      formula: QUOTE,
      coverage: [{ levelId: 'kreis', periods: 2, values: 4 }],
    });
    expect(byId.get('einwohner')).toMatchObject({ formula: null });
    expect((await get('/indicators/alo_anteil')).body.versions).toEqual([
      expect.objectContaining({ formula: QUOTE, version: 1 }),
    ]);
  });

  it('recomputes after an import and after its undo', async () => {
    const before = (await get('/indicators/alo_anteil/values?level=kreis&period=2021')).body.values[0].value;
    const csv = Buffer.from('Schlüssel;Jahr;Einwohner;Arbeitslose\n01001;2021;91.113;4.000\n', 'latin1');
    const report = await importFiles(
      store,
      [{ name: 'werte.csv', bytes: csv }],
      fixtureMapping('werte.mapping.yaml'),
      { apply: true, acceptExclusions: false },
    );
    const after = (await get('/indicators/alo_anteil/values?level=kreis&period=2021')).body.values[0].value;
    expect(after).toBeCloseTo((100 * 4000) / 91113, 12);
    expect(after).not.toBe(before);
    await store.undoBatch(report.batchId!);
    expect((await get('/indicators/alo_anteil/values?level=kreis&period=2021')).body.values[0].value).toBe(
      before,
    );
  });
});
