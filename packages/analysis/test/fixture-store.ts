import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Area, IndicatorInput, Observation, SpatialLevel } from '@lagebild/core';
import { createSqliteStore, type BatchInput, type Store } from '@lagebild/store';

/**
 * A small county in a temp SQLite store, written through `applyBatch` like any import:
 * two Länder (A, B) with two Kreise each, a planning level `region` that does not nest (reached by
 * correspondences), five years 2016–2020, and indicators of every kind the analyses distinguish.
 */
const level = (id: string, parentLevelId: string | null, sortOrder: number): SpatialLevel => ({
  id,
  name: id === 'land' ? 'Länder' : id === 'kreis' ? 'Kreise' : 'Regionen',
  nameEn: null,
  kind: id === 'region' ? 'planning' : 'administrative',
  parentLevelId,
  sortOrder,
  description: null,
});

const area = (levelId: string, key: string, name: string, parentKey: string | null = null): Area => ({
  levelId,
  key,
  name,
  parentKey,
  validFrom: null,
  validTo: null,
  predecessors: [],
  sourceCrs: null,
  geometry: null,
  attributes: {},
});

export const YEARS = ['2016', '2017', '2018', '2019', '2020'];
export const KREISE = ['A1', 'A2', 'B1', 'B2'];

/** Per Kreis and year index: residents, SGB II recipients, cases of a rare event, median income, class. */
const POP: Record<string, number[]> = {
  A1: [10_000, 10_100, 10_200, 10_300, 10_400],
  A2: [20_000, 20_000, 20_000, 20_000, 20_000],
  B1: [5_000, 5_000, 5_000, 5_000, 5_000],
  B2: [800, 800, 800, 800, 800],
};
const SGB2: Record<string, number[]> = {
  A1: [800, 900, 1_000, 1_150, 1_300],
  A2: [1_000, 1_000, 1_000, 1_000, 1_000],
  B1: [250, 240, 250, 245, 250],
  B2: [40, 40, 40, 40, 40],
};
const CASES: Record<string, number[]> = {
  A1: [30, 31, 33, 35, 40],
  A2: [40, 41, 39, 40, 42],
  B1: [3, 2, 4, 3, 5],
  B2: [1, 0, 1, 0, 1],
};
const INCOME: Record<string, number[]> = {
  A1: [2_500, 2_450, 2_400, 2_350, 2_300],
  A2: [3_200, 3_250, 3_300, 3_350, 3_400],
  B1: [2_900, 2_900, 2_950, 2_950, 3_000],
  B2: [2_700, 2_700, 2_700, 2_700, 2_700],
};
const KLASSE: Record<string, number[]> = {
  A1: [2, 2, 2, 2, 3],
  A2: [1, 1, 1, 1, 1],
  B1: [2, 2, 2, 2, 1],
  B2: [3, 3, 3, 3, 3],
};

export const INDICATORS: IndicatorInput[] = [
  { id: 'pop', name: 'Einwohner', unit: 'Personen', kind: 'count' },
  { id: 'sgb2', name: 'SGB-II-Empfänger', unit: 'Personen', kind: 'count', polarity: 'higher_is_worse' },
  {
    id: 'sgb2_quote',
    name: 'SGB-II-Quote',
    unit: '%',
    kind: 'share',
    numeratorId: 'sgb2',
    denominatorId: 'pop',
    polarity: 'higher_is_worse',
  },
  {
    id: 'case_rate',
    name: 'Fälle je 1.000',
    unit: 'je 1.000',
    kind: 'rate',
    ratePer: 1000,
    polarity: 'higher_is_worse',
  },
  {
    id: 'income',
    name: 'Medianeinkommen',
    unit: 'EUR',
    kind: 'median',
    polarity: 'higher_is_better',
  },
  {
    id: 'age',
    name: 'Durchschnittsalter',
    unit: 'Jahre',
    kind: 'mean',
    aggregation: 'weighted_mean',
    weightId: 'pop',
  },
  { id: 'klasse', name: 'Statusklasse', unit: 'Klasse', kind: 'index', polarity: 'higher_is_worse' },
];

const value = (indicatorId: string, levelId: string, areaKey: string, period: string, v: number | null) =>
  ({
    indicatorId,
    levelId,
    areaKey,
    period,
    value: v,
    numerator: null,
    denominator: null,
    status: v === null ? 'missing' : 'final',
    missingReason: v === null ? 'secret' : null,
  }) satisfies Observation;

function kreisObservations(): Observation[] {
  return KREISE.flatMap((key) =>
    YEARS.flatMap((period, i) => {
      const pop = POP[key]![i]!;
      const sgb2 = SGB2[key]![i]!;
      const cases = CASES[key]![i]!;
      return [
        value('pop', 'kreis', key, period, pop),
        value('sgb2', 'kreis', key, period, sgb2),
        value('sgb2_quote', 'kreis', key, period, (100 * sgb2) / pop),
        {
          ...value('case_rate', 'kreis', key, period, (1000 * cases) / pop),
          numerator: cases,
          denominator: pop,
        },
        value('income', 'kreis', key, period, INCOME[key]![i]!),
        value('age', 'kreis', key, period, key.startsWith('A') ? 42 : 46),
        value('klasse', 'kreis', key, period, KLASSE[key]![i]!),
      ];
    }),
  );
}

