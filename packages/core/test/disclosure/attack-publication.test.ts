import { describe, expect, it } from 'vitest';
import { attackPublication } from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { hierarchy, label, obs } from './fixtures.ts';

const hidden = (levelId: string, areaKey: string) =>
  obs(levelId, areaKey, null, { status: 'suppressed', missingReason: 'suppressed' });
const recovered = (
  observations: Observation[],
  hierarchies: Parameters<typeof attackPublication>[0]['hierarchies'],
) => attackPublication({ observations, hierarchies }).recovered.map((r) => [label(r), r.value, r.method]);

const kreis = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K' }]);

describe('attackPublication', () => {
  it('subtracts the published siblings from the published parent', () => {
    const published = [hidden('g', 'a'), obs('g', 'b', 10), obs('g', 'c', 5), obs('k', 'K', 17)];
    expect(recovered(published, [kreis])).toEqual([['g a', 2, 'single_equation']]);
  });

  it('adds up the children of a suppressed parent', () => {
    const published = [obs('g', 'a', 1), obs('g', 'b', 10), obs('g', 'c', 5), hidden('k', 'K')];
    expect(recovered(published, [kreis])).toEqual([['k K', 16, 'single_equation']]);
  });

  it('chains single equations across levels and hierarchies', () => {
    // Land L = K1 + K2; K1 = a + b. With L, K2 and b published, a follows in two steps.
    const chain = hierarchy(
      'g-k-l',
      ['g', 'k', 'l'],
      [
        { a: 'K1', b: 'K1', c: 'K2' },
        { K1: 'L', K2: 'L' },
      ],
    );
    const published = [
      hidden('g', 'a'),
      obs('g', 'b', 4),
      hidden('g', 'c'),
      hidden('k', 'K1'),
      obs('k', 'K2', 9),
      obs('l', 'L', 15),
    ];
    // In the order of the publication.
    expect(recovered(published, [chain])).toEqual([
      ['g a', 2, 'single_equation'],
      ['g c', 9, 'single_equation'],
      ['k K1', 6, 'single_equation'],
    ]);
  });

  it('solves equations that no single one of them gives away (linear algebra)', () => {
    // x + y, y + z and x + z are published in three hierarchies; every group has two unknowns.
    const hierarchies = [
      hierarchy('h1', ['g', 'a'], [{ x: 'A1', y: 'A1', z: 'A2' }]),
      hierarchy('h2', ['g', 'b'], [{ y: 'B1', z: 'B1', x: 'B2' }]),
      hierarchy('h3', ['g', 'c'], [{ x: 'C1', z: 'C1', y: 'C2' }]),
    ];
    const published = [
      hidden('g', 'x'),
      hidden('g', 'y'),
      hidden('g', 'z'),
      obs('a', 'A1', 3),
      hidden('a', 'A2'),
      obs('b', 'B1', 5),
      hidden('b', 'B2'),
      obs('c', 'C1', 4),
      hidden('c', 'C2'),
    ];
    expect(recovered(published, hierarchies)).toEqual([
      ['g x', 1, 'linear_combination'],
      ['g y', 2, 'linear_combination'],
      ['g z', 3, 'linear_combination'],
      ['a A2', 3, 'linear_combination'],
      ['b B2', 1, 'linear_combination'],
      ['c C2', 2, 'linear_combination'],
    ]);
  });

  it('combines two overlapping hierarchies (Gemeinde → Kreis and Gemeinde → Amt → Kreis)', () => {
    // Amt A1 = a + b, Amt A2 = c + d, Kreis K = a + b + c + d = A1 + A2, and a region R1 = a + c.
    // Within Gemeinde → Kreis alone, three unknowns stay hidden; across the hierarchies they fall.
    const direct = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K', d: 'K' }]);
    const viaAmt = hierarchy(
      'g-amt-k',
      ['g', 'amt', 'k'],
      [
        { a: 'A1', b: 'A1', c: 'A2', d: 'A2' },
        { A1: 'K', A2: 'K' },
      ],
    );
    const region = hierarchy('g-r', ['g', 'r'], [{ a: 'R1', c: 'R1', b: 'R2', d: 'R3' }]);
    const published = [
      hidden('g', 'a'),
      hidden('g', 'b'),
      hidden('g', 'c'),
      obs('g', 'd', 6),
      obs('amt', 'A1', 7),
      hidden('amt', 'A2'),
      obs('k', 'K', 20),
      obs('r', 'R1', 9),
      hidden('r', 'R2'),
      obs('r', 'R3', 6),
    ];
    const found = attackPublication({
      observations: published,
      hierarchies: [direct, viaAmt, region],
    }).recovered;
    // A2 = K − A1 = 13 (single), c = A2 − d = 7 (single), a = R1 − c = 2, b = A1 − a = 5.
    expect(Object.fromEntries(found.map((r) => [label(r), r.value]))).toEqual({
      'amt A2': 13,
      'g a': 2,
      'g b': 5,
      'g c': 7,
      'r R2': 5,
    });
  });

  it('pins cells by bounds: a zero remainder, and intervals narrower than minCount', () => {
    const zero = [hidden('g', 'a'), hidden('g', 'b'), obs('g', 'c', 5), obs('k', 'K', 5)];
    expect(recovered(zero, [kreis])).toEqual([
      ['g a', 0, 'bounds'],
      ['g b', 0, 'bounds'],
    ]);
    const small = [hidden('g', 'a'), hidden('g', 'b'), obs('g', 'c', 5), obs('k', 'K', 7)];
    const attack = attackPublication({ observations: small, hierarchies: [kreis], minWidth: 3 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow.map((c) => [label(c), c.lo, c.hi])).toEqual([
      ['g a', 0, 2],
      ['g b', 0, 2],
    ]);
    expect(attackPublication({ observations: small, hierarchies: [kreis], minWidth: 2 }).narrow).toEqual([]);
  });

  it('combines bounds from several groups: a cell provably in [1, 2]', () => {
    // P: a + b = 2 (a ≤ 2); Q (another hierarchy): a + c = 3; R (incomplete): c ≤ 12 − 10 = 2, so a ≥ 1.
    const p = hierarchy('h1', ['g', 'p'], [{ a: 'P', b: 'P', d: 'P' }]);
    const q = hierarchy('h2', ['g', 'q'], [{ a: 'Q', c: 'Q', e: 'Q' }]);
    const r = (total: number) =>
      [hierarchy('h3', ['g', 'r'], [{ c: 'R', f: 'R' }], false), obs('r', 'R', total)] as const;
    const publication = (total: number) => [
      hidden('g', 'a'),
      hidden('g', 'b'),
      hidden('g', 'c'),
      obs('g', 'd', 10),
      obs('g', 'e', 10),
      obs('g', 'f', 10),
      obs('p', 'P', 12),
      obs('q', 'Q', 13),
      r(total)[1],
    ];
    const attack = attackPublication({
      observations: publication(12),
      hierarchies: [p, q, r(12)[0]],
      minWidth: 3,
    });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow.map((c) => [label(c), c.lo, c.hi])).toEqual([
      ['g a', 1, 2],
      ['g b', 0, 1],
      ['g c', 1, 2],
    ]);
    // With R = 11, c ≤ 1 and so a ≥ 2: the bounds meet.
    const tight = attackPublication({ observations: publication(11), hierarchies: [p, q, r(11)[0]] });
    expect(tight.recovered.map((c) => [label(c), c.value, c.method])).toEqual([
      ['g a', 2, 'bounds'],
      ['g b', 0, 'bounds'],
      ['g c', 1, 'bounds'],
    ]);
  });

  it('gets only upper bounds from an incomplete hierarchy', () => {
    const incomplete = hierarchy('g-k', ['g', 'k'], [{ a: 'K', b: 'K', c: 'K' }], false);
    const published = [hidden('g', 'a'), obs('g', 'b', 10), obs('g', 'c', 5), obs('k', 'K', 17)];
    const attack = attackPublication({ observations: published, hierarchies: [incomplete], minWidth: 3 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([{ levelId: 'g', areaKey: 'a', lo: 0, hi: 2 }]);
    const large = published.map((o) => (o.areaKey === 'K' ? obs('k', 'K', 40) : o));
    expect(attackPublication({ observations: large, hierarchies: [incomplete], minWidth: 3 }).narrow).toEqual(
      [],
    );
  });

  it('reads "-" as zero and treats other missing values as unknown', () => {
    const published = [
      hidden('g', 'a'),
      obs('g', 'b', null, { status: 'missing', missingReason: 'nothing' }),
      obs('g', 'c', null, { status: 'missing', missingReason: 'later' }),
      obs('k', 'K', 17),
    ];
    const attack = attackPublication({ observations: published, hierarchies: [kreis] });
    expect(attack.targets).toBe(2);
    expect(attack.recovered).toEqual([]);
    expect(attack.intervals).toEqual([
      { levelId: 'g', areaKey: 'a', lo: 0, hi: 17 },
      { levelId: 'g', areaKey: 'c', lo: 0, hi: 17 },
    ]);
  });

  it('attacks the numerators behind a share', () => {
    const share = (key: string, level: string, num: number | null) =>
      num === null ? hidden(level, key) : obs(level, key, 50, { numerator: num, denominator: num * 2 });
    const published = [share('a', 'g', null), share('b', 'g', 10), share('c', 'g', 5), share('K', 'k', 17)];
    expect(
      attackPublication({ observations: published, hierarchies: [kreis], field: 'numerator' }).recovered,
    ).toEqual([{ levelId: 'g', areaKey: 'a', value: 2, method: 'single_equation' }]);
  });
});
