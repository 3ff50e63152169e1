import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeIndex, definitionFor, type IndexRow } from '../../src/indices/index.ts';
import { PRESETS, loadCrossClasses, loadPreset } from './real-data.ts';

describe('the preset files in demo/indices', () => {
  it('all parse', () => {
    const names = readdirSync(PRESETS)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(names.sort()).toEqual([
      'berlin-mss-dynamik',
      'berlin-mss-gesamtindex',
      'berlin-mss-status',
      'sozialformel-pinneberg',
    ]);
    for (const name of names) {
      if (name.endsWith('gesamtindex')) expect(loadCrossClasses(name).parts).toHaveLength(2);
      else expect(loadPreset(name).versions.length).toBeGreaterThan(0);
    }
  });

  it('the MSS uses four indicators for the editions 2013–2017 and three from 2019', () => {
    for (const name of ['berlin-mss-status', 'berlin-mss-dynamik']) {
      const preset = loadPreset(name);
      const ids = (period: string) => definitionFor(preset, period).components.map((c) => c.id.slice(1));
      expect(['2012-12-31', '2014-12-31', '2016-12-31'].map(ids)).toEqual(
        Array(3).fill(['1', '2', '3', '4']),
      );
      expect(['2018-12-31', '2020-12-31'].map(ids)).toEqual(Array(2).fill(['1', '3', '4']));
      expect(definitionFor(preset, '2020-12-31')).toMatchObject({
        standardise: { method: 'z', sd: 'population' },
        restandardise: { method: 'z', sd: 'population' },
        population: 'mss_einwohner',
        exclude: { minPopulation: 300, allZero: true },
      });
    }
  });

  it('the Sozialformel template weighs its five components equally and inverts the median income', () => {
    const [definition] = loadPreset('sozialformel-pinneberg').versions;
    expect(definition!.components.map((c) => [c.id, c.direction, c.weight])).toEqual([
      ['KA', 1, 1],
      ['JA', 1, 1],
      ['SGB', 1, 1],
      ['EK', -1, 1],
      ['AA', 1, 1],
    ]);
    const area = (key: string, poverty: number, income: number): IndexRow => ({
      key,
      values: {
        bev_insgesamt: 1000,
        sozialformel_kinderarmut: poverty,
        sozialformel_jugendarmut: poverty,
        sozialformel_sgb2_quote: poverty,
        sozialformel_medianeinkommen: income,
        sozialformel_altersarmut: poverty,
      },
    });
    const result = computeIndex(definition!, [
      area('arm', 30, 2000),
      area('mittel-1', 10, 3000),
      area('mittel-2', 12, 3100),
      area('mittel-3', 11, 2900),
      area('reich', 2, 4500),
    ]);
    const byKey = Object.fromEntries(result.areas.map((a) => [a.key, a]));
    expect(byKey.arm!.class!.label).toBe('erhöhter Bedarf');
    expect(byKey.reich!.class!.label).toBe('geringer Bedarf');
    expect(
      byKey.reich!.explanation!.contributions.find((c) => c.component === 'EK')!.contribution,
    ).toBeLessThan(0);
  });
});
