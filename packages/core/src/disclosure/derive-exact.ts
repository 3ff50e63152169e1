import type { EquationSystem } from './equation-system.ts';
import { determinedUnknowns, determiningCombinations, type SparseEquation } from './linear-elimination.ts';

export type DerivationMethod = 'single_equation' | 'linear_combination' | 'bounds';

export interface Derivation {
  value: number;
  method: DerivationMethod;
}

/**
 * Every unknown cell that the exact equations (complete groups) pin down, given the published values
 * (NaN = not published). First single-unknown elimination, repeated until nothing changes (cheap and
 * catches the usual "parent minus siblings"); then exact linear algebra on each connected component of
 * what is left, which catches combinations across hierarchies (e.g. x + y, y + z and x + z known).
 * `values` is filled in with what was derived.
 */
export function deriveExact(system: EquationSystem, values: Float64Array): Map<number, Derivation> {
  const derived = new Map<number, Derivation>();
  const { unknownCount, rhs } = equationState(system, values);
  peel(system, values, unknownCount, rhs, derived);
  for (const [cell, value] of combinedDerivations(system, values, unknownCount, rhs)) {
    values[cell] = value;
    derived.set(cell, { value, method: 'linear_combination' });
  }
  return derived;
}

/** Coefficient of a cell in group g's equation `parent − Σ children = 0`. */
function coefficient(system: EquationSystem, g: number, cell: number): number {
  return system.groups[g]!.parent === cell ? 1 : -1;
}

/** Per complete group: how many cells are unknown, and the right-hand side Σ(unknown a·x) = rhs. */
function equationState(system: EquationSystem, values: Float64Array) {
  const unknownCount = new Int32Array(system.groups.length);
  const rhs = new Float64Array(system.groups.length);
  system.groups.forEach((g, gi) => {
    if (!g.complete) return;
    let count = 0;
    let r = 0;
    if (Number.isNaN(values[g.parent]!)) count++;
    else r -= values[g.parent]!;
    for (const c of g.children) {
      if (Number.isNaN(values[c]!)) count++;
      else r += values[c]!;
    }
    unknownCount[gi] = count;
    rhs[gi] = r;
  });
  return { unknownCount, rhs };
}

function peel(
  system: EquationSystem,
  values: Float64Array,
  unknownCount: Int32Array,
  rhs: Float64Array,
  derived: Map<number, Derivation>,
): void {
  const queue: number[] = [];
  unknownCount.forEach((n, gi) => {
    if (n === 1) queue.push(gi);
  });
  while (queue.length > 0) {
    const gi = queue.pop()!;
    if (unknownCount[gi] !== 1) continue;
    const cell = onlyUnknown(system, gi, values);
    const value = rhs[gi]! / coefficient(system, gi, cell);
    values[cell] = value;
    derived.set(cell, { value, method: 'single_equation' });
    for (const h of system.groupsOf[cell]!) {
      if (!system.groups[h]!.complete) continue;
      rhs[h] = rhs[h]! - coefficient(system, h, cell) * value;
      if (--unknownCount[h]! === 1) queue.push(h);
    }
  }
}

function onlyUnknown(system: EquationSystem, gi: number, values: Float64Array): number {
  const g = system.groups[gi]!;
  if (Number.isNaN(values[g.parent]!)) return g.parent;
  for (const c of g.children) if (Number.isNaN(values[c]!)) return c;
  throw new Error(`group ${gi} has no unknown cell`);
}

/** Exact elimination per connected component of the equations that still have two or more unknowns. */
function combinedDerivations(
  system: EquationSystem,
  values: Float64Array,
  unknownCount: Int32Array,
  rhs: Float64Array,
): Map<number, number> {
  const result = new Map<number, number>();
  for (const { equations } of openComponents(system, values, unknownCount, rhs))
    for (const [cell, value] of determinedUnknowns(equations)) result.set(cell, value);
  return result;
}

/**
 * For cells that only a combination of equations pins down: which groups the attacker combines, with
 * their (approximate) weights. Suppressing a published cell that these groups do not cancel out
 * breaks the combination.
 */
export function derivationCombinations(
  system: EquationSystem,
  published: Float64Array,
  cells: readonly number[],
): Map<number, Map<number, number>> {
  const values = Float64Array.from(published);
  const { unknownCount, rhs } = equationState(system, values);
  peel(system, values, unknownCount, rhs, new Map());
  const wanted = new Set(cells);
  const result = new Map<number, Map<number, number>>();
  for (const { groups, equations } of openComponents(system, values, unknownCount, rhs)) {
    if (!equations.some((eq) => eq.cols.some((c) => wanted.has(c)))) continue;
    for (const [cell, origin] of determiningCombinations(equations))
      if (wanted.has(cell)) result.set(cell, new Map([...origin].map(([i, w]) => [groups[i]!, w])));
  }
  return result;
}

/** The equations left after single-unknown elimination, per connected component, with their groups. */
function openComponents(
  system: EquationSystem,
  values: Float64Array,
  unknownCount: Int32Array,
  rhs: Float64Array,
): { groups: number[]; equations: SparseEquation[] }[] {
  const open: number[] = [];
  unknownCount.forEach((n, gi) => {
    if (n >= 2) open.push(gi);
  });
  return components(system, values, open).map((groups) => ({
    groups,
    equations: groups.map((gi) => {
      const g = system.groups[gi]!;
      const cols: number[] = [];
      const coefs: number[] = [];
      const add = (cell: number) => {
        if (!Number.isNaN(values[cell]!)) return;
        cols.push(cell);
        coefs.push(coefficient(system, gi, cell));
      };
      add(g.parent);
      for (const c of g.children) add(c);
      return { cols, coefs, rhs: rhs[gi]! };
    }),
  }));
}

/** Groups that share an unknown cell belong to one component (union–find over the groups). */
function components(system: EquationSystem, values: Float64Array, groups: number[]): number[][] {
  const parent = new Map<number, number>(groups.map((g) => [g, g]));
  const find = (g: number): number => {
    let root = g;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    while (parent.get(g)! !== root) {
      const next = parent.get(g)!;
      parent.set(g, root);
      g = next;
    }
    return root;
  };
  const ownerOf = new Map<number, number>();
  const link = (cell: number, gi: number) => {
    if (!Number.isNaN(values[cell]!)) return;
    const owner = ownerOf.get(cell);
    if (owner === undefined) ownerOf.set(cell, gi);
    else parent.set(find(owner), find(gi));
  };
  for (const gi of groups) {
    const g = system.groups[gi]!;
    link(g.parent, gi);
    for (const cell of g.children) link(cell, gi);
  }
  const byRoot = new Map<number, number[]>();
  for (const gi of groups) {
    const root = find(gi);
    const list = byRoot.get(root);
    if (list) list.push(gi);
    else byRoot.set(root, [gi]);
  }
  return [...byRoot.values()];
}
