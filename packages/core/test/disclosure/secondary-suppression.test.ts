import { describe, expect, it } from 'vitest';
import {
  attackPublication,
  protectIndicator,
  validateDisclosureRule,
  type DisclosureHierarchy,
} from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { hierarchy, label, obs } from './fixtures.ts';

const rule3 = validateDisclosureRule({ minCount: 3 });

function protect(
  observations: Observation[],
  hierarchies: DisclosureHierarchy[],
  rule = rule3,
  population?: Observation[],
) {
  const result = protectIndicator({
    indicator: { id: 'cases', aggregation: 'sum' },
    rule,
    observations,
    hierarchies,
    ...(population ? { population } : {}),
  });
  const attack = attackPublication({
    observations: result.observations,
    hierarchies,
    minWidth: rule.minCount ?? 1,
  });
  return { ...result, attack };
}

/** Primary suppression only, as a naive publisher would do it. */
function naive(
  observations: Observation[],
  hierarchies: DisclosureHierarchy[],
  rule = rule3,
  population?: Observation[],
) {
  const result = protectIndicator({
    indicator: { id: 'cases', aggregation: 'sum' },
    rule,
    observations,
    hierarchies: [],
    ...(population ? { population } : {}),
  });
  return attackPublication({ observations: result.observations, hierarchies, minWidth: rule.minCount ?? 1 });
}

const suppressed = (list: Observation[]) => list.filter((o) => o.status === 'suppressed').map(label);

/** Observations for the given leaf values on level `g`, with every parent of every hierarchy summed up. */
function table(leaves: Record<string, number>, hierarchies: DisclosureHierarchy[]): Observation[] {
  const values = new Map(Object.entries(leaves).map(([k, v]) => [`g ${k}`, v]));
  for (const h of hierarchies)
    h.parentOf.forEach((map, i) => {
      const sums = new Map<string, number>();
      for (const [child, parent] of map)
        sums.set(parent, (sums.get(parent) ?? 0) + values.get(`${h.levels[i]} ${child}`)!);
      for (const [parent, v] of sums) values.set(`${h.levels[i + 1]} ${parent}`, v);
    });
  return [...values].map(([key, v]) => {
    const [levelId, areaKey] = key.split(' ') as [string, string];
    return obs(levelId, areaKey, v);
  });
}

const kreis = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K' }]);

