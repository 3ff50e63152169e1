import { describe, expect, it } from 'vitest';
import type { MissingReason, ObservationStatus } from '../../src/domain/observation.ts';
import {
  evaluateFormula,
  parseFormula,
  roundHalfAwayFromZero,
  type ValueReading,
} from '../../src/derive/index.ts';

const values =
  (map: Record<string, number | MissingReason | [number, ObservationStatus]>) =>
  (id: string): ValueReading => {
    const v = map[id];
    if (v === undefined) return { kind: 'missing', reason: 'not_reported' };
    if (typeof v === 'number') return { kind: 'value', value: v, status: 'final' };
    if (Array.isArray(v)) return { kind: 'value', value: v[0], status: v[1] };
    return { kind: 'missing', reason: v };
  };
const evaluate = (formula: string, map: Parameters<typeof values>[0] = {}) =>
  evaluateFormula(parseFormula(formula), values(map));

describe('evaluateFormula', () => {
  it('computes arithmetic by hand-checked examples', () => {
    expect(evaluate('1 + 2 * 3 - 4 / 2')).toMatchObject({ kind: 'value', value: 5 });
    expect(evaluate('(1 + 2) * 3')).toMatchObject({ value: 9 });
    expect(evaluate('-2^2')).toMatchObject({ value: -4 });
    expect(evaluate('2^3^2')).toMatchObject({ value: 512 });
    expect(evaluate('2^-1')).toMatchObject({ value: 0.5 });
    expect(evaluate('--3')).toMatchObject({ value: 3 });
    expect(evaluate('100 * sgb2 / pop', { sgb2: 186, pop: 1675 })).toMatchObject({
      value: (100 * 186) / 1675,
    });
  });

  it('provides min, max, sum, abs and round', () => {
    expect(evaluate('min(a, b, 3)', { a: 5, b: 4 })).toMatchObject({ value: 3 });
    expect(evaluate('max(a, b)', { a: 5, b: 4 })).toMatchObject({ value: 5 });
    expect(evaluate('sum(a, b, c)', { a: 1, b: 2, c: 3.5 })).toMatchObject({ value: 6.5 });
    expect(evaluate('abs(a - b)', { a: 1, b: 4 })).toMatchObject({ value: 3 });
    expect(evaluate('round(100 * a / b, 1)', { a: 162, b: 1675 })).toMatchObject({ value: 9.7 });
    expect(evaluate('round(2.5)')).toMatchObject({ value: 3 });
  });

  it('propagates a missing input with its reason, the most restrictive one first', () => {
    expect(evaluate('a + b', { a: 1, b: 'secret' })).toEqual({
      kind: 'missing',
      reason: 'secret',
      missingInputs: [{ id: 'b', reason: 'secret' }],
    });
    expect(evaluate('a / b * c', { a: 'later', b: 'suppressed', c: 1 })).toMatchObject({
      reason: 'suppressed',
    });
    expect(evaluate('max(a, 1)', {})).toMatchObject({ kind: 'missing', reason: 'not_reported' });
  });

  it('gives not_meaningful for division by zero and undefined arithmetic', () => {
    expect(evaluate('a / b', { a: 3, b: 0 })).toEqual({
      kind: 'missing',
      reason: 'not_meaningful',
      missingInputs: [],
    });
    expect(evaluate('0 ^ -1')).toMatchObject({ reason: 'not_meaningful' });
    expect(evaluate('(-8) ^ 0.5')).toMatchObject({ reason: 'not_meaningful' });
    expect(evaluate('round(a, b)', { a: 1, b: 11 })).toMatchObject({ reason: 'not_meaningful' });
  });

  it('keeps the weakest status of the inputs', () => {
    expect(evaluate('a + b', { a: [1, 'provisional'], b: 2 })).toMatchObject({ status: 'provisional' });
    expect(evaluate('a + b', { a: [1, 'provisional'], b: [2, 'estimated'] })).toMatchObject({
      status: 'estimated',
    });
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds half away from zero, without binary noise', () => {
    expect(roundHalfAwayFromZero(2.45, 1)).toBe(2.5);
    expect(roundHalfAwayFromZero(-2.45, 1)).toBe(-2.5);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-0.04, 1)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), -0)).toBe(false);
  });
});
