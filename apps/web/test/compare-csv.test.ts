import { describe, expect, it } from 'vitest';
import type { Level } from '../src/api/types.ts';
import { compareCsv, compareFileName } from '../src/compare/compare-csv.ts';
import type { CompareAreasResponse, CompareIndicator } from '../src/compare/compare-types.ts';
import { translate, type MessageKey } from '../src/i18n/i18n.ts';

const de = (key: MessageKey, params?: Record<string, string | number>) => translate('de', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

const level: Level = {
  id: 'kreis',
  name: 'Kreise',
  nameEn: 'Districts',
  kind: 'administrative',
  parentLevelId: 'land',
  sortOrder: 20,
  description: null,
  areaCount: 2,
};
const levels = new Map([['kreis', level]]);

const indicator = (
  id: string,
  extra: Partial<CompareIndicator['indicator']>,
): CompareIndicator['indicator'] => ({
  id,
  version: 1,
  name: `Name ${id}`,
  nameEn: `Name ${id} (en)`,
  topic: 'Test',
  description: null,
  unit: '%',
  kind: 'share',
  ratePer: null,
  numeratorId: null,
  denominatorId: null,
  aggregation: 'ratio',
  weightId: null,
  polarity: 'higher_is_worse',
  source: 'Amt; Lizenz',
  updateCycle: null,
  referenceDate: null,
  confidentiality: 'public',
  decimals: 1,
  notes: null,
  formula: null,
  ...extra,
});

const value = (areaKey: string, v: number | null, extra: object = {}) => ({
  areaKey,
  value: v,
  status: v === null ? ('missing' as const) : ('final' as const),
  missingReason: v === null ? ('secret' as const) : null,
  numerator: null,
  denominator: null,
  lower: null,
  upper: null,
  outcome: 'not_compared' as const,
  parentOutcome: 'not_compared' as const,
  quintile: null,
  ...extra,
});

const data: CompareAreasResponse = {
  level: 'kreis',
  period: '2020',
  areas: [
    { key: '01001', name: 'Flensburg', parentKey: '01', parentName: 'Schleswig-Holstein' },
    { key: '01002', name: 'Kiel', parentKey: '01', parentName: 'Schleswig-Holstein' },
  ],
  indicators: [
    {
      indicator: indicator('quote', {}),
      periods: ['2019', '2020'],
      period: '2020',
      method: { interval: 'wilson', benchmark: 'ci-overlap', confidence: 0.95 },
      references: [
        { role: 'level', level: 'kreis', key: null, name: 'Kreise', value: 6.25, basis: 'pooled' },
        {
          role: 'parent',
          level: 'land',
          key: '01',
          name: 'Schleswig-Holstein',
          value: null,
          basis: 'stored',
        },
      ],
      values: [
        value('01001', 4.5, { outcome: 'better', parentOutcome: 'similar', lower: 4.2, upper: 4.8 }),
        value('01002', null),
      ],
      series: [],
    },
    {
      indicator: indicator('median', { unit: 'EUR', source: null, kind: 'median' }),
      periods: ['2019'],
      period: '2019',
      method: { interval: 'none', benchmark: 'quantiles', confidence: 0.95 },
      references: [{ role: 'level', level: 'kreis', key: null, name: 'Kreise', value: 2500, basis: 'mean' }],
      values: [value('01001', 2400, { quintile: 2 }), value('01002', 2600, { quintile: 4 })],
      series: [],
    },
  ],
  warnings: {},
  dataVersion: '1:1:0',
};

describe('the comparison as CSV', () => {
  const csv = compareCsv({ data, levels, lang: 'de', t: de, now: new Date('2024-05-06T10:00:00Z') });
  const lines = csv.split('\r\n');

  it('writes one row per area and indicator, with reasons, tests and quintiles', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      '\uFEFFGebiet;Schlüssel;Indikator;Kennung;Einheit;Zeitpunkt;Wert;Status;Grund;Vergleich mit Alle Kreise;Vergleich mit dem übergeordneten Gebiet;Fünftel (1 = ungünstigstes bzw. niedrigstes);Untere Grenze (KI);Obere Grenze (KI)',
    );
    expect(lines.slice(1, 5)).toEqual([
      'Flensburg;="01001";Name quote;quote;%;2020;4,5;endgültig;;signifikant günstiger;kein signifikanter Unterschied;;4,2;4,8',
      'Flensburg;="01001";Name median;median;EUR;2019;2400;endgültig;;;;2;;',
      'Kiel;="01002";Name quote;quote;%;2020;;fehlt;geheim zu halten (.);;;;;',
      'Kiel;="01002";Name median;median;EUR;2019;2600;endgültig;;;;4;;',
    ]);
  });

  it('adds the references, the sources and the date of the export', () => {
    expect(lines).toContain(
      'Alle Kreise;;Name quote;quote;%;2020;6,25;Vergleichswert: aus Zählern und Nennern aller Gebiete;;;;;;',
    );
    expect(lines).toContain(
      'Schleswig-Holstein;="01";Name quote;quote;%;2020;;Vergleichswert: Wert des Gebiets;kein Wert geliefert;;;;;',
    );
    // The parent has no reference for the median: an empty value with its reason, never 0.
    expect(lines).toContain(
      'Schleswig-Holstein;="01";Name median;median;EUR;2019;;Vergleichswert;keine Daten;;;;;',
    );
    expect(lines).toContain('Ebene;Kreise');
    expect(lines).toContain('Zeitpunkt;2020');
    expect(lines).toContain('Name quote (quote);"Amt; Lizenz"');
    expect(lines).toContain('Name median (median);keine Angabe');
    expect(lines).toContain('Exportiert am;06.05.2024');
    expect(compareFileName(data)).toBe('lagebild_vergleich_kreis_2020.csv');
  });

  it('speaks English on demand', () => {
    const english = compareCsv({ data, levels, lang: 'en', t: en, now: new Date('2024-05-06T10:00:00Z') });
    expect(english).toContain(
      'Flensburg;="01001";Name quote (en);quote;%;2020;4,5;final;;significantly better;',
    );
    expect(english).toContain('Level;Districts');
  });
});
