import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilson } from '@lagebild/core';
import { createAnalysisService, type AnalysisService } from '../src/index.ts';
import { fixtureStore, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let analysis: AnalysisService;

beforeAll(async () => {
  fixture = await fixtureStore();
  // A derived share with declared counts: it gets Wilson intervals like the stored sgb2_quote.
  await fixture.store.applyBatch({
    file: 'derived',
    format: 'test',
    mapping: null,
    levels: [],
    areas: [],
    correspondences: [],
    observations: [],
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
  });
  analysis = createAnalysisService({ store: fixture.store, presetDirs: [fixture.presetDir] });
});
afterAll(() => fixture.cleanup());

/** Σ SGB II / Σ population of all four Kreise in 2020, and of the two in Land A. */
const POOLED_2020 = (100 * (1300 + 1000 + 250 + 40)) / (10_400 + 20_000 + 5_000 + 800);
const LAND_A_2020 = (100 * (1300 + 1000)) / (10_400 + 20_000);

describe('compareAreas', () => {
  it('gives values, references of the level and the parents, significance and quintiles', async () => {
    const result = await analysis.compareAreas({
      level: 'kreis',
      areas: ['A1', 'B2', 'A2'],
      indicators: ['sgb2_quote', 'income'],
      period: '2020',
    });
    expect(result.areas).toEqual([
      { key: 'A1', name: 'Altstadt', parentKey: 'A', parentName: 'Land A' },
      { key: 'B2', name: 'Bachtal', parentKey: 'B', parentName: 'Land B' },
      { key: 'A2', name: 'Auenland', parentKey: 'A', parentName: 'Land A' },
    ]);
    const [quote, income] = result.indicators;
    expect(quote!.period).toBe('2020');
    expect(quote!.periods).toEqual(['2016', '2017', '2018', '2019', '2020']);
    expect(quote!.method).toEqual({ interval: 'wilson', benchmark: 'ci-overlap', confidence: 0.95 });
    expect(quote!.references.map((r) => [r.role, r.key, r.basis])).toEqual([
      ['level', null, 'pooled'],
      ['parent', 'A', 'aggregated'],
      ['parent', 'B', 'aggregated'],
    ]);
    expect(quote!.references[0]!.value).toBeCloseTo(POOLED_2020, 10);
    expect(quote!.references[1]!.value).toBeCloseTo(LAND_A_2020, 10);

    const [a1, b2, a2] = quote!.values;
    expect(a1).toMatchObject({
      areaKey: 'A1',
      value: 12.5,
      status: 'final',
      numerator: 1300,
      denominator: 10_400,
    });
    const limits = wilson(1300, 10_400, { confidence: 0.95, multiplier: 100 })!;
    expect(a1!.lower).toBeCloseTo(limits.lower!, 12);
    expect(a1!.upper).toBeCloseTo(limits.upper!, 12);
    expect([a1!.outcome, a1!.parentOutcome]).toEqual(['worse', 'worse']);
    expect([a2!.outcome, a2!.parentOutcome]).toEqual(['better', 'better']);
    // Bachtal's 5 % (40 of 800) lies below the level's 7.2 % but not apart from Land B's 5 %.
    expect([b2!.outcome, b2!.parentOutcome]).toEqual(['better', 'similar']);
    // Four Kreise are fewer than five groups: no quintiles rather than made-up ones.
    expect(quote!.values.map((v) => v.quintile)).toEqual([null, null, null]);

    // A median has no counts: no test, but the quintile among the level's areas (higher is better).
    expect(income!.method.benchmark).toBe('quantiles');
    expect(income!.references[0]).toMatchObject({ role: 'level', basis: 'mean' });
    expect(income!.references[0]!.value).toBeCloseTo((2300 + 3400 + 3000 + 2700) / 4, 10);
    expect(income!.values.map((v) => v.outcome)).toEqual(['not_compared', 'not_compared', 'not_compared']);

    expect(quote!.series.map((s) => s.areaKey)).toEqual(['A1', 'B2', 'A2']);
    expect(quote!.series[0]!.values.map((v) => v.period)).toEqual(['2016', '2017', '2018', '2019', '2020']);
    expect(quote!.series[0]!.values[0]!.value).toBeCloseTo(8, 12);
  });

  it('computes derived indicators from their formula, with intervals from the declared counts', async () => {
    const result = await analysis.compareAreas({
      level: 'kreis',
      areas: ['A1', 'A2'],
      indicators: ['sgb2_anteil'],
    });
    const [derived] = result.indicators;
    expect(derived!.period).toBe('2020');
    expect(derived!.values[0]).toMatchObject({ value: 12.5, outcome: 'worse' });
    expect(derived!.references[0]!.value).toBeCloseTo(POOLED_2020, 10);
    // The Länder lack SGB II counts, so the formula gives no parent value there.
    expect(derived!.references[1]).toMatchObject({ role: 'parent', key: 'A', value: null, basis: 'derived' });
    expect(derived!.values[0]!.parentOutcome).toBe('not_compared');
    expect(derived!.series[1]!.values.map((v) => v.value)).toEqual([5, 5, 5, 5, 5]);
  });

  it('shows each indicator at the period asked for or the latest before it, else no data', async () => {
    const later = await analysis.compareAreas({
      level: 'kreis',
      areas: ['A1'],
      indicators: ['pop'],
      period: '2023',
    });
    expect(later.period).toBe('2023');
    expect(later.indicators[0]!.period).toBe('2020');
    expect(later.indicators[0]!.values[0]!.value).toBe(10_400);
    const earlier = await analysis.compareAreas({
      level: 'kreis',
      areas: ['A1'],
      indicators: ['pop'],
      period: '2010',
    });
    expect(earlier.indicators[0]!.period).toBeNull();
    expect(earlier.indicators[0]!.values[0]).toMatchObject({ value: null, status: 'nodata' });
    expect(earlier.indicators[0]!.series[0]!.values).toHaveLength(5);
  });

  it('puts areas into quintiles among all areas of the level, group 1 the worst', async () => {
    // Five Kreise in 2016 once a fifth is added: Altstadt has the highest share, so the worst.
    await fixture.store.applyBatch({
      file: 'fifth',
      format: 'test',
      mapping: null,
      levels: [],
      areas: [
        {
          levelId: 'kreis',
          key: 'B3',
          name: 'Burgkreis',
          parentKey: 'B',
          validFrom: null,
          validTo: null,
          predecessors: [],
          sourceCrs: null,
          geometry: null,
          attributes: {},
        },
      ],
      correspondences: [],
      indicators: [],
      observations: [
        {
          indicatorId: 'sgb2_quote',
          levelId: 'kreis',
          areaKey: 'B3',
          period: '2016',
          value: 1,
          numerator: null,
          denominator: null,
          status: 'final',
          missingReason: null,
        },
      ],
    });
    const result = await analysis.compareAreas({
      level: 'kreis',
      areas: ['A1', 'B3'],
      indicators: ['sgb2_quote'],
      period: '2016',
    });
    expect(result.indicators[0]!.values.map((v) => v.quintile)).toEqual([1, 5]);
  });

  it('names unknown levels, areas, indicators and periods', async () => {
    const ask = (query: Partial<Parameters<AnalysisService['compareAreas']>[0]>) =>
      analysis.compareAreas({ level: 'kreis', areas: ['A1'], indicators: ['pop'], ...query });
    await expect(ask({ level: 'nope' })).rejects.toMatchObject({ code: 'LevelNotFound' });
    await expect(ask({ areas: ['A1', 'Z9'] })).rejects.toMatchObject({
      code: 'AreaNotFound',
      details: { level: 'kreis', keys: ['Z9'] },
    });
    await expect(ask({ indicators: ['pop', 'nope'] })).rejects.toMatchObject({ code: 'IndicatorNotFound' });
    await expect(ask({ period: '20x0' })).rejects.toMatchObject({ code: 'ValidationFailed' });
  });
});
