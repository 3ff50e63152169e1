/**
 * Exact Gauss–Jordan elimination on sparse integer equations, to find every unknown that a system of
 * hierarchy equations pins down: x_j is determined exactly when the unit vector e_j lies in the row
 * space, which in reduced row echelon form means one row has x_j as its only entry. Coefficients stay
 * integers (fraction-free row operations, each row divided by the gcd of its coefficients); they run
 * in doubles while they are safe integers and the whole system is redone with BigInt otherwise, so the
 * answer "determined or not" is exact. Right-hand sides are doubles: they only serve to report values.
 */
export interface SparseEquation {
  cols: readonly number[];
  coefs: readonly number[];
  rhs: number;
}

/** Determined unknowns (column → value) of a consistent or inconsistent system; free ones are absent. */
export function determinedUnknowns(equations: readonly SparseEquation[]): Map<number, number> {
  const determined = new Map<number, number>();
  for (const [col, row] of reducedRows(equations, false))
    if (row.size === 1) determined.set(col, row.rhs / row.pivot);
  return determined;
}

/**
 * For every determined unknown, the combination of the given equations that isolates it (equation
 * index → weight). The weights are doubles, approximate: they say which equations to break, while
 * whether an unknown is determined stays the exact answer of `determinedUnknowns`.
 */
export function determiningCombinations(
  equations: readonly SparseEquation[],
): Map<number, Map<number, number>> {
  const combinations = new Map<number, Map<number, number>>();
  for (const [col, row] of reducedRows(equations, true))
    if (row.size === 1) combinations.set(col, row.origin!);
  return combinations;
}

interface ReducedRow {
  size: number;
  pivot: number;
  rhs: number;
  origin: Map<number, number> | null;
}

function reducedRows(equations: readonly SparseEquation[], track: boolean): Map<number, ReducedRow> {
  try {
    return eliminate(equations, NUMBER_OPS, track);
  } catch (error) {
    if (error !== OVERFLOW) throw error;
    return eliminate(equations, BIGINT_OPS, track);
  }
}

interface Ops<T> {
  from(n: number): T;
  mul(a: T, b: T): T;
  sub(a: T, b: T): T;
  div(a: T, b: T): T;
  gcd(a: T, b: T): T;
  isZero(a: T): boolean;
  isOne(a: T): boolean;
  negative(a: T): boolean;
  abs(a: T): T;
  toNumber(a: T): number;
}

const OVERFLOW = new Error('coefficient overflow');

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw OVERFLOW;
  return n;
}

const NUMBER_OPS: Ops<number> = {
  from: (n) => safe(n),
  mul: (a, b) => safe(a * b),
  sub: (a, b) => safe(a - b),
  div: (a, b) => a / b,
  gcd: (a, b) => {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  },
  isZero: (a) => a === 0,
  isOne: (a) => a === 1,
  negative: (a) => a < 0,
  abs: (a) => Math.abs(a),
  toNumber: (a) => a,
};

const BIGINT_OPS: Ops<bigint> = {
  from: (n) => BigInt(n),
  mul: (a, b) => a * b,
  sub: (a, b) => a - b,
  div: (a, b) => a / b,
  gcd: (a, b) => {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  },
  isZero: (a) => a === 0n,
  isOne: (a) => a === 1n,
  negative: (a) => a < 0n,
  abs: (a) => (a < 0n ? -a : a),
  toNumber: (a) => Number(a),
};

interface Row<T> {
  coefs: Map<number, T>;
  rhs: number;
  /** Which input equations this row combines, with their weights (only when tracked). */
  origin: Map<number, number> | null;
}

