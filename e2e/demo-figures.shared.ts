import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getJson } from './support/demo-app.ts';

type Values = {
  values: { areaKey: string; value: number | null; status: string; missingReason: string | null }[];
};

const sum = (body: Values, keep: (key: string) => boolean = () => true) =>
  body.values.filter((v) => keep(v.areaKey) && v.value !== null).reduce((s, v) => s + v.value!, 0);

/**
 * The published figures the demo data must reproduce through import → store → API, on any engine.
 * Each expected number is an official total quoted in shared/data/README.md.
 */
export function describeDemoFigures(app: () => FastifyInstance): void {
  it('lists the levels and their areas: Länder, the Kreise and Gemeinden of VG5000 2021, Berlin LOR', async () => {
    const at2021 = await getJson<{ levels: { id: string; areaCount: number }[] }>(
      app(),
      '/api/v1/levels?at=2021-01-01',
    );
    const count = (id: string) => at2021.levels.find((l) => l.id === id)?.areaCount;
    expect(count('bund')).toBe(1);
    expect(count('land')).toBe(16);
    expect(count('kreis')).toBe(401);
    expect(count('gemeinde')).toBe(10997);
    expect(count('berlin-bezirk')).toBe(12);
    expect(count('berlin-bzr')).toBe(138);
    expect(count('berlin-plr')).toBe(447);
  });

  it('knows the territorial changes of 2021/2022: 400 Kreise and 10,990 Gemeinden at the end of 2022', async () => {
    const at2022 = await getJson<{ levels: { id: string; areaCount: number }[] }>(
      app(),
      '/api/v1/levels?at=2022-12-31',
    );
    expect(at2022.levels.find((l) => l.id === 'kreis')?.areaCount).toBe(400);
    expect(at2022.levels.find((l) => l.id === 'gemeinde')?.areaCount).toBe(10990);
    const eisenach = await getJson(app(), '/api/v1/levels/gemeinde/areas/16063105');
    expect(eisenach.properties).toMatchObject({
      name: 'Eisenach',
      parentKey: '16063',
      validFrom: '2021-07-01',
    });
    expect(eisenach.properties.predecessors).toEqual(['16056000']);
    expect(eisenach.geometry.type).toBe('MultiPolygon');
  });

  it('Gemeinde populations of 31.12.2022 sum to 84,358,845 and each Kreis equals the sum of its Gemeinden', async () => {
    const gemeinden = await getJson<Values>(
      app(),
      '/api/v1/indicators/bev_insgesamt/values?level=gemeinde&period=2022-12-31',
    );
    const kreise = await getJson<Values>(
      app(),
      '/api/v1/indicators/bev_insgesamt/values?level=kreis&period=2022-12-31',
    );
    expect(gemeinden.values).toHaveLength(10990);
    expect(sum(gemeinden)).toBe(84358845);
    expect(kreise.values).toHaveLength(400);
    for (const kreis of kreise.values)
      expect(sum(gemeinden, (k) => k.startsWith(kreis.areaKey))).toBe(kreis.value);
  });

  it('GENESIS 12411 gives 82,175,684 for Germany on 31.12.2015, and the Kreise of then add up to it', async () => {
    const bund = await getJson<Values>(
      app(),
      '/api/v1/indicators/bev_insgesamt/values?level=bund&period=2015-12-31',
    );
    expect(bund.values[0]?.value).toBe(82175684);
    const laender = await getJson<Values>(
      app(),
      '/api/v1/indicators/bev_insgesamt/values?level=land&period=2015-12-31',
    );
    expect(sum(laender)).toBe(82175684);
  });

  it('the ffcsv population of 31.12.2024 sums to 83,577,140 over the 400 current Kreise', async () => {
    const kreise = await getJson<Values>(
      app(),
      '/api/v1/indicators/bev_insgesamt/values?level=kreis&period=2024-12-31',
    );
    const numeric = kreise.values.filter((v) => v.value !== null);
    expect(numeric).toHaveLength(400);
    expect(sum(kreise)).toBe(83577140);
  });

  it('turns GENESIS symbols into missing values with their reason, never into 0', async () => {
    const rates = await getJson<Values>(
      app(),
      '/api/v1/indicators/alo_insgesamt/values?level=kreis&period=2016',
    );
    // Regionalstatistik has only "-" for Göttingen in 2016 (the Kreis was re-formed that year).
    const goettingen = rates.values.find((v) => v.areaKey === '03159');
    expect(goettingen).toMatchObject({ value: null, status: 'missing', missingReason: 'nothing' });
    const missing = rates.values.filter((v) => v.status === 'missing');
    for (const v of missing) {
      expect(v.value).toBeNull();
      expect(['nothing', 'secret', 'not_meaningful', 'unreliable', 'later']).toContain(v.missingReason);
    }
    const quota = await getJson<Values>(app(), '/api/v1/indicators/alq_alle/values?level=bund&period=2016');
    expect(quota.values[0]?.value).toBe(6.1);
  });

  it('keeps Planungsräume outside the MSS index as missing, not 0, and has the MSS time series', async () => {
    const s1 = await getJson<Values>(
      app(),
      '/api/v1/indicators/mss_s1/values?level=berlin-plr&period=2018-12-31',
    );
    const tiergarten = s1.values.find((v) => v.areaKey === '01011102');
    expect(tiergarten).toMatchObject({ value: null, status: 'missing', missingReason: 'not_meaningful' });
    const series = await getJson<Values>(
      app(),
      '/api/v1/indicators/mss_s1/series?level=berlin-plr&area=01011101',
    );
    expect(series.values.map((v) => v.value)).toEqual([
      6.38298,
      expect.any(Number),
      expect.any(Number),
      2.7978,
    ]);
  });

  it('counts the 274 Berlin care homes and their 31,154 places per Bezirk, Bezirksregion and Planungsraum', async () => {
    for (const level of ['berlin-bezirk', 'berlin-bzr', 'berlin-plr']) {
      const homes = await getJson<Values>(
        app(),
        `/api/v1/indicators/pflegeheime_berlin/values?level=${level}`,
      );
      const places = await getJson<Values>(
        app(),
        `/api/v1/indicators/pflegeheim_plaetze_berlin/values?level=${level}`,
      );
      expect(sum(homes)).toBe(274);
      expect(sum(places)).toBe(31154);
    }
  });
}
