import { describe, expect, it } from 'vitest';
import { hierarchyFromAreas, protectIndicator, validateDisclosureRule } from '../../src/disclosure/index.ts';
import { validateHierarchies } from '../../src/disclosure/disclosure-hierarchy.ts';
import { obs } from './fixtures.ts';

const area = (levelId: string, key: string, parentKey: string | null) => ({ levelId, key, parentKey });

describe('disclosure hierarchies', () => {
  it('builds a hierarchy from the parent keys of stored areas', () => {
    const areas = [
      area('gemeinde', '01001000', '01001'),
      area('gemeinde', '01051011', '01051'),
      area('gemeinde', '99999999', null),
      area('kreis', '01001', '01'),
      area('kreis', '01051', '01'),
      area('land', '01', null),
      area('amt', '010515163', '01051'),
    ];
    const h = hierarchyFromAreas('gemeinde-kreis-land', ['gemeinde', 'kreis', 'land'], areas, true);
    expect(h.parentOf.map((m) => Object.fromEntries(m))).toEqual([
      { '01001000': '01001', '01051011': '01051' },
      { '01001': '01', '01051': '01' },
    ]);
    expect(h.complete).toBe(true);
    // As input to the engine: Gemeinde 01001000 and its Kreis are 2, both small; the Land equation
    // then exposes the Kreis unless the other Kreis goes too, and that Kreis equals its only Gemeinde.
    const result = protectIndicator({
      indicator: { id: 'cases', aggregation: 'sum' },
      rule: validateDisclosureRule({ minCount: 3 }),
      observations: [
        obs('gemeinde', '01001000', 2),
        obs('gemeinde', '01051011', 40),
        obs('kreis', '01001', 2),
        obs('kreis', '01051', 40),
        obs('land', '01', 42),
      ],
      hierarchies: [h],
    });
    expect(result.observations.map((o) => o.value)).toEqual([null, null, null, null, 42]);
  });

  it('rejects malformed hierarchies with a message naming the hierarchy', () => {
    const ok = { id: 'h', levels: ['a', 'b'], parentOf: [new Map()], complete: true };
    expect(() => validateHierarchies([ok, ok])).toThrow('hierarchy "h" is given twice');
    expect(() => validateHierarchies([{ ...ok, levels: ['a'], parentOf: [] }])).toThrow(
      'hierarchy "h" needs at least two levels, got 1',
    );
    expect(() => validateHierarchies([{ ...ok, levels: ['a', 'a'] }])).toThrow(
      'hierarchy "h" lists a level twice: a → a',
    );
    expect(() => validateHierarchies([{ ...ok, complete: 'yes' as unknown as boolean }])).toThrow(
      'hierarchy "h": complete must be true or false',
    );
  });
});