describe('secondary suppression within one group', () => {
  it('suppresses the smallest sibling that makes the hidden sum reach minCount', () => {
    const input = table({ a: 1, b: 10, c: 5, d: 7 }, [kreis]);
    expect(naive(input, [kreis]).recovered.map(label)).toEqual(['g a']);
    const { observations, report, attack } = protect(input, [kreis]);
    expect(suppressed(observations)).toEqual(['g a', 'g c']);
    expect(report.secondary).toEqual([
      {
        levelId: 'g',
        areaKey: 'c',
        table: 'value',
        value: 5,
        protects: { levelId: 'g', areaKey: 'a' },
        threat: 'single_unknown',
        group: { hierarchyId: 'g-k', parentLevelId: 'k', parentKey: 'K', childLevelId: 'g' },
        round: 0,
      },
    ]);
    expect(report.byReason).toMatchObject({ min_count: 1, complement: 1 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
  });

  it('breaks ties between equally small siblings by area key', () => {
    const input = table({ a: 1, d: 4, c: 4, b: 9 }, [kreis]);
    expect(suppressed(protect(input, [kreis]).observations)).toEqual(['g a', 'g c']);
  });

  it('adds a complement when two small cells add up to less than minCount', () => {
    // a + b = 2 is published implicitly (K − c − d): both would be pinned to [0, 2].
    const input = table({ a: 1, b: 1, c: 8, d: 20 }, [kreis]);
    expect(naive(input, [kreis]).narrow.map(label)).toEqual(['g a', 'g b']);
    const { observations, report, attack } = protect(input, [kreis]);
    expect(suppressed(observations)).toEqual(['g a', 'g b', 'g c']);
    expect(report.secondary[0]).toMatchObject({ areaKey: 'c', threat: 'narrow_interval' });
    expect(attack.narrow).toEqual([]);
  });

  it('needs no complement when the suppressed cells already hide enough', () => {
    const input = table({ a: 1, b: 2, c: 8, d: 20 }, [kreis]);
    const { observations, report, attack } = protect(input, [kreis]);
    expect(suppressed(observations)).toEqual(['g a', 'g b']);
    expect(report.secondary).toEqual([]);
    expect(attack).toMatchObject({ recovered: [], narrow: [] });
  });

  it('suppresses the parent of a single child', () => {
    const single = hierarchy('g-k', ['g', 'k'], [{ a: 'K' }]);
    const { observations, report } = protect([obs('g', 'a', 2), obs('k', 'K', 2)], [single]);
    expect(suppressed(observations)).toEqual(['g a', 'k K']);
    expect(report.byReason).toMatchObject({ min_count: 2, complement: 0 });
  });

  it('suppresses a parent whose only child is suppressed, then protects the parent in its own group', () => {
    const chain = hierarchy(
      'g-k-l',
      ['g', 'k', 'l'],
      [
        { a: 'K1', b: 'K2', c: 'K2', d: 'K3' },
        { K1: 'L', K2: 'L', K3: 'L' },
      ],
    );
    const rule = validateDisclosureRule({ minPopulation: { indicatorId: 'population', threshold: 100 } });
    const input = table({ a: 40, b: 30, c: 35, d: 50 }, [chain]);
    // Only Gemeinde a is small; its count of 40 is not.
    const population = input.map((o) => ({
      ...o,
      indicatorId: 'population',
      value: o.areaKey === 'a' ? 60 : 1000,
    }));
    const { observations, attack, report } = protect(input, [chain], rule, population);
    expect(suppressed(observations)).toEqual(['g a', 'g d', 'k K1', 'k K3']);
    expect(report.secondary.map((s) => [label(s), label(s.protects), s.threat])).toEqual([
      ['k K1', 'g a', 'single_unknown'],
      ['k K3', 'k K1', 'single_unknown'],
      ['g d', 'k K3', 'single_unknown'],
    ]);
    expect(report.byReason).toMatchObject({ min_population: 1, complement: 3 });
    expect(attack.recovered).toEqual([]);
  });
});

describe('secondary suppression across levels and hierarchies', () => {
  it('protects a chain of three levels (Gemeinde → Kreis → Land) to a fixed point', () => {
    const chain = hierarchy(
      'g-k-l',
      ['g', 'k', 'l'],
      [
        { a1: 'K1', a2: 'K1', b1: 'K2', b2: 'K2', b3: 'K2', c1: 'K3', c2: 'K3' },
        { K1: 'L', K2: 'L', K3: 'L' },
      ],
    );
    // K1 = 2 is small itself: the Land equation exposes it unless another Kreis is hidden (K3, the
    // smallest that hides at least 3), and K3's own Gemeinden then expose it unless one of them is
    // hidden too (c2, the smallest of at least 3).
    const input = table({ a1: 2, a2: 0, b1: 7, b2: 9, b3: 12, c1: 6, c2: 5 }, [chain]);
    expect(naive(input, [chain]).recovered.map(label)).toEqual(['g a1', 'k K1']);
    const { observations, attack, report } = protect(input, [chain]);
    expect(suppressed(observations)).toEqual(['g a1', 'g c2', 'k K1', 'k K3']);
    expect(report.secondary.map((s) => [label(s), label(s.protects)])).toEqual([
      ['k K3', 'k K1'],
      ['g c2', 'k K3'],
    ]);
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
  });

  it('protects two overlapping hierarchies: Gemeinde → Kreis and Gemeinde → Amt → Kreis', () => {
    const direct = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K', e: 'K', f: 'K' }]);
    const viaAmt = hierarchy(
      'g-amt-k',
      ['g', 'amt', 'k'],
      [
        { a: 'A1', b: 'A1', c: 'A2', d: 'A2', e: 'A3', f: 'A3' },
        { A1: 'K', A2: 'K', A3: 'K' },
      ],
    );
    const input = table({ a: 1, b: 9, c: 4, d: 11, e: 30, f: 25 }, [direct, viaAmt]);
    // Within the Kreis alone the smallest complement is c (4); but a and c lie in different Ämter, so
    // the Amt equations still give both away. Protecting both hierarchies, the engine takes b (9),
    // a's sibling in the Kreis and in its Amt: one complement covers both.
    expect(naive(input, [direct, viaAmt]).recovered.map(label)).toEqual(['g a']);
    const protectedKreisOnly = protect(input, [direct]);
    expect(suppressed(protectedKreisOnly.observations)).toEqual(['g a', 'g c']);
    expect(
      attackPublication({
        observations: protectedKreisOnly.observations,
        hierarchies: [direct, viaAmt],
      }).recovered.map(label),
    ).toEqual(['g a', 'g c']);
    const { observations, attack, report } = protect(input, [direct, viaAmt]);
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
    expect(suppressed(observations)).toEqual(['g a', 'g b']);
    expect(report.secondary.map((s) => [label(s), s.group.hierarchyId])).toEqual([['g b', 'g-k']]);
  });

  it('catches what only linear algebra finds, in a later round', () => {
    const hierarchies = [
      hierarchy('h1', ['g', 'a'], [{ x: 'A1', y: 'A1', z: 'A2' }]),
      hierarchy('h2', ['g', 'b'], [{ y: 'B1', z: 'B1', x: 'B2' }]),
      hierarchy('h3', ['g', 'c'], [{ x: 'C1', z: 'C1', y: 'C2' }]),
    ];
    const input = table({ x: 10, y: 20, z: 30 }, hierarchies);
    const rule = validateDisclosureRule({
      minCount: 3,
      minPopulation: { indicatorId: 'population', threshold: 100 },
    });
    const population = input.map((o) => ({
      ...o,
      indicatorId: 'population',
      value: o.levelId === 'g' ? 50 : 500,
    }));
    const { observations, report, attack } = protect(input, hierarchies, rule, population);
    expect(report.rounds).toBe(2);
    expect(report.secondary.map((s) => [label(s), s.threat, s.round])).toEqual([
      ['a A2', 'single_unknown', 0],
      ['b B2', 'single_unknown', 0],
      ['c C2', 'single_unknown', 0],
      // x + y = A1, y + z = B1, x + z = C1 give x away; hiding the smallest of the three totals breaks it.
      ['a A1', 'linear_combination', 1],
    ]);
    expect(attack.recovered).toEqual([]);
    expect(suppressed(observations)).toHaveLength(7);
  });

  it('uses an incomplete hierarchy only as an upper bound', () => {
    const incomplete = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K' }], false);
    // K includes people without an assigned Gemeinde: 12 more than the Gemeinden add up to.
    const input = [
      ...table({ a: 1, b: 10, c: 5, d: 7 }, [kreis]).filter((o) => o.levelId === 'g'),
      obs('k', 'K', 35),
    ];
    const { observations, attack } = protect(input, [incomplete]);
    expect(suppressed(observations)).toEqual(['g a']);
    expect(attack.narrow).toEqual([]);
    // Without the remainder, K − b − c − d = 1 would bound a to [0, 1]: a complement is needed.
    const tight = [...input.filter((o) => o.levelId === 'g'), obs('k', 'K', 23)];
    const result = protect(tight, [incomplete]);
    expect(suppressed(result.observations)).toEqual(['g a', 'g c']);
    expect(result.report.secondary[0]!.threat).toBe('narrow_interval');
  });

  it('warns when a hierarchy declared complete does not add up', () => {
    const input = [
      ...table({ a: 1, b: 10, c: 5, d: 7 }, [kreis]).filter((o) => o.levelId === 'g'),
      obs('k', 'K', 30),
    ];
    const { report } = protect(input, [kreis]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'hierarchy_mismatch', count: 1, examples: ['k K (g, g-k)'] }),
    ]);
  });

  it('counts a level named in a hierarchy but absent from the data as unknown, and still protects', () => {
    // The Amt level has no observations: its equations still link the Gemeinden to the Kreis.
    const viaAmt = hierarchy(
      'g-amt-k',
      ['g', 'amt', 'k'],
      [
        { a: 'A1', b: 'A1', c: 'A2' },
        { A1: 'K', A2: 'K' },
      ],
    );
    const input = [obs('g', 'a', 1), obs('g', 'b', 6), obs('g', 'c', 9), obs('k', 'K', 16)];
    const { observations, attack } = protect(input, [viaAmt]);
    expect(suppressed(observations)).toEqual(['g a', 'g b']);
    expect(attack.recovered).toEqual([]);
  });

  it('decides the same whatever the order of the observations', () => {
    const direct = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K', e: 'K', f: 'K' }]);
    const viaAmt = hierarchy(
      'g-amt-k',
      ['g', 'amt', 'k'],
      [
        { a: 'A1', b: 'A1', c: 'A2', d: 'A2', e: 'A3', f: 'A3' },
        { A1: 'K', A2: 'K', A3: 'K' },
      ],
    );
    const input = table({ a: 1, b: 4, c: 4, d: 2, e: 30, f: 25 }, [direct, viaAmt]);
    const forward = suppressed(protect(input, [direct, viaAmt]).observations).sort();
    const backward = suppressed(protect([...input].reverse(), [direct, viaAmt]).observations).sort();
    expect(backward).toEqual(forward);
  });
});
