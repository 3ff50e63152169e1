import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { getJson } from '../support/demo-app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
type Json = any;

const EDITIONS = ['2012-12-31', '2014-12-31', '2016-12-31', '2018-12-31'];

/**
 * The analysis API over the demo data, on any engine: the Berlin MSS presets reproduce the official
 * status classes the demo ships (table 1), aggregation reproduces stored totals, and results follow
 * imports and undos.
 */
export function describeAnalysis(context: () => { app: FastifyInstance; store: Store }): void {
  const get = (url: string): Promise<Json> => getJson(context().app, `/api/v1${url}`);

  it.each(EDITIONS)('MSS status index of %s: 0 mismatches with the official classes', async (period) => {
    const result = await get(`/indices/berlin-mss-status?period=${period}`);
    expect(result.level).toBe('berlin-plr');
    expect(result.preset.version).toBe(period <= '2016-12-31' ? 1 : 2);
    const official = await get(`/indicators/mss_status_klasse/values?level=berlin-plr&period=${period}`);
    const classed = official.values.filter((v: Json) => v.value !== null);
    const computed = new Map(result.areas.map((a: Json) => [a.key, a.class?.code ?? null]));
    const mismatches = classed.filter((v: Json) => computed.get(v.areaKey) !== v.value);
    expect(mismatches).toEqual([]);
    expect(result.summary.n).toBe(classed.length);
  });

  it('names known Planungsräume of MSS 2019 with their class, and the left-out ones with a reason', async () => {
    const result = await get('/indices/berlin-mss-status?period=2018-12-31&level=berlin-plr');
    const area = (key: string) => result.areas.find((a: Json) => a.key === key);
    expect(area('01011101')).toMatchObject({ name: 'Stülerstraße', class: { code: 2, label: 'mittel' } });
    expect(area('01011105').class).toMatchObject({ code: 1, label: 'hoch' });
    expect(area('01033102')).toMatchObject({
      name: 'Gesundbrunnen',
      class: { code: 4, label: 'sehr niedrig' },
    });
    expect(area('01011102').excluded).toMatchObject({ reason: 'population-below-minimum' });
    expect(area('01011105').explanation.drivers).toHaveLength(2);
    expect(result.summary).toMatchObject({ areas: 447, n: 436, excluded: 11 });
  });

  it('crosses Status and Dynamik into the Gesamtindex', async () => {
    const result = await get('/indices/berlin-mss-gesamtindex?period=2018-12-31');
    expect(result.preset.kind).toBe('cross');
    const stueler = result.areas.find((a: Json) => a.key === '01011101');
    expect(stueler.class).toEqual({ code: 23, label: 'Status mittel, Dynamik stabil', symbol: '2+/-' });
    const counted = Object.values(result.summary.classCounts as Record<string, number>).reduce(
      (s, n) => s + n,
      0,
    );
    expect(counted).toBe(436);
  });

  it('aggregates the Gemeinde populations of 2022 to exactly the stored Kreis values', async () => {
    const result = await get('/indicators/bev_insgesamt/aggregate?from=gemeinde&to=kreis&period=2022-12-31');
    expect(result).toMatchObject({ rule: 'sum', basis: 'nesting', estimated: false });
    expect(result.summary).toEqual({
      parents: 400,
      computed: 400,
      missing: 0,
      equalToStored: 400,
      differentFromStored: 0,
    });
    const land = await get('/indicators/bev_insgesamt/aggregate?from=gemeinde&to=land&period=2022-12-31');
    expect(land.path).toEqual(['gemeinde', 'kreis', 'land']);
    expect(land.values.reduce((s: number, v: Json) => s + v.value, 0)).toBe(84358845);
  });

  it('flags population-weighted means of the MSS shares as estimates', async () => {
    const result = await get('/indicators/mss_s1/aggregate?from=berlin-plr&to=berlin-bzr&period=2018-12-31');
    expect(result).toMatchObject({ rule: 'weighted_mean', estimated: true });
  });

  it('compares the Kreise with their Land in quantile groups where there are no counts', async () => {
    const result = await get('/indicators/alq_alle/compare?level=kreis&period=2016&reference=parent');
    expect(result.method).toMatchObject({ interval: 'none', benchmark: 'quantiles' });
    const flensburg = result.areas.find((a: Json) => a.key === '01001');
    expect(flensburg).toMatchObject({ value: 9, reference: { level: 'land', key: '01', value: 6.3 } });
    expect(flensburg.quantile).toBe(1);
  });

  it('tabulates how the Planungsräume moved between the MSS status classes of 2017 and 2019', async () => {
    const result = await get(
      '/indicators/mss_status_klasse/class-transitions?level=berlin-plr&from=2016-12-31&to=2018-12-31',
    );
    expect(result.labels).toEqual(['1', '2', '3', '4']);
    expect(result.summary).toEqual({ same: 394, higher: 25, lower: 17, better: 17, worse: 25 });
  });

  it('warns of the same class drops from the official and the computed classes', async () => {
    const result = await get('/analysis/warnings');
    const rule = (id: string) => result.rules.find((r: Json) => r.id === id);
    expect(rule('mss-statusklasse-abstieg').flagged).toBe(25);
    expect(rule('mss-statusindex-abstieg').flagged).toBe(25);
    for (const r of result.rules) expect(r.skipped, r.id).toBeNull();
    const flaggedBy = (id: string) =>
      result.flagged
        .filter((f: Json) => f.reasons.some((r: Json) => r.ruleId === id))
        .map((f: Json) => f.key);
    expect(flaggedBy('mss-statusindex-abstieg')).toEqual(flaggedBy('mss-statusklasse-abstieg'));
  });

  it('correlates the MSS status indicators and groups the Planungsräume reproducibly', async () => {
    const correlations = await get('/analysis/correlations?indicators=mss_s1,mss_s3,mss_s4&level=berlin-plr');
    expect(correlations.period).toBe('2018-12-31');
    expect(correlations.r[0][1]).toBeGreaterThan(0.9);
    const url =
      '/analysis/typology?indicators=mss_s1,mss_s3,mss_s4&level=berlin-plr&period=2018-12-31&k=4&seed=3';
    const first = await get(url);
    expect(first.clusters).toHaveLength(436);
    const again = await getJson(context().app, `/api/v1${url}`);
    expect(again.clusters).toEqual(first.clusters);
  });

  it('recomputes the index after an import and restores it after the undo', async () => {
    const { store } = context();
    const url = '/indices/berlin-mss-status?period=2018-12-31';
    const before = await get(url);
    const batch = await store.applyBatch({
      file: 'korrektur.csv',
      format: 'csv',
      mapping: { e2e: 'analysis-correction' },
      levels: [],
      areas: [],
      correspondences: [],
      indicators: [],
      observations: [
        {
          indicatorId: 'mss_s1',
          levelId: 'berlin-plr',
          areaKey: '01011105',
          period: '2018-12-31',
          value: 25,
          numerator: null,
          denominator: null,
          status: 'final',
          missingReason: null,
        },
      ],
    });
    const changed = await get(url);
    expect(changed.dataVersion).not.toBe(before.dataVersion);
    const landwehrkanal = (r: Json) => r.areas.find((a: Json) => a.key === '01011105');
    expect(landwehrkanal(changed).raw.S1).toBe(25);
    expect(landwehrkanal(changed).score).toBeGreaterThan(landwehrkanal(before).score);
    await store.undoBatch(batch.id);
    const restored = await get(url);
    expect(restored.dataVersion).not.toBe(changed.dataVersion);
    expect(restored.areas).toEqual(before.areas);
  });
}
