import { DomainError } from '../domain/errors.ts';
import type { ParsedFormula } from './formula-ast.ts';
import { parseFormula } from './parse-formula.ts';

/** A derived indicator: its id and the formula over other indicator ids. */
export interface DerivedDefinition {
  id: string;
  formula: string;
}

export interface DerivedGraph {
  /** Derived ids in an order where every formula comes after the derived indicators it reads. */
  order: string[];
  formulas: Map<string, ParsedFormula>;
}

/**
 * Parses all definitions and orders them so that each can be computed from base indicators and
 * derived indicators computed before it. `knownIds` are the base indicators available as input.
 * A derived id that is also a known base id is recomputed, not read: the formula is the truth.
 * Throws on duplicate ids, syntax errors, unknown references and cycles, naming the culprit.
 */
export function buildDerivedGraph(
  definitions: readonly DerivedDefinition[],
  knownIds: Iterable<string>,
): DerivedGraph {
  const formulas = parseAll(definitions);
  const known = new Set(knownIds);
  for (const [id, formula] of formulas) {
    for (const ref of formula.references) {
      if (!formulas.has(ref) && !known.has(ref))
        throw new DomainError(
          'ValidationFailed',
          `derived indicator "${id}" (formula "${formula.source}") refers to unknown indicator "${ref}"`,
          { indicatorId: id, formula: formula.source, unknownId: ref },
        );
    }
  }
  return { order: topologicalOrder(formulas), formulas };
}

function parseAll(definitions: readonly DerivedDefinition[]): Map<string, ParsedFormula> {
  const formulas = new Map<string, ParsedFormula>();
  for (const definition of definitions) {
    if (formulas.has(definition.id))
      throw new DomainError('ValidationFailed', `derived indicator "${definition.id}" is defined twice`, {
        indicatorId: definition.id,
      });
    try {
      formulas.set(definition.id, parseFormula(definition.formula));
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError('ValidationFailed', `derived indicator "${definition.id}": ${error.message}`, {
          indicatorId: definition.id,
          ...(error.details as object),
        });
      throw error;
    }
  }
  return formulas;
}

/**
 * Depth-first post-order over the derived ids, in definition order, so the result is stable. A
 * reference back onto the current path is a cycle; the message names it ("a → b → a").
 */
function topologicalOrder(formulas: ReadonlyMap<string, ParsedFormula>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];

  const visit = (id: string): void => {
    if (done.has(id)) return;
    const onPath = path.indexOf(id);
    if (onPath >= 0) {
      const cycle = [...path.slice(onPath), id];
      throw new DomainError('ValidationFailed', `derived indicators form a cycle: ${cycle.join(' → ')}`, {
        cycle,
      });
    }
    path.push(id);
    for (const ref of formulas.get(id)!.references) if (formulas.has(ref)) visit(ref);
    path.pop();
    done.add(id);
    order.push(id);
  };

  for (const id of formulas.keys()) visit(id);
  return order;
}
