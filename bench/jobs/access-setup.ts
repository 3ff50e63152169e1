import type { Area, IndicatorInput, Observation, SpatialLevel } from '@lagebild/core';
import { createSqliteStore } from '@lagebild/store';
import { hashPassword } from '../../apps/server/src/auth/password.ts';
import { generateNational, YEARS } from '../fixtures/national.ts';
import { stopwatch, type JobOutcome } from '../harness.ts';

/**
 * Benchmark 7, untimed preparation: a SQLite store with the national synthetic set of benchmark 3
 * (16 Länder → 400 Kreise → 11,000 Gemeinden) and, for the last `periods` years, on all three
 * levels (Kreise and Länder are the sums, so the hierarchy is complete):
 * - `c_01`, the population (public, no rule): what the jobs warm the server up with;
 * - `faelle` and `faelle_geschuetzt`, the same rare count (5 cases per 10,000 residents, about 5,000
 *   Gemeinden with 1 or 2 cases: the hard case of benchmark 5), the second with the disclosure rule
 *   `minCount: 3`. Same values, so the rule is the only difference between the variants.
 * Plus a user with the role `statistikstelle`, who is exempt from disclosure control.
 */
export interface AccessSetupParams {
  target: string;
  periods: number;
}

export const ACCESS_INDICATORS = { warmUp: 'c_01', open: 'faelle', ruled: 'faelle_geschuetzt' } as const;
export const OFFICE_LOGIN = 'bench-statistikstelle';
export const OFFICE_PASSWORD = 'Bench-Statistik-2026!';

export function accessPeriods(count: number): string[] {
  return YEARS.slice(-count);
}

export async function accessSetup(params: AccessSetupParams): Promise<JobOutcome> {
  const timer = stopwatch();
  const data = generateNational();
  const levels: SpatialLevel[] = [
    level('land', 'Land', null, 1),
    level('kreis', 'Kreis', 'land', 2),
    level('gemeinde', 'Gemeinde', 'kreis', 3),
  ];
  const areas: Area[] = [
    ...data.laender.map((key) => area('land', key, null)),
    ...data.kreise.map((key) => area('kreis', key, data.kreisParent.get(key)!)),
    ...data.gemeinden.map((key) => area('gemeinde', key, data.gemeindeParent.get(key)!)),
  ];
  const count = (id: string, name: string): IndicatorInput => ({
    id,
    name,
    unit: 'Personen',
    kind: 'count',
    topic: 'Bench',
  });
  const indicators = [
    count(ACCESS_INDICATORS.warmUp, 'Einwohner'),
    count(ACCESS_INDICATORS.open, 'Fälle'),
    count(ACCESS_INDICATORS.ruled, 'Fälle (geschützt)'),
  ];
  const population = data.counts[0]!;
  const observations: Observation[] = [];
  for (const period of accessPeriods(params.periods)) {
    const y = YEARS.indexOf(period);
    const people = (g: number) => population[g * YEARS.length + y]!;
    const cases = (g: number) => Math.round(people(g) * 0.0005);
    observations.push(...table(data, ACCESS_INDICATORS.warmUp, period, people));
    observations.push(...table(data, ACCESS_INDICATORS.open, period, cases));
    observations.push(...table(data, ACCESS_INDICATORS.ruled, period, cases));
  }
  const store = createSqliteStore(params.target);
  try {
    await store.migrate();
    await store.applyBatch({
      file: 'bench-access.csv',
      format: 'csv',
      mapping: {},
      levels,
      areas,
      correspondences: [],
      indicators,
      observations,
    });
    await store.access.setDisclosureRule(ACCESS_INDICATORS.ruled, {
      minCount: 3,
      publishZeros: true,
      minPopulation: null,
      poolPeriods: null,
    });
    await store.accounts.createUser({
      login: OFFICE_LOGIN,
      passwordHash: await hashPassword(OFFICE_PASSWORD),
      roles: ['statistikstelle'],
    });
  } finally {
    await store.close();
  }
  return {
    seconds: timer.seconds(),
    cpuSeconds: timer.cpuSeconds(),
    counts: { areas: areas.length, observations: observations.length },
  };
}

/** One count on all three levels for one period: Gemeinde values, Kreis and Land sums. */
function table(
  data: ReturnType<typeof generateNational>,
  indicatorId: string,
  period: string,
  value: (g: number) => number,
): Observation[] {
  const kreis = new Map<string, number>();
  const rows = data.gemeinden.map((key, g) => {
    const v = value(g);
    const k = data.gemeindeParent.get(key)!;
    kreis.set(k, (kreis.get(k) ?? 0) + v);
    return observation(indicatorId, 'gemeinde', key, period, v);
  });
  const land = new Map<string, number>();
  for (const [k, v] of kreis) {
    const l = data.kreisParent.get(k)!;
    land.set(l, (land.get(l) ?? 0) + v);
    rows.push(observation(indicatorId, 'kreis', k, period, v));
  }
  for (const [l, v] of land) rows.push(observation(indicatorId, 'land', l, period, v));
  return rows;
}

function observation(
  indicatorId: string,
  levelId: string,
  areaKey: string,
  period: string,
  value: number,
): Observation {
  return {
    indicatorId,
    levelId,
    areaKey,
    period,
    value,
    numerator: null,
    denominator: null,
    status: 'final',
    missingReason: null,
  };
}

function level(id: string, name: string, parentLevelId: string | null, sortOrder: number): SpatialLevel {
  return { id, name, nameEn: null, kind: 'administrative', parentLevelId, sortOrder, description: null };
}

function area(levelId: string, key: string, parentKey: string | null): Area {
  return {
    levelId,
    key,
    name: `${levelId} ${key}`,
    parentKey,
    validFrom: null,
    validTo: null,
    predecessors: [],
    sourceCrs: null,
    geometry: null,
    attributes: {},
  };
}
