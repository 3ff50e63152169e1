import type { MissingReason, ObservationStatus } from '../domain/observation.ts';
import type { FormulaNode, ParsedFormula } from './formula-ast.ts';
import { combineStatuses, strongestMissingReason, type ValueReading } from './observation-value.ts';
import { validDigits } from './parse-formula.ts';
import { roundHalfAwayFromZero } from './round-half-away.ts';

export type FormulaResult =
  | { kind: 'value'; value: number; status: ObservationStatus }
  | {
      kind: 'missing';
      reason: MissingReason;
      /** The inputs that were missing, with their reasons; empty when the arithmetic itself failed. */
      missingInputs: { id: string; reason: MissingReason }[];
    };

/** Thrown inside the evaluator when the arithmetic has no meaningful result (x/0, 0^-1, NaN). */
class NotMeaningful extends Error {}

/**
 * Evaluates a parsed formula for one area and period. Every input is read first: a formula has no
 * branches, so any missing input makes the result missing, with the most restrictive input reason.
 * Division by zero and other undefined arithmetic give `not_meaningful` (the GENESIS `x`).
 */
export function evaluateFormula(formula: ParsedFormula, lookup: (id: string) => ValueReading): FormulaResult {
  const references = formula.references;
  const values = new Array<number>(references.length);
  const statuses: ObservationStatus[] = [];
  let missingInputs: { id: string; reason: MissingReason }[] | null = null;
  for (let i = 0; i < references.length; i++) {
    const reading = lookup(references[i]!);
    if (reading.kind === 'missing')
      (missingInputs ??= []).push({ id: references[i]!, reason: reading.reason });
    else {
      values[i] = reading.value;
      statuses.push(reading.status);
    }
  }
  if (missingInputs !== null)
    return {
      kind: 'missing',
      reason: strongestMissingReason(missingInputs.map((m) => m.reason)),
      missingInputs,
    };
  try {
    const value = compiled(formula)(values);
    return { kind: 'value', value: value + 0, status: combineStatuses(statuses) };
  } catch (error) {
    if (error instanceof NotMeaningful)
      return { kind: 'missing', reason: 'not_meaningful', missingInputs: [] };
    throw error;
  }
}

type Compiled = (values: readonly number[]) => number;

/**
 * The formula as a function of its input values (in the order of `references`), for evaluating it
 * over many cells (derive-frame.ts). Returns NaN where the arithmetic has no meaningful result (x/0,
 * 0^-1, overflow); any other result is finite, since inputs are.
 */
export function formulaFunction(formula: ParsedFormula): Compiled {
  const fn = compiled(formula);
  return (values) => {
    try {
      return fn(values) + 0;
    } catch (error) {
      if (error instanceof NotMeaningful) return Number.NaN;
      throw error;
    }
  };
}

/**
 * A formula is evaluated millions of times (every area × period), so its tree is turned once into
 * nested closures that read inputs by position: no tree walk and no map per evaluation.
 */
const COMPILED = new WeakMap<ParsedFormula, Compiled>();

function compiled(formula: ParsedFormula): Compiled {
  let fn = COMPILED.get(formula);
  if (!fn) {
    const position = new Map(formula.references.map((id, i) => [id, i]));
    fn = compileNode(formula.ast, position);
    COMPILED.set(formula, fn);
  }
  return fn;
}

function compileNode(node: FormulaNode, position: ReadonlyMap<string, number>): Compiled {
  switch (node.type) {
    case 'number': {
      const constant = node.value;
      return () => constant;
    }
    case 'ref': {
      const index = position.get(node.id)!;
      return (values) => values[index]!;
    }
    case 'negate': {
      const operand = compileNode(node.operand, position);
      return (values) => -operand(values);
    }
    case 'binary': {
      const left = compileNode(node.left, position);
      const right = compileNode(node.right, position);
      const operator = node.operator;
      return (values) => checked(binary(operator, left(values), right(values)));
    }
    case 'call': {
      const args = node.args.map((arg) => compileNode(arg, position));
      const name = node.name;
      return (values) =>
        checked(
          call(
            name,
            args.map((arg) => arg(values)),
          ),
        );
    }
  }
}

function binary(operator: string, a: number, b: number): number {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new NotMeaningful();
      return a / b;
    default:
      return a ** b;
  }
}

function call(name: string, args: number[]): number {
  switch (name) {
    case 'min':
      return Math.min(...args);
    case 'max':
      return Math.max(...args);
    case 'sum':
      return args.reduce((s, v) => s + v, 0);
    case 'abs':
      return Math.abs(args[0]!);
    default: {
      const digits = args[1] ?? 0;
      if (!validDigits(digits)) throw new NotMeaningful();
      return roundHalfAwayFromZero(args[0]!, digits);
    }
  }
}

function checked(value: number): number {
  if (!Number.isFinite(value)) throw new NotMeaningful();
  return value;
}
