import { describe, expect, it } from 'vitest';
import { detectDecimal, parseNumber } from '../../src/readers/german-number.ts';

const value = (v: number) => ({ kind: 'value', value: v });
const missing = (reason: string) => ({ kind: 'missing', reason });

describe('parseNumber', () => {
  it.each([
    ['82175684', ',', 82175684],
    ['6,8', ',', 6.8],
    ['1.234,5', ',', 1234.5],
    ['1 675', ',', 1675],
    [' 1 675    ', ',', 1675],
    ['1 788 994', ',', 1788994],
    ['-  23', ',', -23],
    ['-0,3', ',', -0.3],
    ['1\u00a0234,5', ',', 1234.5],
    ['1\u202f234', ',', 1234],
    ['1.234.567', ',', 1234567],
    ['1,234.5', '.', 1234.5],
    ['1234.5', '.', 1234.5],
    ['1e-7', '.', 1e-7],
    ['+5', '.', 5],
    [',5', ',', 0.5],
  ] as const)('%j with decimal %s is %d', (raw, decimal, expected) => {
    expect(parseNumber(raw, decimal)).toEqual(value(expected));
  });

  it.each([
    ['6,8', 6.8],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234', 1.234],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['-  23', -23],
  ] as const)('auto: %j is %d', (raw, expected) => {
    expect(parseNumber(raw, 'auto')).toEqual(value(expected));
  });

  it('reads an empty cell as missing (not reported), never as 0', () => {
    expect(parseNumber('', ',')).toEqual(missing('not_reported'));
    expect(parseNumber('   ', 'auto')).toEqual(missing('not_reported'));
  });

  it.each([
    ['-', 'nothing'],
    ['.', 'secret'],
    ['x', 'not_meaningful'],
    ['/', 'unreliable'],
    ['...', 'later'],
    [' - ', 'nothing'],
  ])('reads the GENESIS symbol %j as missing (%s), never as 0', (raw, reason) => {
    expect(parseNumber(raw, ',')).toEqual(missing(reason));
    expect(parseNumber(raw, '.')).toEqual(missing(reason));
  });

  it.each([['abc'], ['12a'], ['1.5'], ['1,23,4'], ['--3'], ['1 23'], ['6,8 %']])(
    'rejects %j in a comma column',
    (raw) => {
      expect(parseNumber(raw, ',')).toEqual({ kind: 'invalid' });
    },
  );
});

describe('detectDecimal', () => {
  it('sees a comma column from quotas like 6,8', () => {
    expect(detectDecimal(['6,8', '12,0', '1.234,5'])).toBe(',');
  });

  it('keeps an ambiguous 1.234 as thousands when the column shows comma decimals', () => {
    expect(detectDecimal(['1.234', '7,5'])).toBe(',');
    expect(parseNumber('1.234', detectDecimal(['1.234', '7,5']))).toEqual(value(1234));
  });

  it('sees a point column', () => {
    expect(detectDecimal(['1.5', '2.25', '1,234.5'])).toBe('.');
    expect(detectDecimal(['1.234'])).toBe('.');
    expect(detectDecimal(['82175684', '-'])).toBe('.');
  });

  it('takes a lone comma value as German', () => {
    expect(detectDecimal(['1,234'])).toBe(',');
  });
});
