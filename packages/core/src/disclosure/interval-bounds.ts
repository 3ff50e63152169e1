import type { EquationSystem } from './equation-system.ts';

export interface BoundOptions {
  /** Counts cannot be negative: every unknown is at least 0. */
  nonNegative: boolean;
  /** Counts are whole numbers: bounds are rounded inwards. */
  integral: boolean;
}

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

/**
 * The feasible interval of every cell under the hierarchy constraints an attacker knows: complete
 * groups give `parent − Σ children = 0`, incomplete ones `parent − Σ children ≥ 0`, and counts are
 * non-negative whole numbers. Interval constraint propagation, repeated until no bound moves (or a
 * generous work limit is reached: the bounds found until then are valid, only maybe not the tightest).
 * Published and derived cells (a number in `values`) are fixed.
 */
export function propagateBounds(system: EquationSystem, values: Float64Array, options: BoundOptions): Bounds {
  const n = values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    lo[i] = Number.isNaN(v) ? (options.nonNegative ? 0 : -Infinity) : v;
    hi[i] = Number.isNaN(v) ? Infinity : v;
  }
  const queued = new Uint8Array(system.groups.length);
  const queue: number[] = [];
  system.groups.forEach((g, gi) => {
    let open = Number.isNaN(values[g.parent]!);
    for (let i = 0; !open && i < g.children.length; i++) open = Number.isNaN(values[g.children[i]!]!);
    if (open) {
      queue.push(gi);
      queued[gi] = 1;
    }
  });
  let budget = 50 * (system.groups.length + n) + 1000;
  for (let head = 0; head < queue.length && budget > 0; head++, budget--) {
    const gi = queue[head]!;
    queued[gi] = 0;
    tightenGroup(system, gi, values, lo, hi, options, (cell) => {
      for (const h of system.groupsOf[cell]!)
        if (!queued[h]) {
          queued[h] = 1;
          queue.push(h);
        }
    });
    // Keep the queue from growing without bound: drop what has been processed.
    if (head > 10_000 && head * 2 > queue.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  return { lo, hi };
}

/** Tightens the unknown cells of one group; calls `moved` for every cell whose bounds moved. */
function tightenGroup(
  system: EquationSystem,
  gi: number,
  values: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  options: BoundOptions,
  moved: (cell: number) => void,
): void {
  const g = system.groups[gi]!;
  // Σ a·x lies in [0, 0] (complete) or [0, ∞) (incomplete): a = +1 for the parent, −1 for the children.
  const upper = g.complete ? 0 : Infinity;
  const min = new Sum();
  const max = new Sum();
  min.add(lo[g.parent]!);
  max.add(hi[g.parent]!);
  for (const c of g.children) {
    min.add(-hi[c]!);
    max.add(-lo[c]!);
  }
  const tighten = (c: number, a: 1 | -1) => {
    if (!Number.isNaN(values[c]!)) return;
    const minRest = min.without(a > 0 ? lo[c]! : -hi[c]!);
    const maxRest = max.without(a > 0 ? hi[c]! : -lo[c]!);
    // a·x ∈ [0 − maxRest, upper − minRest]
    let newLo = a > 0 ? -maxRest : minRest - upper;
    let newHi = a > 0 ? upper - minRest : maxRest;
    if (options.integral) {
      newLo = Math.ceil(newLo - 1e-9);
      newHi = Math.floor(newHi + 1e-9);
    }
    let changed = false;
    if (newLo > lo[c]! + 1e-9) {
      lo[c] = newLo;
      changed = true;
    }
    if (newHi < hi[c]! - 1e-9) {
      hi[c] = newHi;
      changed = true;
    }
    if (changed) moved(c);
  };
  tighten(g.parent, 1);
  for (const c of g.children) tighten(c, -1);
}

/** A sum of terms that may be infinite, from which one term can be taken out again. */
class Sum {
  private finite = 0;
  private plusInf = 0;
  private minusInf = 0;

  add(term: number): void {
    if (term === Infinity) this.plusInf++;
    else if (term === -Infinity) this.minusInf++;
    else this.finite += term;
  }

  without(term: number): number {
    const plus = this.plusInf - (term === Infinity ? 1 : 0);
    const minus = this.minusInf - (term === -Infinity ? 1 : 0);
    if (plus > 0 && minus > 0) return NaN;
    if (plus > 0) return Infinity;
    if (minus > 0) return -Infinity;
    return Number.isFinite(term) ? this.finite - term : this.finite;
  }
}
