import { ABSENT, FINAL, readingCode, REASON_CODE } from './value-codes.ts';
import type { ValueColumn } from './value-frame.ts';

/**
 * A column as computations read it: per area the reading code (0 no observation, 1–3 a value with its
 * status, 4–10 missing with its reason; see value-codes.ts) and the number to use where it is a value.
 */
export interface ColumnReading {
  codes: Uint8Array;
  values: Float64Array;
}

export type ColumnField = 'values' | 'numerators' | 'denominators';

/**
 * Reads a whole column once, as `readNumber` reads each observation; `field` picks the number read
 * (a ratio's carried numerator or denominator is read with the observation's status and reason).
 * With `nothingAsZero` the official `-` reads as an exact 0, final; the stored numbers stay untouched.
 */
export function readColumn(
  column: ValueColumn,
  nothingAsZero: boolean,
  field: ColumnField = 'values',
): ColumnReading {
  const size = column.status.length;
  const stored = column[field] ?? new Float64Array(size).fill(Number.NaN);
  const codes = new Uint8Array(size);
  let values = stored;
  for (let i = 0; i < size; i++) {
    let code = readingCode(column.status[i]!, stored[i]!, column.reasons[i]!);
    if (code === REASON_CODE.nothing && nothingAsZero) {
      if (values === stored) values = stored.slice();
      values[i] = 0;
      code = FINAL;
    }
    codes[i] = code;
  }
  return { codes, values };
}

/** A reading with no observation anywhere, for an input that has no column in a period. */
export function absentReading(size: number): ColumnReading {
  return { codes: new Uint8Array(size).fill(ABSENT), values: new Float64Array(size) };
}

/**
 * Readings are computed once per column and reused by every formula or rule that reads it, within
 * one call (the options, and so the reading, are fixed there).
 */
export class ReadingCache {
  private readonly cache = new Map<ValueColumn, Partial<Record<ColumnField, ColumnReading>>>();

  constructor(private readonly nothingAsZero: boolean) {}

  read(column: ValueColumn, field: ColumnField = 'values'): ColumnReading {
    let entry = this.cache.get(column);
    if (!entry) this.cache.set(column, (entry = {}));
    return (entry[field] ??= readColumn(column, this.nothingAsZero, field));
  }
}
