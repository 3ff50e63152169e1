import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.ts';
import {
  areaIndex,
  deriveFrame,
  emptyColumn,
  framesFromObservations,
  observationsFromFrame,
  recomputeDerived,
  recomputeDerivedByColumns,
  STATUS_CODE,
  type ValueFrame,
} from '../../src/derive/index.ts';
import { byIndicator, mulberry32, randomObservations, sortObservations } from './random-observations.ts';

const BASE = ['a', 'b', 'c', 'd'];
/** Every operator and function, zero denominators, overflow, invalid round digits, chains, identity. */
const DEFINITIONS = [
  { id: 'share', formula: '100 * a / b' },
  { id: 'diff', formula: 'a + b - c' },
  { id: 'low', formula: 'min(a, b, c)' },
  { id: 'high', formula: 'max(a, d)' },
  { id: 'total', formula: 'sum(a, b, c, d)' },
  { id: 'distance', formula: 'abs(a - b)' },
  { id: 'rounded', formula: 'round(a / 3, 2)' },
  { id: 'digits', formula: 'round(a, b)' },
  { id: 'power', formula: 'a ^ b' },
  { id: 'inverse', formula: '1 / (a - b)' },
  { id: 'share_pm', formula: 'share * 10 + d' },
  { id: 'chain', formula: 'share_pm - total / 2' },
  { id: 'negated', formula: '-a' },
  { id: 'same', formula: 'c' },
];

/** Observations of the base indicators on two levels, and stale values of a derived id (even two for one cell). */
function randomInput(seed: number): Map<string, Observation[]> {
  const rnd = mulberry32(seed);
  const observations = randomObservations(rnd, {
    indicators: BASE,
    levels: ['gemeinde', 'kreis'],
    areas: Array.from({ length: 15 }, (_, i) => `A${i}`),
    periods: ['2019', '2020', '2021-12-31'],
    coverage: 0.75,
  });
  const input = byIndicator(observations);
  input.set(
    'share',
    [observations[0]!, observations[0]!].map((o) => ({ ...o, indicatorId: 'share' })),
  );
  return input;
}

describe('deriveFrame against recomputeDerived, on seeded random inputs', () => {
  for (let seed = 1; seed <= 25; seed++)
    it(`gives the same observations (seed ${seed})`, () => {
      const input = randomInput(seed);
      for (const nothingAsZero of [true, false]) {
        const objects = recomputeDerived(DEFINITIONS, input, { nothingAsZero });
        const columns = recomputeDerivedByColumns(DEFINITIONS, input, { nothingAsZero });
        expect(columns.order).toEqual(objects.order);
        expect(sortObservations(columns.observations)).toEqual(sortObservations(objects.observations));
      }
    });

  it('meets every status and missing reason across the seeds (so the comparison means something)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 25; seed++)
      for (const nothingAsZero of [true, false])
        for (const o of recomputeDerived(DEFINITIONS, randomInput(seed), { nothingAsZero }).observations)
          seen.add(o.missingReason ?? o.status);
    expect([...seen].sort()).toEqual(
      [
        'estimated',
        'final',
        'later',
        'not_meaningful',
        'not_reported',
        'nothing',
        'provisional',
        'secret',
        'suppressed',
        'unreliable',
      ].sort(),
    );
  });
});