/** The Länder carry their own population only: other references must be aggregated from the Kreise. */
function landObservations(): Observation[] {
  return ['A', 'B'].flatMap((land) =>
    YEARS.map((period, i) =>
      value(
        'pop',
        'land',
        land,
        period,
        KREISE.filter((k) => k.startsWith(land)).reduce((s, k) => s + POP[k]![i]!, 0),
      ),
    ),
  );
}

export function baseBatch(): BatchInput {
  return {
    file: 'fixture',
    format: 'test',
    mapping: { fixture: 'analysis' },
    levels: [level('land', null, 10), level('kreis', 'land', 20), level('region', null, 30)],
    areas: [
      area('land', 'A', 'Land A'),
      area('land', 'B', 'Land B'),
      area('kreis', 'A1', 'Altstadt', 'A'),
      area('kreis', 'A2', 'Auenland', 'A'),
      area('kreis', 'B1', 'Bergkreis', 'B'),
      area('kreis', 'B2', 'Bachtal', 'B'),
      area('region', 'NORD', 'Region Nord'),
      area('region', 'SUED', 'Region Süd'),
    ],
    correspondences: [
      { fromLevelId: 'kreis', fromKey: 'A1', toLevelId: 'region', toKey: 'NORD', weight: 1, basis: 'area' },
      { fromLevelId: 'kreis', fromKey: 'A2', toLevelId: 'region', toKey: 'NORD', weight: 0.5, basis: 'area' },
      { fromLevelId: 'kreis', fromKey: 'A2', toLevelId: 'region', toKey: 'SUED', weight: 0.5, basis: 'area' },
      { fromLevelId: 'kreis', fromKey: 'B1', toLevelId: 'region', toKey: 'SUED', weight: 1, basis: 'area' },
      { fromLevelId: 'kreis', fromKey: 'B2', toLevelId: 'region', toKey: 'SUED', weight: 1, basis: 'area' },
    ],
    indicators: INDICATORS,
    observations: [...kreisObservations(), ...landObservations()],
  };
}

/** A later import that changes one value (for cache invalidation). */
export function correctionBatch(sgb2OfA1In2020: number): BatchInput {
  const pop = POP.A1![4]!;
  return {
    file: 'correction',
    format: 'test',
    mapping: { fixture: 'correction', value: sgb2OfA1In2020 },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: [],
    observations: [
      value('sgb2', 'kreis', 'A1', '2020', sgb2OfA1In2020),
      value('sgb2_quote', 'kreis', 'A1', '2020', (100 * sgb2OfA1In2020) / pop),
    ],
  };
}

/** A composite index over the fixture: SGB II share up, income down; small Kreise left out. */
export const TEST_PRESET = `
id: test-bedarf
name: Bedarfsindex (Test)
population: pop
standardise: { method: z, sd: population }
combine: sum
restandardise: { method: z, sd: population }
classes:
  - { code: 1, label: gering, interval: '(-inf, 0)' }
  - { code: 2, label: hoch, interval: '[0, inf)' }
exclude:
  minPopulation: 1000
explainTop: 1
versions:
  - version: 1
    appliesTo: { to: '2017' }
    components:
      - { id: SGB, indicator: sgb2_quote, direction: 1, weight: 1 }
  - version: 2
    appliesTo: { from: '2018' }
    components:
      - { id: SGB, indicator: sgb2_quote, direction: 1, weight: 1 }
      - { id: EK, indicator: income, direction: -1, weight: 1 }
`;

/** A cross class of the same index twice, to exercise the cross-class path. */
export const TEST_CROSS = `
id: test-doppel
version: 1
name: Doppelklasse (Test)
parts:
  - { name: Eins, index: test-bedarf }
  - { name: Zwei, index: test-bedarf }
code: '{Eins.code}/{Zwei.code}'
number: '{Eins.code}{Zwei.code}'
label: '{Eins.label} und {Zwei.label}'
`;

export const TEST_RULES = `
rules:
  - { id: quote-hoch, kind: threshold, level: kreis, indicator: sgb2_quote, threshold: 9 }
  - { id: quote-abweichung, kind: deviation, level: kreis, indicator: sgb2_quote, k: 1 }
  - { id: klasse-abstieg, kind: class_drop, level: kreis, classes: { indicator: klasse } }
  - { id: quote-trend, kind: worsening_trend, level: kreis, indicator: sgb2_quote }
  - { id: index-abstieg, kind: class_drop, level: kreis, classes: { index: test-bedarf } }
`;

export interface FixtureStore {
  store: Store;
  dir: string;
  presetDir: string;
  rulesFile: string;
  cleanup: () => Promise<void>;
}

export async function fixtureStore(): Promise<FixtureStore> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-analysis-'));
  const presetDir = join(dir, 'indices');
  const rulesFile = join(dir, 'warnings.yaml');
  mkdirSync(presetDir);
  writeFileSync(join(presetDir, 'test-bedarf.yaml'), TEST_PRESET);
  writeFileSync(join(presetDir, 'test-doppel.yaml'), TEST_CROSS);
  writeFileSync(rulesFile, TEST_RULES);
  const store = createSqliteStore(join(dir, 'analysis.db'));
  await store.migrate();
  await store.applyBatch(baseBatch());
  return {
    store,
    dir,
    presetDir,
    rulesFile,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
