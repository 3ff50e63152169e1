import { describe, expect, it } from 'vitest';
import { attackPublication, protectIndicator, validateDisclosureRule } from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { hierarchy, label, obs } from './fixtures.ts';

const kreis = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K' }]);
const rule = validateDisclosureRule({ minCount: 3 });
const share = { id: 'cases', aggregation: 'ratio' } as const;

/** A share in percent with its counts. */
const ratio = (levelId: string, areaKey: string, numerator: number | null, denominator: number | null) =>
  obs(levelId, areaKey, numerator !== null && denominator ? (100 * numerator) / denominator : null, {
    numerator,
    denominator,
  });

const counts: [string, string, number, number][] = [
  ['g', 'a', 1, 40],
  ['g', 'b', 12, 60],
  ['g', 'c', 6, 50],
  ['g', 'd', 9, 90],
  ['k', 'K', 28, 240],
];
const input = counts.map(([l, k, n, d]) => ratio(l, k, n, d));
const suppressed = (list: Observation[]) => list.filter((o) => o.status === 'suppressed').map(label);

describe('shares and rates', () => {
  it('suppresses a share whose numerator is small, and protects the numerators along the hierarchy', () => {
    const result = protectIndicator({ indicator: share, rule, observations: input, hierarchies: [kreis] });
    expect(suppressed(result.observations)).toEqual(['g a', 'g c']);
    expect(result.suppressions).toEqual([
      { levelId: 'g', areaKey: 'a', kind: 'primary', reason: 'min_count', table: 'numerator' },
      { levelId: 'g', areaKey: 'c', kind: 'secondary', reason: 'complement', table: 'numerator' },
    ]);
    // The published shares keep their counts; the suppressed ones lose all numbers.
    expect(result.observations[1]).toEqual(input[1]);
    expect(result.observations[0]).toMatchObject({ value: null, numerator: null, denominator: null });
    // Neither the numerators nor the shares (share × published denominator) give a or c away.
    const attack = attackPublication({
      observations: result.observations,
      hierarchies: [kreis],
      field: 'numerator',
      minWidth: 3,
    });
    expect(attack).toMatchObject({ recovered: [], narrow: [] });
  });

  it('shows that primary suppression alone leaves the numerator recoverable', () => {
    const naive = protectIndicator({ indicator: share, rule, observations: input, hierarchies: [] });
    expect(suppressed(naive.observations)).toEqual(['g a']);
    const attack = attackPublication({
      observations: naive.observations,
      hierarchies: [kreis],
      field: 'numerator',
    });
    expect(attack.recovered).toEqual([{ levelId: 'g', areaKey: 'a', value: 1, method: 'single_equation' }]);
  });

  it('protects small denominators too (a share of two people)', () => {
    const small = [
      ratio('g', 'a', 0, 2),
      ratio('g', 'b', 12, 60),
      ratio('g', 'c', 6, 50),
      ratio('g', 'd', 9, 90),
    ];
    const all = [...small, ratio('k', 'K', 27, 202)];
    const result = protectIndicator({ indicator: share, rule, observations: all, hierarchies: [kreis] });
    expect(result.suppressions.map((s) => [s.areaKey, s.kind, s.reason, s.table])).toEqual([
      ['a', 'primary', 'min_count', 'denominator'],
      ['c', 'secondary', 'complement', 'denominator'],
    ]);
    expect(
      attackPublication({ observations: result.observations, hierarchies: [kreis], field: 'denominator' })
        .recovered,
    ).toEqual([]);
  });

  it('takes the counts from separate numerator and denominator observations when given', () => {
    const bare = input.map((o) => ({ ...o, numerator: null, denominator: null }));
    const numerators = counts.map(([l, k, n]) => obs(l, k, n, { indicatorId: 'sgb2' }));
    const denominators = counts.map(([l, k, , d]) => obs(l, k, d, { indicatorId: 'population' }));
    const result = protectIndicator({
      indicator: share,
      rule,
      observations: bare,
      hierarchies: [kreis],
      numerators,
      denominators,
    });
    expect(suppressed(result.observations)).toEqual(['g a', 'g c']);
  });

  it('suppresses a share whose numerator is unknown, and protects it like a small one', () => {
    const bare = input.map((o) => (o.areaKey === 'b' ? { ...o, numerator: null } : o));
    const result = protectIndicator({ indicator: share, rule, observations: bare, hierarchies: [kreis] });
    expect(result.suppressions.map((s) => [s.areaKey, s.reason])).toEqual([
      ['a', 'min_count'],
      ['b', 'numerator_unknown'],
    ]);
    expect(result.report.byReason).toMatchObject({ min_count: 1, numerator_unknown: 1, complement: 0 });
  });
});
