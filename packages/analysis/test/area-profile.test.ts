import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilson } from '@lagebild/core';
import { createAnalysisService, type AnalysisService, type ProfileIndicator } from '../src/index.ts';
import { latestUpTo } from '../src/profile/area-profile.ts';
import { fixtureStore, INDICATORS, KREISE, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let analysis: AnalysisService;

beforeAll(async () => {
  fixture = await fixtureStore();
  await fixture.store.applyBatch({
    file: 'derived',
    format: 'test',
    mapping: { fixture: 'profile' },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: [
      {
        id: 'sgb2_anteil',
        name: 'SGB-II-Anteil (berechnet)',
        unit: '%',
        kind: 'share',
        numeratorId: 'sgb2',
        denominatorId: 'pop',
        polarity: 'higher_is_worse',
        formula: '100 * sgb2 / pop',
      },
    ],
    observations: [],
  });
  analysis = createAnalysisService({ store: fixture.store, presetDirs: [fixture.presetDir] });
});
afterAll(async () => fixture.cleanup());

const entry = (profile: { topics: { indicators: ProfileIndicator[] }[] }, id: string) =>
  profile.topics.flatMap((t) => t.indicators).find((i) => i.indicator.id === id)!;

describe('area profile', () => {
  it('names the area, its ancestors and the periods, and defaults to the latest period', async () => {
    const profile = await analysis.areaProfile({ level: 'kreis', area: 'A1' });
    expect(profile.area).toEqual({ key: 'A1', name: 'Altstadt', parentKey: 'A' });
    expect(profile.ancestors).toEqual([
      { level: { id: 'land', name: 'Länder', nameEn: null }, key: 'A', name: 'Land A' },
    ]);
    expect(profile.periods).toEqual(['2016', '2017', '2018', '2019', '2020']);
    expect(profile.period).toBe('2020');
    expect(profile.requestedPeriod).toBeNull();
    const ids = profile.topics.flatMap((t) => t.indicators.map((i) => i.indicator.id)).sort();
    expect(ids).toEqual([...INDICATORS.map((i) => i.id), 'sgb2_anteil'].sort());
  });

  it('gives the spread over the level by Hyndman & Fan type 7', async () => {
    const pop = entry(await analysis.areaProfile({ level: 'kreis', area: 'A1', period: '2020' }), 'pop');
    // 2020: 800, 5000, 10400, 20000 → h = 0.75, 1.5, 2.25
    expect(pop.distribution).toEqual({ count: 4, min: 800, p25: 3950, median: 7700, p75: 12800, max: 20000 });
    expect(pop.value).toBe(10_400);
    expect(pop.references).toEqual([
      { level: 'land', key: 'A', value: 30_400, status: 'final', missingReason: null, basis: 'stored' },
    ]);
    expect(pop.series.area.map((p) => p.value)).toEqual([10_000, 10_100, 10_200, 10_300, 10_400]);
    expect(pop.series.parent.map((p) => p.value)).toEqual([30_000, 30_100, 30_200, 30_300, 30_400]);
    // Four Kreise are too few for quintiles.
    expect(pop.quintile).toBeNull();
  });

  it('compares a share with its parent by the Wilson interval, the parent aggregated from its children', async () => {
    const quote = entry(
      await analysis.areaProfile({ level: 'kreis', area: 'A1', period: '2020' }),
      'sgb2_quote',
    );
    expect(quote.value).toBe(12.5);
    expect(quote.numerator).toBe(1300);
    expect(quote.denominator).toBe(10_400);
    expect(quote.references[0]).toMatchObject({ key: 'A', basis: 'aggregated' });
    expect(quote.references[0]!.value).toBeCloseTo((100 * 2300) / 30_400, 10);
    const interval = wilson(1300, 10_400, { confidence: 0.95, multiplier: 100 })!;
    expect(quote.comparison).toMatchObject({
      outcome: 'worse',
      method: 'wilson',
      limits: 'wilson',
      lower: interval.lower,
      upper: interval.upper,
    });
  });

  it('agrees with the compare analysis against the parent for every indicator and Kreis', async () => {
    const outcomes = new Set<string>();
    for (const indicator of INDICATORS) {
      const compared = await analysis.compare(indicator.id, {
        level: 'kreis',
        period: '2019',
        reference: { kind: 'parent' },
      });
      for (const key of KREISE) {
        const profile = await analysis.areaProfile({ level: 'kreis', area: key, period: '2019' });
        const own = entry(profile, indicator.id);
        const theirs = compared.areas.find((a) => a.key === key)!;
        expect([indicator.id, key, own.comparison.outcome]).toEqual([indicator.id, key, theirs.outcome]);
        expect(own.references[0]!.value).toBe(theirs.reference?.value ?? null);
        expect(own.comparison.lower).toBe(theirs.lower);
        outcomes.add(`${own.comparison.method}:${own.comparison.outcome}`);
      }
    }
    // Both interval methods and the no-interval case were exercised.
    expect([...outcomes].sort()).toEqual(
      expect.arrayContaining(['none:not_compared', 'poisson:similar', 'wilson:worse', 'wilson:better']),
    );
  });

  it('computes derived indicators from their formula, with counts from numerator and denominator', async () => {
    const derived = entry(
      await analysis.areaProfile({ level: 'kreis', area: 'A1', period: '2020' }),
      'sgb2_anteil',
    );
    expect(derived.indicator.derived).toBe(true);
    expect(derived.value).toBeCloseTo(12.5, 12);
    expect(derived.numerator).toBe(1300);
    expect(derived.series.area).toHaveLength(5);
    expect(derived.distribution?.count).toBe(4);
    // The Länder have no SGB II counts: no parent value to compare with.
    expect(derived.references[0]).toMatchObject({ value: null, basis: null, status: 'nodata' });
    expect(derived.comparison).toMatchObject({ method: 'wilson', outcome: 'not_compared' });
  });

  it('shows the latest period up to the requested one and says it is earlier', async () => {
    const profile = await analysis.areaProfile({ level: 'kreis', area: 'B2', period: '2021-06' });
    expect(profile.period).toBe('2021-06');
    const pop = entry(profile, 'pop');
    expect(pop).toMatchObject({ period: '2020', periodIsEarlier: true, value: 800 });
    const early = entry(await analysis.areaProfile({ level: 'kreis', area: 'B2', period: '2015' }), 'pop');
    expect(early).toMatchObject({ period: null, value: null, status: 'nodata', distribution: null });
    expect(early.series.area).toHaveLength(5);
  });

  it('refuses unknown levels, areas and bad periods with the domain codes', async () => {
    await expect(analysis.areaProfile({ level: 'nope', area: 'A1' })).rejects.toMatchObject({
      code: 'LevelNotFound',
    });
    await expect(analysis.areaProfile({ level: 'kreis', area: 'ZZ' })).rejects.toMatchObject({
      code: 'AreaNotFound',
      details: { level: 'kreis', key: 'ZZ' },
    });
    await expect(analysis.areaProfile({ level: 'kreis', area: 'A1', period: '20x' })).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
  });
});

describe('latestUpTo', () => {
  it('compares periods by reference date, whatever their form', () => {
    expect(latestUpTo(['2016', '2017-06', '2018-12-31'], '2018')).toBe('2018-12-31');
    expect(latestUpTo(['2016', '2017-06', '2018-12-31'], '2018-06')).toBe('2017-06');
    expect(latestUpTo(['2016'], '2015-12-31')).toBeNull();
    expect(latestUpTo(['2016', '2020'], null)).toBe('2020');
  });
});
