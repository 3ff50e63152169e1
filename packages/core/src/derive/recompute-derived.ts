import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { buildDerivedGraph, type DerivedDefinition } from './derived-graph.ts';
import { evaluateFormula } from './evaluate-formula.ts';
import { readObservationValue, type ReadOptions } from './observation-value.ts';

export interface RecomputeResult {
  /** One observation per derived indicator and (level, area, period) any of its inputs has. */
  observations: Observation[];
  /** The order the derived indicators were computed in. */
  order: string[];
}

type Cell = Pick<Observation, 'levelId' | 'areaKey' | 'period'>;

/**
 * Computes every derived indicator from the given observations, in dependency order, so derived
 * indicators may build on each other. A value is computed for each (level, area, period) that any
 * input of the formula has; an input absent there reads as `not_reported`. Stored observations of
 * a derived id are ignored: they are what is being recomputed.
 */
export function recomputeDerived(
  definitions: readonly DerivedDefinition[],
  observationsByIndicator: ReadonlyMap<string, readonly Observation[]>,
  options: ReadOptions = {},
): RecomputeResult {
  const graph = buildDerivedGraph(definitions, observationsByIndicator.keys());
  const index = new Map<string, Map<string, Observation>>();
  for (const [id, observations] of observationsByIndicator)
    if (!graph.formulas.has(id)) index.set(id, indexCells(id, observations));

  const result: Observation[] = [];
  for (const id of graph.order) {
    const formula = graph.formulas.get(id)!;
    const computed = new Map<string, Observation>();
    for (const [key, cell] of cellsOf(formula.references, index)) {
      const outcome = evaluateFormula(formula, (ref) =>
        readObservationValue(index.get(ref)?.get(key), options),
      );
      const observation: Observation =
        outcome.kind === 'value'
          ? {
              indicatorId: id,
              ...cell,
              value: outcome.value,
              numerator: null,
              denominator: null,
              status: outcome.status,
              missingReason: null,
            }
          : {
              indicatorId: id,
              ...cell,
              value: null,
              numerator: null,
              denominator: null,
              status: 'missing',
              missingReason: outcome.reason,
            };
      computed.set(key, observation);
      result.push(observation);
    }
    index.set(id, computed);
  }
  return { observations: result, order: graph.order };
}

export function cellKey(cell: Cell): string {
  return `${cell.levelId}\u0000${cell.areaKey}\u0000${cell.period}`;
}

function indexCells(indicatorId: string, observations: readonly Observation[]): Map<string, Observation> {
  const cells = new Map<string, Observation>();
  for (const obs of observations) {
    const key = cellKey(obs);
    if (cells.has(key))
      throw new DomainError(
        'ValidationFailed',
        `indicator "${indicatorId}" has two observations for area ${obs.areaKey} (level ${obs.levelId}), period ${obs.period}`,
        { indicatorId, levelId: obs.levelId, areaKey: obs.areaKey, period: obs.period },
      );
    cells.set(key, obs);
  }
  return cells;
}

/** The union of the cells of all inputs, in first-seen order, so output order is stable. */
function cellsOf(references: readonly string[], index: ReadonlyMap<string, Map<string, Observation>>) {
  const cells = new Map<string, Cell>();
  for (const ref of references) {
    for (const [key, obs] of index.get(ref) ?? []) {
      if (!cells.has(key)) cells.set(key, { levelId: obs.levelId, areaKey: obs.areaKey, period: obs.period });
    }
  }
  return cells;
}