describe('deriveFrame: rules and edge cases', () => {
  const obs = (
    indicatorId: string,
    areaKey: string,
    value: number | null,
    extra: Partial<Observation> = {},
  ) =>
    ({
      indicatorId,
      levelId: 'g',
      areaKey,
      period: '2020',
      value,
      numerator: null,
      denominator: null,
      status: value === null ? 'missing' : 'final',
      missingReason: value === null ? 'secret' : null,
      ...extra,
    }) as Observation;
  const frameOf = (list: Observation[]) => framesFromObservations(list).get('g')!;
  const cell = (frame: ValueFrame, id: string, key: string) =>
    observationsFromFrame(frame).find((o) => o.indicatorId === id && o.areaKey === key);

  it('reads an absent input as not_reported, lets the most restrictive reason win and the weakest status', () => {
    const frame = frameOf([
      obs('a', 'X', 10, { status: 'provisional' }),
      obs('b', 'X', 4, { status: 'estimated' }),
      obs('a', 'Y', 1),
      obs('a', 'Z', null, { missingReason: 'later' }),
      obs('b', 'Z', 7, { status: 'suppressed' }),
    ]);
    const { frame: out } = deriveFrame([{ id: 'q', formula: 'a / b' }], frame);
    expect(cell(out, 'q', 'X')).toMatchObject({ value: 2.5, status: 'estimated', missingReason: null });
    expect(cell(out, 'q', 'Y')).toMatchObject({
      value: null,
      status: 'missing',
      missingReason: 'not_reported',
    });
    expect(cell(out, 'q', 'Z')).toMatchObject({ value: null, missingReason: 'suppressed' });
  });

  it("reads '-' as 0 by default and divides by zero into not_meaningful", () => {
    const frame = frameOf([
      obs('a', 'X', null, { missingReason: 'nothing' }),
      obs('b', 'X', 5),
      obs('a', 'Y', 5),
      obs('b', 'Y', null, { missingReason: 'nothing' }),
    ]);
    const on = deriveFrame([{ id: 'q', formula: 'a / b' }], frame).frame;
    expect(cell(on, 'q', 'X')).toMatchObject({ value: 0, status: 'final' });
    expect(cell(on, 'q', 'Y')).toMatchObject({ value: null, missingReason: 'not_meaningful' });
    const off = deriveFrame([{ id: 'q', formula: 'a / b' }], frame, { nothingAsZero: false }).frame;
    expect(cell(off, 'q', 'X')).toMatchObject({ value: null, missingReason: 'nothing' });
  });

  it('leaves the input frame as it was and computes no column where no input has a value', () => {
    const frame: ValueFrame = {
      levelId: 'g',
      areas: areaIndex(['X', 'Y']),
      columns: new Map([['a', new Map([['2020', emptyColumn(2)]])]]),
    };
    const before = [...frame.columns.keys()];
    const { frame: out, order } = deriveFrame([{ id: 'twice', formula: 'a * 2' }], frame);
    expect(order).toEqual(['twice']);
    expect([...frame.columns.keys()]).toEqual(before);
    expect(out.columns.get('twice')).toEqual(new Map());
    expect(out.columns.get('a')).toBe(frame.columns.get('a'));
  });

  it('accepts an input listed without any values, and rejects unknown ones like the object path', () => {
    const frame: ValueFrame = { levelId: 'g', areas: areaIndex([]), columns: new Map([['a', new Map()]]) };
    expect(deriveFrame([{ id: 'x', formula: 'a + 1' }], frame).frame.columns.get('x')).toEqual(new Map());
    expect(() => deriveFrame([{ id: 'x', formula: 'a + nope' }], frame)).toThrow(
      'derived indicator "x" (formula "a + nope") refers to unknown indicator "nope"',
    );
  });

  it('rejects two observations for one cell with the message of the object path', () => {
    const doubled = byIndicator([obs('pop', 'A', 1), obs('pop', 'A', 2)]);
    const definitions = [{ id: 'x', formula: 'pop * 2' }];
    expect(() => recomputeDerived(definitions, doubled)).toThrow(
      'indicator "pop" has two observations for area A (level g), period 2020',
    );
    expect(() => recomputeDerivedByColumns(definitions, doubled)).toThrow(
      'indicator "pop" has two observations for area A (level g), period 2020',
    );
  });

  it('stores derived cells with the compact codes', () => {
    const frame = frameOf([obs('a', 'X', 3), obs('a', 'Y', null)]);
    const column = deriveFrame([{ id: 'x', formula: 'a + 1' }], frame)
      .frame.columns.get('x')!
      .get('2020')!;
    expect([...column.values.slice(0, 1)]).toEqual([4]);
    expect([...column.status]).toEqual([STATUS_CODE.final, STATUS_CODE.missing]);
  });
});
