import { describe, expect, it } from 'vitest';
import type { MissingReason, Observation } from '../../src/domain/observation.ts';
import { recomputeDerived } from '../../src/derive/index.ts';

const obs = (
  indicatorId: string,
  areaKey: string,
  period: string,
  value: number | MissingReason,
): Observation => ({
  indicatorId,
  levelId: 'gemeinde',
  areaKey,
  period,
  value: typeof value === 'number' ? value : null,
  numerator: null,
  denominator: null,
  status: typeof value === 'number' ? 'final' : 'missing',
  missingReason: typeof value === 'number' ? null : value,
});
const byIndicator = (list: Observation[]) => {
  const map = new Map<string, Observation[]>();
  for (const o of list) map.set(o.indicatorId, [...(map.get(o.indicatorId) ?? []), o]);
  return map;
};

describe('recomputeDerived', () => {
  const input = byIndicator([
    obs('sgb2', 'A', '2020', 50),
    obs('pop', 'A', '2020', 1000),
    obs('sgb2', 'B', '2020', 'secret'),
    obs('pop', 'B', '2020', 400),
    obs('sgb2', 'C', '2020', 'nothing'),
    obs('pop', 'C', '2020', 200),
    obs('sgb2', 'D', '2020', 10),
    obs('pop', 'D', '2020', 0),
    obs('pop', 'E', '2020', 300),
  ]);
  const definitions = [
    { id: 'share_pm', formula: 'share * 10' },
    { id: 'share', formula: '100 * sgb2 / pop' },
  ];

  it('computes all definitions in dependency order, per area and period', () => {
    const { observations, order } = recomputeDerived(definitions, input);
    expect(order).toEqual(['share', 'share_pm']);
    const value = (id: string, key: string) =>
      observations.find((o) => o.indicatorId === id && o.areaKey === key);
    expect(value('share', 'A')).toMatchObject({
      value: 5,
      status: 'final',
      missingReason: null,
      levelId: 'gemeinde',
      period: '2020',
    });
    expect(value('share_pm', 'A')).toMatchObject({ value: 50 });
  });

  it('carries missing reasons through, and derived indicators built on them', () => {
    const { observations } = recomputeDerived(definitions, input);
    const value = (id: string, key: string) =>
      observations.find((o) => o.indicatorId === id && o.areaKey === key);
    expect(value('share', 'B')).toMatchObject({ value: null, status: 'missing', missingReason: 'secret' });
    expect(value('share_pm', 'B')).toMatchObject({ value: null, missingReason: 'secret' });
    expect(value('share', 'D')).toMatchObject({ value: null, missingReason: 'not_meaningful' });
    // E has a population but no sgb2 observation at all.
    expect(value('share', 'E')).toMatchObject({ value: null, missingReason: 'not_reported' });
  });

  it("reads the official '-' (nothing) as an exact 0 by default, and as missing when switched off", () => {
    const on = recomputeDerived(definitions, input).observations.find(
      (o) => o.indicatorId === 'share' && o.areaKey === 'C',
    );
    expect(on).toMatchObject({ value: 0, status: 'final' });
    const off = recomputeDerived(definitions, input, { nothingAsZero: false }).observations.find(
      (o) => o.indicatorId === 'share' && o.areaKey === 'C',
    );
    expect(off).toMatchObject({ value: null, missingReason: 'nothing' });
  });

  it('recomputes a derived id even when stale values of it are passed in', () => {
    const stale = new Map(input).set('share', [obs('share', 'A', '2020', 99)]);
    const { observations } = recomputeDerived(definitions, stale);
    expect(observations.find((o) => o.indicatorId === 'share' && o.areaKey === 'A')?.value).toBe(5);
  });

  it('rejects two observations for one cell', () => {
    const doubled = byIndicator([obs('pop', 'A', '2020', 1), obs('pop', 'A', '2020', 2)]);
    expect(() => recomputeDerived([{ id: 'x', formula: 'pop * 2' }], doubled)).toThrow(
      'indicator "pop" has two observations for area A (level gemeinde), period 2020',
    );
  });
});
