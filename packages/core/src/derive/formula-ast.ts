/** The syntax tree of a derived-indicator formula. Plain data, so it can be stored, shown and tested. */
export const FORMULA_FUNCTIONS = ['min', 'max', 'sum', 'abs', 'round'] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'ref'; id: string; position: number }
  | { type: 'negate'; operand: FormulaNode }
  | { type: 'binary'; operator: BinaryOperator; left: FormulaNode; right: FormulaNode }
  | { type: 'call'; name: FormulaFunction; args: FormulaNode[]; position: number };

/** A parsed formula with the indicator ids it reads, in order of first appearance. */
export interface ParsedFormula {
  source: string;
  ast: FormulaNode;
  references: string[];
}

export function isFormulaFunction(name: string): name is FormulaFunction {
  return (FORMULA_FUNCTIONS as readonly string[]).includes(name);
}
