import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { parseFormula, tokenizeFormula } from '../../src/derive/index.ts';

describe('tokenizeFormula', () => {
  it('splits numbers, ids, operators and parentheses with positions', () => {
    expect(tokenizeFormula('100*sgb2_u15 / (pop_u15+.5e1)').map((t) => [t.type, t.text, t.position])).toEqual(
      [
        ['number', '100', 0],
        ['operator', '*', 3],
        ['ident', 'sgb2_u15', 4],
        ['operator', '/', 13],
        ['lparen', '(', 15],
        ['ident', 'pop_u15', 16],
        ['operator', '+', 23],
        ['number', '.5e1', 24],
        ['rparen', ')', 28],
        ['end', '', 29],
      ],
    );
  });

  it('rejects characters outside the grammar, naming them and their position', () => {
    expect(() => tokenizeFormula('a + b; process.exit()')).toThrow(
      `formula "a + b; process.exit()": unexpected character ';' at position 5`,
    );
    expect(() => tokenizeFormula('a > b')).toThrow(/unexpected character '>'/);
  });
});

describe('parseFormula', () => {
  it('follows precedence: * before +, ^ right-associative and above unary minus', () => {
    expect(parseFormula('1 + 2 * 3').ast).toEqual({
      type: 'binary',
      operator: '+',
      left: { type: 'number', value: 1 },
      right: {
        type: 'binary',
        operator: '*',
        left: { type: 'number', value: 2 },
        right: { type: 'number', value: 3 },
      },
    });
    expect(parseFormula('-2^2').ast).toEqual({
      type: 'negate',
      operand: {
        type: 'binary',
        operator: '^',
        left: { type: 'number', value: 2 },
        right: { type: 'number', value: 2 },
      },
    });
    const power = parseFormula('2^3^2').ast;
    expect(power.type === 'binary' && power.right.type === 'binary').toBe(true);
  });

  it('collects references once each, in order of appearance', () => {
    expect(parseFormula('round(100 * sgb2 / pop, 1) + sgb2 - max(a, pop)').references).toEqual([
      'sgb2',
      'pop',
      'a',
    ]);
  });

  it('treats an identifier followed by "(" as a function call and rejects unknown functions', () => {
    expect(() => parseFormula('eval(a)')).toThrow(`formula "eval(a)": unknown function 'eval' at position 0`);
    expect(parseFormula('min').references).toEqual(['min']);
  });

  it('checks function arity', () => {
    expect(() => parseFormula('abs(a, b)')).toThrow(/abs\(\) takes 1 argument\(s\), got 2/);
    expect(() => parseFormula('round(a, 1, 2)')).toThrow(/round\(\) takes 1 or 2 argument\(s\), got 3/);
    expect(() => parseFormula('min()')).toThrow(/min\(\) takes at least 1 argument\(s\), got 0/);
    expect(() => parseFormula('round(a, 1.5)')).toThrow(/digits must be an integer from 0 to 10, got 1.5/);
  });

  it('reports syntax errors as ValidationFailed with the position', () => {
    const cases: [string, RegExp][] = [
      ['', /is empty/],
      ['a +', /unexpected end of formula at position 3/],
      ['(a + b', /expected '\)' but found end of formula at position 6/],
      ['a b', /unexpected 'b' at position 2/],
      ['* a', /unexpected '\*' at position 0/],
      ['1.2.3', /unexpected '.3' at position 3/],
      ['()', /unexpected '\)' at position 1/],
    ];
    for (const [source, message] of cases) {
      let error: unknown;
      try {
        parseFormula(source);
      } catch (e) {
        error = e;
      }
      expect(error, source).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ValidationFailed');
      expect((error as DomainError).message).toMatch(message);
    }
  });

  it('bounds nesting depth and length, so hostile input cannot exhaust the stack', () => {
    expect(() => parseFormula('('.repeat(200) + 'a' + ')'.repeat(200))).toThrow(/nested deeper than 64/);
    expect(() => parseFormula('a+'.repeat(1500) + 'a')).toThrow(/longer than 2000 characters/);
  });
});
