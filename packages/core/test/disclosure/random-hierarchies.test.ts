import { describe, expect, it } from 'vitest';
import {
  attackPublication,
  protectIndicator,
  validateDisclosureRule,
  type DisclosureHierarchy,
} from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { obs, seeded } from './fixtures.ts';

/**
 * Property test over many random tables, with fixed seeds (the same cases on every run): leaves with
 * small counts in a three-level hierarchy (leaf → middle → top → root), a second hierarchy that groups
 * the same leaves differently under the same tops, sometimes a third level of districts across the
 * tops, sometimes missing or already confidential leaves, sometimes an incomplete hierarchy. Whatever
 * the engine publishes, the attacker must find nothing.
 */
interface Case {
  observations: Observation[];
  hierarchies: DisclosureHierarchy[];
  population: Observation[];
}

function randomCase(seed: number): Case {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const tops = 1 + pick(3);
  const leaves: { key: string; top: string; middle: string; alt: string; value: number }[] = [];
  for (let t = 0; t < tops; t++) {
    const middles = 1 + pick(4);
    for (let m = 0; m < middles; m++) {
      const size = 1 + pick(5);
      for (let l = 0; l < size; l++) {
        // Mostly small counts: 0, 1, 2 are frequent, a few larger ones.
        const value = random() < 0.7 ? pick(4) : pick(25);
        leaves.push({
          key: `L${t}${m}${l}`,
          top: `T${t}`,
          middle: `M${t}${m}`,
          alt: `A${t}${pick(3)}`,
          value,
        });
      }
    }
  }
  const complete = random() < 0.85;
  const map = (f: (l: (typeof leaves)[number]) => [string, string]) => new Map(leaves.map(f));
  const hierarchies: DisclosureHierarchy[] = [
    {
      id: 'leaf-middle-top-root',
      levels: ['leaf', 'middle', 'top', 'root'],
      parentOf: [map((l) => [l.key, l.middle]), map((l) => [l.middle, l.top]), map((l) => [l.top, 'R'])],
      complete,
    },
    {
      id: 'leaf-alt-top',
      levels: ['leaf', 'alt', 'top'],
      parentOf: [map((l) => [l.key, l.alt]), map((l) => [l.alt, l.top])],
      complete,
    },
  ];
  if (random() < 0.4)
    hierarchies.push({
      id: 'leaf-district',
      levels: ['leaf', 'district'],
      parentOf: [map((l) => [l.key, `D${pick(3)}`])],
      complete,
    });
  const values = new Map<string, number>(leaves.map((l) => [`leaf ${l.key}`, l.value]));
  for (const h of hierarchies)
    h.parentOf.forEach((parentOf, i) => {
      const sums = new Map<string, number>();
      for (const [child, parent] of parentOf) {
        const key = `${h.levels[i + 1]} ${parent}`;
        sums.set(key, (sums.get(key) ?? 0) + values.get(`${h.levels[i]} ${child}`)!);
      }
      // An incomplete hierarchy: parents hold a remainder that is assigned to no child.
      for (const [key, v] of sums) values.set(key, v + (complete ? 0 : pick(3)));
    });
  const observations = [...values].map(([cell, value]) => {
    const [levelId, areaKey] = cell.split(' ') as [string, string];
    const roll = random();
    if (levelId === 'leaf' && roll < 0.04)
      return obs(levelId, areaKey, null, { status: 'missing', missingReason: 'later' });
    if (levelId === 'leaf' && roll < 0.08)
      return obs(levelId, areaKey, null, { status: 'missing', missingReason: 'secret' });
    return obs(levelId, areaKey, value);
  });
  const population = observations.map((o) => ({
    ...o,
    indicatorId: 'population',
    value: o.levelId === 'leaf' && random() < 0.1 ? 20 : 5000,
    status: 'final' as const,
    missingReason: null,
  }));
  return { observations, hierarchies, population };
}

const rules = [
  validateDisclosureRule({ minCount: 3 }),
  validateDisclosureRule({ minCount: 5, publishZeros: false }),
  validateDisclosureRule({ minCount: 3, minPopulation: { indicatorId: 'population', threshold: 100 } }),
];
const SEEDS = Array.from({ length: 200 }, (_, i) => 1000 + i);

describe('random hierarchies (200 seeded cases × 3 rules)', () => {
  it('leaves nothing that the attacker can derive or pin below minCount', () => {
    let naiveFinds = 0;
    let complements = 0;
    let laterRounds = 0;
    for (const seed of SEEDS) {
      const { observations, hierarchies, population } = randomCase(seed);
      for (const rule of rules) {
        const input = {
          indicator: { id: 'cases', aggregation: 'sum' as const },
          rule,
          observations,
          population,
        };
        const result = protectIndicator({ ...input, hierarchies });
        const attack = attackPublication({
          observations: result.observations,
          hierarchies,
          minWidth: rule.minCount!,
        });
        const context = { seed, rule, suppressed: result.report.suppressed };
        expect({ ...context, recovered: attack.recovered }).toEqual({ ...context, recovered: [] });
        expect({ ...context, narrow: attack.narrow }).toEqual({ ...context, narrow: [] });
        expect(result.report.warnings.filter((w) => w.code === 'unprotected')).toEqual([]);
        const naive = protectIndicator({ ...input, hierarchies: [] });
        const naiveAttack = attackPublication({
          observations: naive.observations,
          hierarchies,
          minWidth: rule.minCount!,
        });
        naiveFinds += naiveAttack.recovered.length + naiveAttack.narrow.length;
        complements += result.report.byReason.complement;
        if (result.report.rounds > 1) laterRounds++;
      }
    }
    // The attacker is not toothless, and the engine did real work.
    expect(naiveFinds).toBeGreaterThan(500);
    expect(complements).toBeGreaterThan(500);
    expect(laterRounds).toBeGreaterThan(0);
  });

  it('is deterministic: the same input gives the same publication', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const { observations, hierarchies, population } = randomCase(seed);
      const input = {
        indicator: { id: 'cases', aggregation: 'sum' as const },
        rule: rules[2]!,
        population,
        hierarchies,
      };
      const once = protectIndicator({ ...input, observations });
      const again = protectIndicator({ ...input, observations: [...observations].reverse() });
      expect([...again.observations].reverse()).toEqual(once.observations);
    }
  });
});
