import {
  isFormulaFunction,
  type BinaryOperator,
  type FormulaFunction,
  type FormulaNode,
  type ParsedFormula,
} from './formula-ast.ts';
import { formulaError } from './formula-error.ts';
import { tokenizeFormula, type Token } from './tokenize-formula.ts';

/**
 * Binding powers of the Pratt parser: `+ -` < `* /` < unary minus < `^`. `^` is right-associative
 * (2^3^2 = 2^9) and binds tighter than unary minus, so -2^2 = -4 as in mathematics (a spreadsheet
 * would say 4; planners copying formulas from Excel should add parentheses).
 */
const INFIX: Record<BinaryOperator, { left: number; right: number }> = {
  '+': { left: 10, right: 11 },
  '-': { left: 10, right: 11 },
  '*': { left: 20, right: 21 },
  '/': { left: 20, right: 21 },
  '^': { left: 31, right: 30 },
};
const PREFIX_MINUS = 25;
/** Deeply nested input could overflow the stack; real formulas stay far below this. */
const MAX_DEPTH = 64;

const ARITY: Record<FormulaFunction, { min: number; max: number }> = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  sum: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
};

/** Parses a formula into a syntax tree. Never evaluates code: the grammar is closed. */
export function parseFormula(source: string): ParsedFormula {
  const parser = new Parser(source, tokenizeFormula(source));
  const ast = parser.parseAll();
  return { source, ast, references: collectReferences(ast) };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): FormulaNode {
    if (this.peek().type === 'end') throw formulaError(this.source, 'is empty');
    const node = this.expression(0);
    const next = this.peek();
    if (next.type !== 'end') throw this.unexpected(next);
    return node;
  }

  private expression(minPower: number): FormulaNode {
    if (++this.depth > MAX_DEPTH)
      throw formulaError(this.source, `is nested deeper than ${MAX_DEPTH} levels`);
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'operator') break;
      const power = INFIX[token.text as BinaryOperator];
      if (power.left < minPower) break;
      this.index++;
      const right = this.expression(power.right);
      left = { type: 'binary', operator: token.text as BinaryOperator, left, right };
    }
    this.depth--;
    return left;
  }

  private prefix(): FormulaNode {
    const token = this.next();
    if (token.type === 'number') return { type: 'number', value: Number(token.text) };
    if (token.type === 'operator' && token.text === '-')
      return { type: 'negate', operand: this.expression(PREFIX_MINUS) };
    if (token.type === 'lparen') {
      const inner = this.expression(0);
      this.expect('rparen', "')'");
      return inner;
    }
    if (token.type === 'ident')
      return this.peek().type === 'lparen' ? this.call(token) : this.reference(token);
    throw this.unexpected(token);
  }

  private reference(token: Token): FormulaNode {
    return { type: 'ref', id: token.text, position: token.position };
  }

  private call(nameToken: Token): FormulaNode {
    const name = nameToken.text;
    if (!isFormulaFunction(name))
      throw formulaError(this.source, `unknown function '${name}'`, nameToken.position);
    this.expect('lparen', "'('");
    const args: FormulaNode[] = [];
    if (this.peek().type !== 'rparen') {
      args.push(this.expression(0));
      while (this.peek().type === 'comma') {
        this.index++;
        args.push(this.expression(0));
      }
    }
    this.expect('rparen', "')'");
    checkArity(this.source, name, args, nameToken.position);
    return { type: 'call', name, args, position: nameToken.position };
  }

  private expect(type: Token['type'], label: string): void {
    const token = this.next();
    if (token.type !== type)
      throw formulaError(this.source, `expected ${label} but found ${describe(token)}`, token.position);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.type !== 'end') this.index++;
    return token;
  }

  private unexpected(token: Token) {
    return formulaError(this.source, `unexpected ${describe(token)}`, token.position);
  }
}

function checkArity(source: string, name: FormulaFunction, args: FormulaNode[], position: number): void {
  const { min, max } = ARITY[name];
  if (args.length < min || args.length > max) {
    const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} or ${max}`;
    throw formulaError(source, `${name}() takes ${expected} argument(s), got ${args.length}`, position);
  }
  const digits = args[1];
  if (name === 'round' && digits?.type === 'number' && !validDigits(digits.value))
    throw formulaError(
      source,
      `round() digits must be an integer from 0 to 10, got ${digits.value}`,
      position,
    );
}

/** round(x, n) accepts 0..10 decimals; more is beyond double precision for typical magnitudes. */
export function validDigits(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 10;
}

function describe(token: Token): string {
  return token.type === 'end' ? 'end of formula' : `'${token.text}'`;
}

function collectReferences(node: FormulaNode, into: string[] = []): string[] {
  if (node.type === 'ref' && !into.includes(node.id)) into.push(node.id);
  if (node.type === 'negate') collectReferences(node.operand, into);
  if (node.type === 'binary') {
    collectReferences(node.left, into);
    collectReferences(node.right, into);
  }
  if (node.type === 'call') for (const arg of node.args) collectReferences(arg, into);
  return into;
}
