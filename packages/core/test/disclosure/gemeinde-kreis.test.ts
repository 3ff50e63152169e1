import { openDbf } from 'shapefile';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attackPublication,
  protectIndicator,
  validateDisclosureRule,
  type DisclosureHierarchy,
} from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { obs, seeded } from './fixtures.ts';

/**
 * The real German hierarchy (VG250-EW 31.12.2022 in demo/data: 10,990 Gemeinden, their
 * Gemeindeverbände from the ARS, 400 Kreise, 16 Länder) with a synthetic rare count per Gemeinde
 * (about 3 to 7 cases per 10,000 residents, seeded), so that thousands of Gemeinden have 1 or 2
 * cases. Two hierarchies: Gemeinde → Kreis → Land and Gemeinde → Gemeindeverband → Kreis.
 */
const DBF = new URL('../../../../demo/data/vg250-ew-2022/VG250_GEM.dbf', import.meta.url);

interface Gemeinde {
  ars: string;
  ewz: number;
}

let gemeinden: Gemeinde[];
let observations: Observation[];
let population: Observation[];
let hierarchies: DisclosureHierarchy[];

beforeAll(async () => {
  const source = await openDbf(DBF.pathname, { encoding: 'utf-8' });
  gemeinden = [];
  for (let r = await source.read(); !r.done; r = await source.read()) {
    const rec = r.value as { ARS: string; EWZ: number; GF: number };
    // GF 4: land areas with population (GF 2 repeats them for water areas).
    if (rec.GF === 4) gemeinden.push({ ars: rec.ARS, ewz: rec.EWZ });
  }
  const random = seeded(0x5eed);
  const cases = new Map(gemeinden.map((g) => [g.ars, Math.floor(g.ewz * (0.0003 + 0.0004 * random()))]));
  const keys = gemeinden.map((g) => g.ars);
  const level = (length: number) => new Map(keys.map((k) => [k, k.slice(0, length)]));
  const kreisOfVerband = new Map(keys.map((k) => [k.slice(0, 9), k.slice(0, 5)]));
  const landOfKreis = new Map(keys.map((k) => [k.slice(0, 5), k.slice(0, 2)]));
  hierarchies = [
    {
      id: 'gemeinde-kreis-land',
      levels: ['gemeinde', 'kreis', 'land'],
      parentOf: [level(5), landOfKreis],
      complete: true,
    },
    {
      id: 'gemeinde-verband-kreis',
      levels: ['gemeinde', 'verband', 'kreis'],
      parentOf: [level(9), kreisOfVerband],
      complete: true,
    },
  ];
  const totals = (length: number, of: Map<string, number>) => {
    const sums = new Map<string, number>();
    for (const [k, v] of of) sums.set(k.slice(0, length), (sums.get(k.slice(0, length)) ?? 0) + v);
    return sums;
  };
  const rows = (values: Map<string, number>, indicatorId: string) => [
    ...[...values].map(([k, v]) => obs('gemeinde', k, v, { indicatorId })),
    ...[...totals(9, values)].map(([k, v]) => obs('verband', k, v, { indicatorId })),
    ...[...totals(5, values)].map(([k, v]) => obs('kreis', k, v, { indicatorId })),
    ...[...totals(2, values)].map(([k, v]) => obs('land', k, v, { indicatorId })),
  ];
  observations = rows(cases, 'cases');
  population = rows(new Map(gemeinden.map((g) => [g.ars, g.ewz])), 'population');
});

const rule = validateDisclosureRule({
  minCount: 3,
  minPopulation: { indicatorId: 'population', threshold: 100 },
});
const protect = (hs: DisclosureHierarchy[]) =>
  protectIndicator({
    indicator: { id: 'cases', aggregation: 'sum' },
    rule,
    observations,
    hierarchies: hs,
    population,
  });

describe('Gemeinde → Kreis → Land and Gemeinde → Gemeindeverband → Kreis (real hierarchy, synthetic counts)', () => {
  it('has the real structure and many small counts', () => {
    expect(gemeinden).toHaveLength(10990);
    const levels = new Map<string, number>();
    for (const o of observations) levels.set(o.levelId, (levels.get(o.levelId) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toMatchObject({ gemeinde: 10990, kreis: 400, land: 16 });
    expect(levels.get('verband')).toBeGreaterThan(4000);
    expect(
      observations.filter((o) => o.levelId === 'gemeinde' && o.value! > 0 && o.value! < 3).length,
    ).toBeGreaterThan(2000);
  });

  it('is broken open by the attacker when only the primary cells are suppressed', () => {
    const naive = protect([]);
    const attack = attackPublication({ observations: naive.observations, hierarchies, minWidth: 3 });
    expect(naive.report.byReason.min_population).toBeGreaterThan(0);
    expect(attack.recovered.length).toBeGreaterThan(100);
  });

  it('leaves nothing to recover after secondary suppression along both hierarchies', () => {
    const { observations: published, report } = protect(hierarchies);
    const attack = attackPublication({ observations: published, hierarchies, minWidth: 3 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.byReason.complement).toBeGreaterThan(0);
    // Every Land total stays published, and no published value is a small count.
    expect(published.filter((o) => o.levelId === 'land').every((o) => o.status === 'final')).toBe(true);
    expect(published.filter((o) => o.value !== null && o.value > 0 && o.value < 3)).toEqual([]);
  });
});
