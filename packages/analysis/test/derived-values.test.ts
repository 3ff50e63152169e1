import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchInput } from '@lagebild/store';
import { createAnalysisService, type AnalysisService } from '../src/index.ts';
import { correctionBatch, fixtureStore, YEARS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let analysis: AnalysisService;

const batch = (parts: Partial<BatchInput>): BatchInput => ({
  file: 'derived',
  format: 'test',
  mapping: null,
  levels: [],
  areas: [],
  correspondences: [],
  indicators: [],
  observations: [],
  ...parts,
});

beforeAll(async () => {
  fixture = await fixtureStore();
  await fixture.store.applyBatch(
    batch({
      indicators: [
        { id: 'sgb2_anteil', name: 'SGB-II-Anteil', unit: '%', kind: 'share', formula: '100 * sgb2 / pop' },
        { id: 'sgb2_je_1000', name: 'SGB II je 1.000', unit: '‰', kind: 'rate', formula: '10 * sgb2_anteil' },
        { id: 'pop_plus', name: 'Test', unit: 'x', kind: 'count', formula: 'pop + sgb2' },
      ],
      // A secret cell: the derived values of B1 in 2019 must say so, not compute around it.
      observations: [
        {
          indicatorId: 'sgb2',
          levelId: 'kreis',
          areaKey: 'B1',
          period: '2019',
          value: null,
          numerator: null,
          denominator: null,
          status: 'missing',
          missingReason: 'secret',
        },
      ],
    }),
  );
  analysis = createAnalysisService({ store: fixture.store, presetDirs: [fixture.presetDir] });
});
afterAll(() => fixture.cleanup());

const valueOf = async (id: string, area: string, period: string) =>
  (await analysis.derivedValues(id, { level: 'kreis', period })).values.find((v) => v.areaKey === area);

describe('derived indicators', () => {
  it('computes the formula from the stored inputs, area by area, with batchId null', async () => {
    const result = await analysis.derivedValues('sgb2_anteil', { level: 'kreis', period: '2020' });
    expect(result.indicator.formula).toBe('100 * sgb2 / pop');
    expect(result.inputs).toEqual(['pop', 'sgb2']);
    expect(result.values.map((v) => v.areaKey)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(result.values[0]).toEqual({
      indicatorId: 'sgb2_anteil',
      levelId: 'kreis',
      areaKey: 'A1',
      period: '2020',
      value: 12.5,
      numerator: null,
      denominator: null,
      status: 'final',
      missingReason: null,
      batchId: null,
    });
    expect(result.dataVersion).toBe(await analysis.dataVersion());
  });

  it('builds on other derived indicators', async () => {
    const result = await analysis.derivedValues('sgb2_je_1000', { level: 'kreis', period: '2020' });
    expect(result.inputs).toEqual(['pop', 'sgb2']);
    expect(result.values.find((v) => v.areaKey === 'A1')?.value).toBeCloseTo(125, 10);
  });

  it('propagates a missing input with its reason through every derived step', async () => {
    for (const id of ['sgb2_anteil', 'sgb2_je_1000'])
      expect(await valueOf(id, 'B1', '2019')).toMatchObject({
        value: null,
        status: 'missing',
        missingReason: 'secret',
      });
  });

  it('gives all periods, a series for one area, and the periods all inputs cover', async () => {
    const series = await analysis.derivedValues('sgb2_anteil', { level: 'kreis', area: 'A2' });
    expect(series.values.map((v) => [v.period, v.value])).toEqual(YEARS.map((y) => [y, 5]));
    expect((await analysis.derivedPeriods('sgb2_anteil', 'kreis')).periods).toEqual(YEARS);
    // `land` has pop but no sgb2: nothing to compute there.
    expect((await analysis.derivedPeriods('pop_plus', 'land')).periods).toEqual([]);
    expect((await analysis.derivedValues('pop_plus', { level: 'land' })).values).toEqual([]);
    expect((await analysis.derivedCoverage('pop_plus')).coverage).toEqual([
      { levelId: 'kreis', periods: 5, values: 20 },
    ]);
    expect((await analysis.derivedValues('sgb2_anteil', { level: 'kreis', period: '1999' })).values).toEqual(
      [],
    );
  });

  it('recomputes after an import and after its undo (the data version changes)', async () => {
    expect((await valueOf('sgb2_anteil', 'A1', '2020'))?.value).toBe(12.5);
    const correction = await fixture.store.applyBatch(correctionBatch(1560));
    expect((await valueOf('sgb2_anteil', 'A1', '2020'))?.value).toBe(15);
    expect((await valueOf('sgb2_je_1000', 'A1', '2020'))?.value).toBeCloseTo(150, 10);
    await fixture.store.undoBatch(correction.id);
    expect((await valueOf('sgb2_anteil', 'A1', '2020'))?.value).toBe(12.5);
  });

  it('refuses stored indicators, unknown indicators and unknown levels with their codes', async () => {
    await expect(analysis.derivedValues('pop', { level: 'kreis' })).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
    await expect(analysis.derivedValues('nope', { level: 'kreis' })).rejects.toMatchObject({
      code: 'IndicatorNotFound',
    });
    await expect(analysis.derivedValues('sgb2_anteil', { level: 'nope' })).rejects.toMatchObject({
      code: 'LevelNotFound',
    });
  });
});
