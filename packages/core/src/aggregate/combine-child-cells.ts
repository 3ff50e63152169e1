import type { ColumnReading } from '../derive/column-reading.ts';
import { ESTIMATED, FIRST_MISSING, REASON_CODE } from '../derive/value-codes.ts';
import type { LinkTable } from './link-table.ts';

/**
 * The columnar counterpart of combine-children.ts: one parent's children for one input and period,
 * read from column readings through the link table. Codes are reading codes (value-codes.ts), so
 * "weakest status" and "most restrictive reason" are both a maximum. The lists of missing and absent
 * children are only built when there are any (rare), for the warnings that name them.
 */
export type CellsCombined =
  | { kind: 'value'; value: number; code: number; absent: readonly string[] }
  | { kind: 'missing'; code: number; missing: readonly MissingChild[]; absent: readonly string[] };

export interface MissingChild {
  key: string;
  /** The reading code of the child's missing value. */
  code: number;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Σ weight · value over the parent's children (as `sumChildren`). With `pairedWith`, only children
 * that have an observation in both readings take part (a ratio's numerator and denominator under
 * partial coverage).
 */
export function sumCells(
  table: LinkTable,
  parent: number,
  cells: ColumnReading,
  partialAllowed: boolean,
  pairedWith: readonly [ColumnReading, ColumnReading] | null = null,
): CellsCombined {
  let total = 0;
  let status = 1;
  let reason = 0;
  let missing: MissingChild[] | null = null;
  let absent: string[] | null = null;
  let apportioned = false;
  for (let k = table.start[parent]!; k < table.start[parent + 1]!; k++) {
    const c = table.child[k]!;
    if (pairedWith && (c < 0 || pairedWith[0].codes[c] === 0 || pairedWith[1].codes[c] === 0)) continue;
    const w = table.weight[k]!;
    if (w > 0 && w < 1) apportioned = true;
    const code = c < 0 ? 0 : cells.codes[c]!;
    if (code === 0) (absent ??= []).push(table.childKeys[k]!);
    else if (code >= FIRST_MISSING) {
      (missing ??= []).push({ key: table.childKeys[k]!, code });
      if (code > reason) reason = code;
    } else {
      total += w * cells.values[c]!;
      if (code > status) status = code;
    }
  }
  return finish(total, status, reason, missing, absent, apportioned, partialAllowed);
}

/**
 * Σ w·x / Σ w with w = link weight · weight value (as `weightedMeanChildren`): a child with zero
 * weight is left out whatever its value; the result is marked estimated. `values` must be read with
 * `-` as missing (a `-` is no mean of 0), `weights` as the options say.
 */
export function weightedMeanCells(
  table: LinkTable,
  parent: number,
  values: ColumnReading,
  weights: ColumnReading,
  partialAllowed: boolean,
): CellsCombined {
  let sumWx = 0;
  let sumW = 0;
  let status = 1;
  let reason = 0;
  let missing: MissingChild[] | null = null;
  let absent: string[] | null = null;
  let apportioned = false;
  for (let k = table.start[parent]!; k < table.start[parent + 1]!; k++) {
    const c = table.child[k]!;
    const linkWeight = table.weight[k]!;
    if (linkWeight > 0 && linkWeight < 1) apportioned = true;
    const weightCode = c < 0 ? 0 : weights.codes[c]!;
    if (weightCode === 0) {
      (absent ??= []).push(table.childKeys[k]!);
      continue;
    }
    if (weightCode >= FIRST_MISSING) {
      (missing ??= []).push({ key: table.childKeys[k]!, code: weightCode });
      if (weightCode > reason) reason = weightCode;
      continue;
    }
    const w = linkWeight * weights.values[c]!;
    if (w === 0) continue;
    const valueCode = values.codes[c]!;
    if (valueCode === 0) (absent ??= []).push(table.childKeys[k]!);
    else if (valueCode >= FIRST_MISSING) {
      (missing ??= []).push({ key: table.childKeys[k]!, code: valueCode });
      if (valueCode > reason) reason = valueCode;
    } else {
      sumWx += w * values.values[c]!;
      sumW += w;
      status = Math.max(status, valueCode, weightCode);
    }
  }
  const combined = finish(sumW, status, reason, missing, absent, apportioned, partialAllowed);
  if (combined.kind === 'missing') return combined;
  if (sumW === 0)
    return { kind: 'missing', code: REASON_CODE.not_meaningful, missing: NONE, absent: combined.absent };
  // A population-weighted mean of means only approximates the mean over all individuals.
  return { kind: 'value', value: sumWx / sumW, code: ESTIMATED, absent: combined.absent };
}

function finish(
  value: number,
  status: number,
  reason: number,
  missing: MissingChild[] | null,
  absent: string[] | null,
  apportioned: boolean,
  partialAllowed: boolean,
): CellsCombined {
  const gap = absent !== null && !partialAllowed;
  if (missing !== null || gap) {
    const code = gap ? Math.max(reason, REASON_CODE.not_reported) : reason;
    return { kind: 'missing', code, missing: missing ?? NONE, absent: absent ?? NONE };
  }
  // Splitting a child between parents by a share, or leaving children out, gives an estimate.
  const code = apportioned || absent !== null ? Math.max(status, ESTIMATED) : status;
  return { kind: 'value', value, code, absent: absent ?? NONE };
}
