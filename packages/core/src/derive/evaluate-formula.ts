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
  const values = new Map<string, number>();
  const statuses: ObservationStatus[] = [];
  const missingInputs: { id: string; reason: MissingReason }[] = [];
  for (const id of formula.references) {
    const reading = lookup(id);
    if (reading.kind === 'missing') missingInputs.push({ id, reason: reading.reason });
    else {
      values.set(id, reading.value);
      statuses.push(reading.status);
    }
  }
  if (missingInputs.length > 0)
    return {
      kind: 'missing',
      reason: strongestMissingReason(missingInputs.map((m) => m.reason)),
      missingInputs,
    };
  try {
    const value = evaluateNode(formula.ast, values);
    return { kind: 'value', value: value + 0, status: combineStatuses(statuses) };
  } catch (error) {
    if (error instanceof NotMeaningful)
      return { kind: 'missing', reason: 'not_meaningful', missingInputs: [] };
    throw error;
  }
}

function evaluateNode(node: FormulaNode, values: ReadonlyMap<string, number>): number {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'ref':
      return values.get(node.id)!;
    case 'negate':
      return -evaluateNode(node.operand, values);
    case 'binary':
      return checked(
        binary(node.operator, evaluateNode(node.left, values), evaluateNode(node.right, values)),
      );
    case 'call':
      return checked(
        call(
          node.name,
          node.args.map((arg) => evaluateNode(arg, values)),
        ),
      );
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
