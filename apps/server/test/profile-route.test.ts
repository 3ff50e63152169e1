import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appWithDemoSubset } from './demo-subset.ts';

// The Berlin levels with the MSS indicators, and the Kreise with the population counts the derived
// share of under-3-year-olds needs: the figures below were read from /indicators/{id}/values.
const DEMO_PARTS =
  /catalogue|bund|laender|kreise\.yaml|berlin-(bezirke|bzr|plr|mss-|pflege-punkte)|genesis-12411-(kreise|altersgruppen)/;

let app: FastifyInstance;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await appWithDemoSubset((mapping) => DEMO_PARTS.test(mapping)));
}, 120_000);
afterAll(async () => cleanup?.());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
const get = async (url: string): Promise<{ status: number; body: any }> => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
};

interface Row {
  indicator: { id: string };
  [field: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
const indicatorOf = (body: any, id: string): any =>
  body.topics.flatMap((t: { indicators: Row[] }) => t.indicators).find((i: Row) => i.indicator.id === id);

const STUELERSTRASSE = '/levels/berlin-plr/areas/01011101/profile';

describe('GET /levels/{level}/areas/{key}/profile', () => {
  it('names the Planungsraum, its parent chain and the periods', async () => {
    const { status, body } = await get(`${STUELERSTRASSE}?period=2018-12-31`);
    expect(status).toBe(200);
    expect(body.area).toEqual({ key: '01011101', name: 'Stülerstraße', parentKey: '010111' });
    expect(body.ancestors.map((a: { level: { id: string }; key: string; name: string }) => a)).toEqual([
      expect.objectContaining({
        key: '010111',
        name: 'Tiergarten Süd',
        level: expect.objectContaining({ id: 'berlin-bzr' }),
      }),
      expect.objectContaining({
        key: '01',
        name: 'Mitte',
        level: expect.objectContaining({ id: 'berlin-bezirk' }),
      }),
      expect.objectContaining({
        key: '11000',
        name: 'Berlin',
        level: expect.objectContaining({ id: 'kreis' }),
      }),
      expect.objectContaining({ key: '11', name: 'Berlin', level: expect.objectContaining({ id: 'land' }) }),
      expect.objectContaining({
        key: 'DG',
        name: 'Deutschland',
        level: expect.objectContaining({ id: 'bund' }),
      }),
    ]);
    expect(body.period).toBe('2018-12-31');
    expect(body.periods).toEqual(['2012-12-31', '2014-12-31', '2016-12-31', '2018-12-31', '2023-07-01']);
    expect(body.method.quantiles).toContain('type 7');
    expect(body.topics.map((t: { topic: string }) => t.topic)).toEqual([
      'Gesundheit und Pflege',
      'Monitoring Soziale Stadtentwicklung',
    ]);
    expect(body.dataVersion).toEqual(expect.any(String));
  });

  it('gives S1 with the values of Bezirksregion and Bezirk and the spread over all 447 Planungsräume', async () => {
    const { body } = await get(`${STUELERSTRASSE}?period=2018-12-31`);
    const s1 = indicatorOf(body, 'mss_s1');
    expect(s1).toMatchObject({
      period: '2018-12-31',
      periodIsEarlier: false,
      value: 2.7978,
      status: 'final',
      comparison: { reference: 'parent', method: 'none', outcome: 'not_compared' },
    });
    expect(s1.indicator).toMatchObject({ polarity: 'higher_is_worse', decimals: 2, derived: false });
    expect(
      s1.references
        .slice(0, 3)
        .map((r: { value: number | null; basis: string | null }) => [r.value, r.basis]),
    ).toEqual([
      [3.86531, 'stored'],
      [4.95572, 'stored'],
      [null, null],
    ]);
    // 436 of 447 Planungsräume have a value; quartiles by type 7 over the sorted values.
    expect(s1.distribution).toEqual({
      count: 436,
      min: 0.28736,
      p25: expect.closeTo(2.116655, 9),
      median: expect.closeTo(3.32265, 9),
      p75: expect.closeTo(5.4862675, 9),
      max: 13.17612,
    });
    expect(s1.series.area.map((p: { period: string; value: number }) => [p.period, p.value])).toEqual([
      ['2012-12-31', 6.38298],
      ['2014-12-31', 5.77634],
      ['2016-12-31', 4.98155],
      ['2018-12-31', 2.7978],
    ]);
    expect(s1.series.parent.map((p: { value: number }) => p.value)).toEqual([
      8.24443, 6.8268, 3.86531, 3.86531,
    ]);
  });

  it('equals the values route for every indicator and the area, parent and Bezirk', async () => {
    const { body } = await get(`${STUELERSTRASSE}?period=2016-12-31`);
    const rows = body.topics.flatMap((t: { indicators: Row[] }) => t.indicators);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      if (row.period === null) continue;
      for (const [level, key, actual] of [
        ['berlin-plr', '01011101', row.value],
        ['berlin-bezirk', '01', row.references[1].value],
      ]) {
        const values = await get(
          `/indicators/${row.indicator.id}/values?level=${level}&period=${row.period}`,
        );
        const own = values.body.values.find((v: { areaKey: string }) => v.areaKey === key);
        expect([row.indicator.id, level, actual]).toEqual([row.indicator.id, level, own?.value ?? null]);
      }
      const all = await get(`/indicators/${row.indicator.id}/values?level=berlin-plr&period=${row.period}`);
      const present = all.body.values.filter((v: { value: number | null }) => v.value !== null);
      expect(row.distribution.count).toBe(present.length);
      expect(row.distribution.max).toBe(Math.max(...present.map((v: { value: number }) => v.value)));
    }
  });

  it('shows S2 at its last period before the profile period, the Bezirksregion aggregated from its Planungsräume', async () => {
    const { body } = await get(`${STUELERSTRASSE}?period=2018-12-31`);
    const s2 = indicatorOf(body, 'mss_s2');
    expect(s2).toMatchObject({ period: '2016-12-31', periodIsEarlier: true, value: 1.52214 });
    // Tiergarten Süd has no stored 2016 value, and its Planungsraum 01011102 has none either (x,
    // not meaningful): the aggregate is missing for the same reason, as the compare route has it.
    expect(s2.references[0]).toEqual({
      level: 'berlin-bzr',
      key: '010111',
      value: null,
      status: 'missing',
      missingReason: 'not_meaningful',
      basis: 'aggregated',
    });
    expect(s2.references[1]).toMatchObject({ key: '01', value: 2.21538, basis: 'stored' });
    const compared = await get(
      '/indicators/mss_s2/compare?level=berlin-plr&period=2016-12-31&reference=parent',
    );
    const own = compared.body.areas.find((a: { key: string }) => a.key === '01011101');
    expect(own.reference).toMatchObject({ key: '010111', value: null, basis: 'aggregated' });
  });

  it('defaults to the latest period of any indicator and says when an indicator has none up to the period', async () => {
    const latest = await get(STUELERSTRASSE);
    expect(latest.body).toMatchObject({ period: '2023-07-01', requestedPeriod: null });
    expect(indicatorOf(latest.body, 'mss_s1')).toMatchObject({ period: '2018-12-31', periodIsEarlier: true });
    expect(indicatorOf(latest.body, 'pflegeheime_berlin')).toMatchObject({ period: '2023-07-01', value: 0 });
    const early = await get(`${STUELERSTRASSE}?period=2014-12-31`);
    expect(indicatorOf(early.body, 'pflegeheime_berlin')).toMatchObject({
      period: null,
      value: null,
      status: 'nodata',
      distribution: null,
    });
  });

  it('computes a derived share on a Kreis and compares it with its Land by the Wilson interval', async () => {
    const { status, body } = await get('/levels/kreis/areas/01001/profile?period=2015-12-31');
    expect(status).toBe(200);
    expect(body.ancestors.map((a: { key: string }) => a.key)).toEqual(['01', 'DG']);
    const share = indicatorOf(body, 'anteil_unter3');
    expect(share.indicator).toMatchObject({ derived: true, kind: 'share', polarity: 'neutral' });
    // Flensburg 2,264 of 85,942; Schleswig-Holstein 70,826 of 2,858,714; Germany 2,200,407 of 82,175,684.
    expect(share.value).toBeCloseTo((100 * 2264) / 85_942, 12);
    expect(share).toMatchObject({ numerator: 2264, denominator: 85_942 });
    expect(share.references.map((r: { basis: string }) => r.basis)).toEqual(['derived', 'derived']);
    expect(share.references[0].value).toBeCloseTo((100 * 70_826) / 2_858_714, 12);
    expect(share.references[1].value).toBeCloseTo((100 * 2_200_407) / 82_175_684, 12);
    // The 95 % Wilson interval of 2.634 % lies wholly above the Land's 2.478 %: higher (neutral polarity).
    expect(share.comparison).toMatchObject({ method: 'wilson', limits: 'wilson', outcome: 'higher' });
    expect(share.comparison.lower).toBeGreaterThan(share.references[0].value);
    const values = await get('/indicators/anteil_unter3/values?level=kreis&period=2015-12-31');
    const flensburg = values.body.values.find((v: { areaKey: string }) => v.areaKey === '01001');
    expect(share.value).toBe(flensburg.value);
  });

  it('answers unknown levels and areas with 404 and bad periods with 400, in the one error shape', async () => {
    const level = await get('/levels/nope/areas/01/profile');
    expect(level.status).toBe(404);
    expect(level.body).toEqual({
      code: 'LevelNotFound',
      message: expect.stringContaining('nope'),
      details: null,
    });
    const area = await get('/levels/berlin-plr/areas/99999999/profile');
    expect(area.status).toBe(404);
    expect(area.body).toEqual({
      code: 'AreaNotFound',
      message: 'No area "99999999" on level "berlin-plr".',
      details: { level: 'berlin-plr', key: '99999999' },
    });
    const period = await get(`${STUELERSTRASSE}?period=Dezember`);
    expect(period.status).toBe(400);
    expect(period.body).toMatchObject({
      code: 'ValidationFailed',
      message: expect.stringContaining('Dezember'),
    });
  });

  it('is described in the OpenAPI document', async () => {
    const { body } = await get('/openapi.json');
    expect(body.paths['/api/v1/levels/{level}/areas/{key}/profile'].get.operationId).toBe('getAreaProfile');
  });
});
