import { absentReading, ReadingCache, type ColumnReading } from './column-reading.ts';
import { buildDerivedGraph, type DerivedDefinition } from './derived-graph.ts';
import { formulaFunction } from './evaluate-formula.ts';
import type { ReadOptions } from './observation-value.ts';
import { FINAL, FIRST_MISSING, REASON_CODE, STATUS_CODE } from './value-codes.ts';
import { emptyColumn, type ValueColumn, type ValueFrame } from './value-frame.ts';

export interface DeriveFrameResult {
  /** The input columns and one column per derived indicator and period any of its inputs has. */
  frame: ValueFrame;
  /** The order the derived indicators were computed in. */
  order: string[];
}

/**
 * The columnar `recomputeDerived`: every derived indicator over whole columns of one level, in
 * dependency order, with the same rules per cell. A cell is computed where any input of the formula
 * has an observation; an input without one there reads as `not_reported`; any missing input makes
 * the result missing with the most restrictive reason; the status is the weakest of the inputs; x/0
 * is `not_meaningful`; `-` reads as 0 unless `nothingAsZero` is false. Columns of a derived id in the
 * input frame are ignored: they are what is being recomputed. The input frame is not changed.
 */
export function deriveFrame(
  definitions: readonly DerivedDefinition[],
  frame: ValueFrame,
  options: ReadOptions = {},
): DeriveFrameResult {
  const graph = buildDerivedGraph(definitions, frame.columns.keys());
  const columns = new Map(frame.columns);
  for (const id of graph.order) columns.delete(id);
  const readings = new ReadingCache(options.nothingAsZero ?? true);
  const size = frame.areas.keys.length;

  for (const id of graph.order) {
    const formula = graph.formulas.get(id)!;
    const fn = formulaFunction(formula);
    const inputs = formula.references.map((ref) => columns.get(ref) ?? new Map<string, ValueColumn>());
    const computed = new Map<string, ValueColumn>();
    for (const period of periodsOf(inputs)) {
      const cells = inputs.map((series) => {
        const column = series.get(period);
        return column ? readings.read(column) : absentReading(size);
      });
      const column = deriveColumn(fn, cells, size);
      if (column) computed.set(period, column);
    }
    columns.set(id, computed);
  }
  return { frame: { ...frame, columns }, order: graph.order };
}

function periodsOf(inputs: readonly ReadonlyMap<string, ValueColumn>[]): string[] {
  const periods = new Set<string>();
  for (const series of inputs) for (const period of series.keys()) periods.add(period);
  return [...periods].sort();
}

/** One formula over one period's columns; null when no input has an observation anywhere. */
function deriveColumn(
  fn: (values: readonly number[]) => number,
  inputs: readonly ColumnReading[],
  size: number,
): ValueColumn | null {
  const out = emptyColumn(size);
  const args = new Array<number>(inputs.length).fill(0);
  let cells = 0;
  for (let i = 0; i < size; i++) {
    let present = false;
    let code = FINAL;
    for (let j = 0; j < inputs.length; j++) {
      const input = inputs[j]!;
      let c = input.codes[i]!;
      if (c === 0) c = REASON_CODE.not_reported;
      else present = true;
      if (c > code) code = c;
      args[j] = input.values[i]!;
    }
    if (!present) continue;
    cells++;
    if (code >= FIRST_MISSING) {
      out.status[i] = STATUS_CODE.missing;
      out.reasons[i] = code;
      continue;
    }
    const value = fn(args);
    if (Number.isNaN(value)) {
      out.status[i] = STATUS_CODE.missing;
      out.reasons[i] = REASON_CODE.not_meaningful;
    } else {
      out.values[i] = value;
      out.status[i] = code;
    }
  }
  return cells > 0 ? out : null;
}
