import type { Observation } from '../domain/observation.ts';
import { appendAll } from '../util/append-all.ts';
import { deriveFrame } from './derive-frame.ts';
import { buildDerivedGraph, type DerivedDefinition } from './derived-graph.ts';
import type { ReadOptions } from './observation-value.ts';
import type { RecomputeResult } from './recompute-derived.ts';
import { framesFromObservations, observationsFromFrame } from './value-frame-observations.ts';

/**
 * `recomputeDerived` through the columnar path (`deriveFrame`), converting at the boundary: the same
 * arguments, the same observations and errors. Only the order differs: by level (first seen), derived
 * id (dependency order), period (ascending) and area (first seen).
 */
export function recomputeDerivedByColumns(
  definitions: readonly DerivedDefinition[],
  observationsByIndicator: ReadonlyMap<string, readonly Observation[]>,
  options: ReadOptions = {},
): RecomputeResult {
  const derived = new Set(definitions.map((d) => d.id));
  const inputs: Observation[] = [];
  for (const [id, list] of observationsByIndicator) if (!derived.has(id)) appendAll(inputs, list);
  const frames = framesFromObservations(inputs, { indicators: observationsByIndicator.keys() });
  const order = buildDerivedGraph(definitions, observationsByIndicator.keys()).order;
  const observations: Observation[] = [];
  for (const frame of frames.values()) {
    const result = deriveFrame(definitions, frame, options);
    const columns = new Map(order.map((id) => [id, result.frame.columns.get(id)!]));
    appendAll(observations, observationsFromFrame({ ...frame, columns }));
  }
  return { observations, order };
}