function eliminate<T>(
  equations: readonly SparseEquation[],
  ops: Ops<T>,
  track: boolean,
): Map<number, ReducedRow> {
  const pivotRows = new Map<number, Row<T>>();
  // For every column, the pivot rows that contain it: elimination touches only those.
  const rowsWith = new Map<number, Set<Row<T>>>();
  equations.forEach((eq, index) => {
    const row: Row<T> = { coefs: new Map(), rhs: eq.rhs, origin: track ? new Map([[index, 1]]) : null };
    eq.cols.forEach((c, i) => {
      if (eq.coefs[i] !== 0) row.coefs.set(c, ops.from(eq.coefs[i]!));
    });
    for (const col of [...row.coefs.keys()]) {
      const pivot = pivotRows.get(col);
      if (pivot && row.coefs.has(col)) combine(row, pivot, col, ops, null);
    }
    if (row.coefs.size === 0) return;
    const col = choosePivot(row, rowsWith, ops);
    if (ops.negative(row.coefs.get(col)!)) negate(row, ops);
    for (const other of [...(rowsWith.get(col) ?? [])]) combine(other, row, col, ops, rowsWith);
    pivotRows.set(col, row);
    for (const c of row.coefs.keys()) remember(rowsWith, c, row);
  });
  const reduced = new Map<number, ReducedRow>();
  for (const [col, row] of pivotRows)
    reduced.set(col, {
      size: row.coefs.size,
      pivot: ops.toNumber(row.coefs.get(col)!),
      rhs: row.rhs,
      origin: row.origin,
    });
  return reduced;
}

/** The column that causes the least fill-in: used by the fewest pivot rows, unit coefficient first. */
function choosePivot<T>(row: Row<T>, rowsWith: Map<number, Set<Row<T>>>, ops: Ops<T>): number {
  let best = -1;
  let bestScore = Infinity;
  for (const [col, coef] of row.coefs) {
    const score = (rowsWith.get(col)?.size ?? 0) * 2 + (ops.isOne(ops.abs(coef)) ? 0 : 1);
    if (score < bestScore || (score === bestScore && col < best)) {
      best = col;
      bestScore = score;
    }
  }
  return best;
}

/** target := p·target − e·pivot, which removes `col` from target; then divides by the gcd. */
function combine<T>(
  target: Row<T>,
  pivot: Row<T>,
  col: number,
  ops: Ops<T>,
  rowsWith: Map<number, Set<Row<T>>> | null,
): void {
  const e = target.coefs.get(col)!;
  const p = pivot.coefs.get(col)!;
  if (!ops.isOne(p)) {
    for (const [c, v] of target.coefs) target.coefs.set(c, ops.mul(v, p));
    target.rhs *= ops.toNumber(p);
  }
  for (const [c, v] of pivot.coefs) {
    const next = ops.sub(target.coefs.get(c) ?? ops.from(0), ops.mul(e, v));
    if (ops.isZero(next)) {
      target.coefs.delete(c);
      rowsWith?.get(c)?.delete(target);
    } else {
      if (rowsWith && !target.coefs.has(c)) remember(rowsWith, c, target);
      target.coefs.set(c, next);
    }
  }
  target.rhs -= ops.toNumber(e) * pivot.rhs;
  if (target.origin) {
    const scale = ops.toNumber(p);
    const weight = ops.toNumber(e);
    if (scale !== 1) for (const [i, w] of target.origin) target.origin.set(i, w * scale);
    for (const [i, w] of pivot.origin!) target.origin.set(i, (target.origin.get(i) ?? 0) - weight * w);
  }
  normalise(target, ops);
}

function normalise<T>(row: Row<T>, ops: Ops<T>): void {
  let g = ops.from(0);
  for (const v of row.coefs.values()) {
    g = ops.gcd(g, v);
    if (ops.isOne(g)) return;
  }
  if (ops.isZero(g)) return;
  for (const [c, v] of row.coefs) row.coefs.set(c, ops.div(v, g));
  row.rhs /= ops.toNumber(g);
  if (row.origin) for (const [i, w] of row.origin) row.origin.set(i, w / ops.toNumber(g));
}

function negate<T>(row: Row<T>, ops: Ops<T>): void {
  for (const [c, v] of row.coefs) row.coefs.set(c, ops.sub(ops.from(0), v));
  row.rhs = -row.rhs;
  if (row.origin) for (const [i, w] of row.origin) row.origin.set(i, -w);
}

function remember<T>(rowsWith: Map<number, Set<Row<T>>>, col: number, row: Row<T>): void {
  const set = rowsWith.get(col);
  if (set) set.add(row);
  else rowsWith.set(col, new Set([row]));
}
