import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeOnBothEngines, getJson } from './support/demo-app.ts';

type Value = {
  areaKey: string;
  value: number | null;
  status: string;
  batchId: number | null;
  derived?: boolean;
};
type Values = { indicator: { formula: string | null }; period: string | null; values: Value[] };

/** The demo's derived indicators (demo/catalogue.yaml), checked against their stored inputs. */
function describeDerived(app: () => FastifyInstance): void {
  const values = (id: string, level: string, period: string) =>
    getJson<Values>(app(), `/api/v1/indicators/${id}/values?level=${level}&period=${period}`);
  const byKey = (body: Values) => new Map(body.values.map((v) => [v.areaKey, v]));

  it('einwohner_je_km2 of every Kreis and Gemeinde equals EWZ / KFL of VG250-EW 2022', async () => {
    for (const [level, count] of [
      ['kreis', 400],
      ['gemeinde', 10990],
    ] as const) {
      const [density, ewz, kfl] = await Promise.all([
        values('einwohner_je_km2', level, '2022-12-31'),
        values('bev_insgesamt', level, '2022-12-31'),
        values('flaeche_km2', level, '2022-12-31'),
      ]);
      expect(density.indicator.formula).toBe('bev_insgesamt / flaeche_km2');
      expect(density.values).toHaveLength(count);
      const [e, f] = [byKey(ewz), byKey(kfl)];
      for (const v of density.values) {
        expect(v).toMatchObject({ batchId: null, derived: true });
        expect(v.value).toBeCloseTo(e.get(v.areaKey)!.value! / f.get(v.areaKey)!.value!, 9);
      }
    }
    const muenchen = byKey(await values('einwohner_je_km2', 'kreis', '2022-12-31')).get('09162')!;
    expect(muenchen.value).toBeGreaterThan(4500);
    expect(muenchen.value).toBeLessThan(5200);
    const periods = await getJson(app(), '/api/v1/indicators/einwohner_je_km2/periods?level=kreis');
    expect(periods.periods).toEqual(['2022-12-31']);
  });

  it('anteil_unter3 is 100 · unter 3 / insgesamt for the Kreise on 31.12.2015', async () => {
    const [share, u3, pop] = await Promise.all([
      values('anteil_unter3', 'kreis', '2015-12-31'),
      values('bev_unter3', 'kreis', '2015-12-31'),
      values('bev_insgesamt', 'kreis', '2015-12-31'),
    ]);
    expect(share.values.length).toBeGreaterThan(390);
    const [a, b] = [byKey(u3), byKey(pop)];
    const computed = share.values.filter((v) => v.value !== null);
    expect(computed.length).toBeGreaterThan(390);
    for (const v of computed)
      expect(v.value).toBeCloseTo((100 * a.get(v.areaKey)!.value!) / b.get(v.areaKey)!.value!, 9);
    for (const v of computed) expect(v.value).toBeGreaterThan(1);
    for (const v of computed) expect(v.value).toBeLessThan(5);
  });

  it('pflegeplaetze_je_1000 covers the Pflegestatistik dates that match the population dates', async () => {
    const periods = await getJson(app(), '/api/v1/indicators/pflegeplaetze_je_1000/periods?level=kreis');
    expect(periods.periods).toEqual(
      ['2003', '2005', '2007', '2009', '2011', '2013', '2015'].map((y) => `${y}-12-31`),
    );
    const bund = await values('pflegeplaetze_je_1000', 'bund', '2015-12-31');
    // 928,939 places (22411) for 82,175,684 residents (12411) on 31.12.2015.
    expect(bund.values[0]!.value).toBeCloseTo(11.3, 1);
    const list = await getJson(app(), '/api/v1/indicators?topic=Bevölkerung');
    const density = list.indicators.find((i: { id: string }) => i.id === 'einwohner_je_km2');
    expect(density.coverage).toEqual([
      { levelId: 'gemeinde', periods: 1, values: 10990 },
      { levelId: 'kreis', periods: 1, values: 400 },
    ]);
  });

  it('takes part in every analysis like a stored indicator: compare, aggregate, trend, correlations', async () => {
    const [u3, pop] = await Promise.all([
      values('bev_unter3', 'kreis', '2015-12-31'),
      values('bev_insgesamt', 'kreis', '2015-12-31'),
    ]);
    const popByKey = byKey(pop);
    const pairs = u3.values.filter((v) => v.value !== null && popByKey.get(v.areaKey)?.value != null);
    const pooled =
      (100 * pairs.reduce((s, v) => s + v.value!, 0)) /
      pairs.reduce((s, v) => s + popByKey.get(v.areaKey)!.value!, 0);

    const compared = await getJson(app(), '/api/v1/indicators/anteil_unter3/compare?level=kreis');
    expect(compared.period).toBe('2015-12-31');
    expect(compared.method.interval).toBe('wilson');
    expect(compared.reference.value.value).toBeCloseTo(pooled, 9);
    expect(compared.areas.length).toBeGreaterThan(390);

    // Kreis → Land re-derives the share from the summed counts and matches the Land's own value.
    const aggregated = await getJson(app(), '/api/v1/indicators/anteil_unter3/aggregate?from=kreis&to=land');
    expect(aggregated.rule).toBe('ratio');
    const sh = aggregated.values.find((v: { key: string }) => v.key === '01');
    expect(sh.value).toBeCloseTo((100 * sh.numerator) / sh.denominator, 12);
    expect(sh.value).toBeCloseTo(sh.stored, 9);

    const trend = await getJson(
      app(),
      '/api/v1/indicators/pflegeplaetze_je_1000/trend?level=kreis&area=01001',
    );
    expect(trend.series.map((p: { period: string }) => p.period.slice(0, 4))).toEqual([
      '2003',
      '2005',
      '2007',
      '2009',
      '2011',
      '2013',
      '2015',
    ]);

    const correlations = await getJson(
      app(),
      '/api/v1/analysis/correlations?indicators=anteil_unter3,pflegeplaetze_je_1000&level=kreis&period=2015-12-31',
    );
    expect(correlations.n[0][1]).toBeGreaterThan(390);
    expect(correlations.r[0][1]).toBeGreaterThan(-1);
    expect(correlations.r[0][1]).toBeLessThan(1);
  });
}

describeOnBothEngines('derived indicators over the demo data', (context) =>
  describeDerived(() => context().app),
);
