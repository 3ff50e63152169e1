import { deriveExact, type Derivation } from './derive-exact.ts';
import type { EquationSystem } from './equation-system.ts';
import { propagateBounds, type BoundOptions, type Bounds } from './interval-bounds.ts';

export interface UnknownsAnalysis extends Bounds {
  /** Unknown cells whose value follows exactly, with how. */
  derived: Map<number, Derivation>;
}

/**
 * What an attacker learns about the unpublished cells (NaN in `published`) from the published ones and
 * the hierarchy equations: the cells that follow exactly (single equations, linear combinations, or
 * bounds that meet), and the feasible interval of every other one. Engine and attacker share this.
 */
export function analyseUnknowns(
  system: EquationSystem,
  published: Float64Array,
  options: BoundOptions,
): UnknownsAnalysis {
  const values = Float64Array.from(published);
  const derived = deriveExact(system, values);
  const bounds = propagateBounds(system, values, options);
  for (let cell = 0; cell < values.length; cell++) {
    if (!Number.isNaN(values[cell]!) || derived.has(cell)) continue;
    if (bounds.lo[cell] === bounds.hi[cell]) derived.set(cell, { value: bounds.lo[cell]!, method: 'bounds' });
  }
  return { derived, ...bounds };
}

/** True when every published number is a whole number, so an attacker may round bounds inwards. */
export function allIntegral(published: Float64Array): boolean {
  for (const v of published) if (!Number.isNaN(v) && !Number.isInteger(v)) return false;
  return true;
}
