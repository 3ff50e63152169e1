import type { FastifyInstance } from 'fastify';
import type { Area, IndicatorInput, Observation, SpatialLevel } from '@lagebild/core';
import { area as storedArea, obs } from '../../../../packages/store/test/fixtures.ts';
import { createSqliteStore, type Store } from '@lagebild/store';
import { buildApp } from '../../src/app.ts';
import { createAppContext } from '../../src/app-context-factory.ts';

/**
 * A small Kreis for the access tests: Kreis → 3 Gemeinden → 6 Ortsteile, with
 * - `einwohner` (public) and `hze_faelle`, cases of educational help (public, rule "counts < 3"),
 *   whose Ortsteil 1a holds 1 case in 2024;
 * - `hze_quote`, derived from both (public);
 * - `kita_intern` (internal), `kindeswohl` (confidential, topic Jugendhilfe) and `sgb2_quote` (internal,
 *   but public on the Kreis level), whose values are sentinels that must never reach the public;
 * - `intern_mix`, public but derived from an internal input.
 */
export const SENTINELS = {
  kita_intern: [987654.321, 987653.321],
  kindeswohl: [813579.2468, 813578.2468],
  sgb2_gemeinde: [624681.3579],
};

/** Ways a number can be written in an output (JSON, CSV de/en, XLSX XML). */
export function spellings(value: number): string[] {
  const [int, frac] = String(value).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return [String(value), `${int},${frac}`, `${grouped},${frac}`];
}

const LEVELS: SpatialLevel[] = [
  level('kreis', 'Kreis', null, 1),
  level('gemeinde', 'Gemeinde', 'kreis', 2),
  level('ortsteil', 'Ortsteil', 'gemeinde', 3),
];

export const ORTSTEILE: Record<string, string[]> = {
  G1: ['O1a', 'O1b'],
  G2: ['O2a', 'O2b'],
  G3: ['O3a', 'O3b'],
};

const area = (levelId: string, key: string, name: string, parentKey: string | null): Area =>
  storedArea({ levelId, key, name, parentKey });

const AREAS: Area[] = [
  area('kreis', 'K', 'Landkreis Muster', null),
  ...Object.keys(ORTSTEILE).map((g) => area('gemeinde', g, `Gemeinde ${g}`, 'K')),
  ...Object.entries(ORTSTEILE).flatMap(([g, os]) => os.map((o) => area('ortsteil', o, `Ortsteil ${o}`, g))),
];

const INDICATORS: IndicatorInput[] = [
  { id: 'einwohner', name: 'Einwohner', unit: 'Personen', kind: 'count', topic: 'Bevölkerung' },
  { id: 'hze_faelle', name: 'Hilfen zur Erziehung', unit: 'Fälle', kind: 'count', topic: 'Jugendhilfe' },
  {
    id: 'hze_quote',
    name: 'HzE je 1.000 Einwohner',
    unit: 'je 1.000',
    kind: 'rate',
    ratePer: 1000,
    aggregation: 'none',
    formula: '1000 * hze_faelle / einwohner',
  },
  {
    id: 'kita_intern',
    name: 'Kita-Wartelisten intern',
    unit: 'Kinder',
    kind: 'count',
    topic: 'Kinder',
    confidentiality: 'internal',
  },
  {
    id: 'kindeswohl',
    name: 'Kindeswohlgefährdungen',
    unit: 'Fälle',
    kind: 'count',
    topic: 'Jugendhilfe',
    confidentiality: 'confidential',
  },
  { id: 'sgb2_quote', name: 'SGB-II-Quote', unit: '%', kind: 'share', topic: 'Arbeit', aggregation: 'none' },
  {
    id: 'intern_mix',
    name: 'Mischung',
    unit: 'Personen',
    kind: 'count',
    formula: 'einwohner + kita_intern',
  },
];

/** Cases per Ortsteil and year; Gemeinden and Kreis are their sums (the hierarchy is complete). */
const HZE: Record<string, Record<string, number>> = {
  '2023': { O1a: 4, O1b: 6, O2a: 4, O2b: 5, O3a: 7, O3b: 8 },
  '2024': { O1a: 1, O1b: 6, O2a: 4, O2b: 5, O3a: 7, O3b: 8 },
};

function observations(): Observation[] {
  const out: Observation[] = [];
  const keys = AREAS.map((a) => [a.levelId, a.key] as const);
  for (const period of ['2023', '2024']) {
    const hze = HZE[period]!;
    const sum = (os: string[]) => os.reduce((s, o) => s + hze[o]!, 0);
    for (const [g, os] of Object.entries(ORTSTEILE)) {
      for (const o of os) out.push(obs('hze_faelle', 'ortsteil', o, period, hze[o]!));
      out.push(obs('hze_faelle', 'gemeinde', g, period, sum(os)));
    }
    out.push(obs('hze_faelle', 'kreis', 'K', period, sum(Object.values(ORTSTEILE).flat())));
    keys.forEach(([levelId, key], i) => {
      out.push(obs('einwohner', levelId, key, period, 1000 * (i + 1)));
      const p = period === '2024' ? 0 : 1;
      out.push(obs('kita_intern', levelId, key, period, SENTINELS.kita_intern[p]! - i * 1000));
      out.push(obs('kindeswohl', levelId, key, period, SENTINELS.kindeswohl[p]! - i * 1000));
      out.push(
        obs('sgb2_quote', levelId, key, period, levelId === 'kreis' ? 7.5 : SENTINELS.sgb2_gemeinde[0]! - i),
      );
    });
  }
  return out;
}

export interface AccessApp {
  app: FastifyInstance;
  store: Store;
  close: () => Promise<void>;
}

/** The fixture in a fresh in-memory store, with the rule on `hze_faelle` and the Kreis-level class. */
export async function accessApp(): Promise<AccessApp> {
  const store = createSqliteStore(':memory:');
  await store.migrate();
  await store.applyBatch({
    file: 'access-fixture.csv',
    format: 'csv',
    mapping: {},
    levels: LEVELS,
    areas: AREAS,
    correspondences: [],
    indicators: INDICATORS,
    observations: observations(),
  });
  await store.access.setDisclosureRule('hze_faelle', {
    minCount: 3,
    publishZeros: true,
    minPopulation: null,
    poolPeriods: null,
  });
  await store.access.setIndicatorConfidentiality('sgb2_quote', 'internal');
  await store.access.setIndicatorConfidentiality('sgb2_quote', 'public', { levelId: 'kreis' });
  const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

function level(id: string, name: string, parentLevelId: string | null, sortOrder: number): SpatialLevel {
  return { id, name, nameEn: null, kind: 'administrative', parentLevelId, sortOrder, description: null };
}
