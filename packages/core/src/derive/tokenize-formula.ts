import { formulaError } from './formula-error.ts';

export type TokenType = 'number' | 'ident' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  type: TokenType;
  text: string;
  /** 0-based character offset, for error messages. */
  position: number;
}

/** Formulas are user input stored in the catalogue; a hard cap keeps parsing cheap and bounded. */
export const MAX_FORMULA_LENGTH = 2000;

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const SINGLE: Record<string, TokenType> = {
  '+': 'operator',
  '-': 'operator',
  '*': 'operator',
  '/': 'operator',
  '^': 'operator',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
};

/** Splits a formula into tokens; anything outside the small grammar is rejected with its position. */
export function tokenizeFormula(source: string): Token[] {
  if (source.length > MAX_FORMULA_LENGTH)
    throw formulaError(source, `is longer than ${MAX_FORMULA_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const match = NUMBER.exec(rest) ?? IDENT.exec(rest);
    if (match) {
      tokens.push({ type: /^[\d.]/.test(ch) ? 'number' : 'ident', text: match[0], position: i });
      i += match[0].length;
      continue;
    }
    const type = SINGLE[ch];
    if (type === undefined) throw formulaError(source, `unexpected character '${ch}'`, i);
    tokens.push({ type, text: ch, position: i });
    i++;
  }
  tokens.push({ type: 'end', text: '', position: source.length });
  return tokens;
}
