import type { Observation } from '../domain/observation.ts';
import { allIntegral, analyseUnknowns } from './analyse-unknowns.ts';
import type { DerivationMethod } from './derive-exact.ts';
import { validateHierarchies, type DisclosureHierarchy } from './disclosure-hierarchy.ts';
import { buildEquationSystem, cellAt, emptyCellIndex } from './equation-system.ts';

/**
 * The attacker: given only what a public user can download (the published observations of one
 * indicator and period on several levels) and the hierarchy equations, which unpublished cells can
 * be derived, and how narrowly can the others be pinned down? Used by the tests to check the engine
 * independently, and by anyone who wants to check a publication before it goes out.
 */
export interface AttackInput {
  observations: readonly Observation[];
  hierarchies: readonly DisclosureHierarchy[];
  /** Which number of each observation the attacker reads; `numerator` attacks the counts behind a share. */
  field?: 'value' | 'numerator' | 'denominator';
  /**
   * An unpublished cell whose feasible interval is narrower than this (hi − lo < minWidth) counts as
   * disclosed; usually the rule's minCount. Default 1: only exact derivations.
   */
  minWidth?: number;
  /** Whether the attacker may assume values are never negative (counts). Default true. */
  nonNegative?: boolean;
}

export interface AttackedCell {
  levelId: string;
  areaKey: string;
}

export interface RecoveredCell extends AttackedCell {
  value: number;
  method: DerivationMethod;
}

export interface CellInterval extends AttackedCell {
  lo: number;
  hi: number;
}

export interface AttackResult {
  /** Observations that were not published (suppressed or missing): the attacker's targets. */
  targets: number;
  /** Targets whose value follows exactly. */
  recovered: RecoveredCell[];
  /** Targets not recovered, but pinned to an interval narrower than `minWidth`. */
  narrow: CellInterval[];
  /** The feasible interval of every target (Infinity where unbounded). */
  intervals: CellInterval[];
}

/** The number an attacker reads from a published observation; null when it was not published. */
export function publishedNumber(o: Observation, field: AttackInput['field'] = 'value'): number | null {
  if (o.status === 'suppressed') return null;
  // "-" (nichts vorhanden) says the value is zero: an attacker reads it as 0.
  if (o.status === 'missing') return o.missingReason === 'nothing' ? 0 : null;
  return o[field];
}

export function attackPublication(input: AttackInput): AttackResult {
  validateHierarchies(input.hierarchies);
  const cells = emptyCellIndex();
  const targets: number[] = [];
  const known: [number, number][] = [];
  for (const o of input.observations) {
    const cell = cellAt(cells, o.levelId, o.areaKey);
    const v = publishedNumber(o, input.field);
    if (v === null) targets.push(cell);
    else known.push([cell, v]);
  }
  const system = buildEquationSystem(cells, input.hierarchies);
  const published = new Float64Array(cells.levelIds.length).fill(NaN);
  for (const [cell, v] of known) published[cell] = v;
  const analysis = analyseUnknowns(system, published, {
    nonNegative: input.nonNegative ?? true,
    integral: allIntegral(published),
  });
  const minWidth = input.minWidth ?? 1;
  const at = (cell: number): AttackedCell => ({
    levelId: cells.levelIds[cell]!,
    areaKey: cells.areaKeys[cell]!,
  });
  const result: AttackResult = { targets: targets.length, recovered: [], narrow: [], intervals: [] };
  for (const cell of targets) {
    const interval = { ...at(cell), lo: analysis.lo[cell]!, hi: analysis.hi[cell]! };
    result.intervals.push(interval);
    const derivation = analysis.derived.get(cell);
    if (derivation) result.recovered.push({ ...at(cell), ...derivation });
    else if (interval.hi - interval.lo < minWidth) result.narrow.push(interval);
  }
  return result;
}
