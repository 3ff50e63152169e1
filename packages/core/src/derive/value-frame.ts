import { DomainError } from '../domain/errors.ts';

/**
 * The areas of one level as dense positions 0…n-1, built once per level, so every column of that level
 * is a plain typed array indexed by position instead of a map keyed by strings.
 */
export interface AreaIndex {
  readonly keys: readonly string[];
  readonly positions: ReadonlyMap<string, number>;
}

export function areaIndex(keys: Iterable<string>): AreaIndex {
  const list: string[] = [];
  const positions = new Map<string, number>();
  for (const key of keys) {
    if (positions.has(key))
      throw new DomainError('ValidationFailed', `area key ${key} is listed twice`, { areaKey: key });
    positions.set(key, list.length);
    list.push(key);
  }
  return { keys: list, positions };
}

/**
 * One indicator in one period over the areas of an AreaIndex: parallel typed arrays, one entry per
 * area. A cell with status 0 has no observation. Codes: see value-codes.ts.
 */
export interface ValueColumn {
  /** The value, NaN where the observation has none (null). */
  values: Float64Array;
  /** STATUS_CODE of the observation; 0 where the area has no observation. */
  status: Uint8Array;
  /** REASON_CODE of the missing reason; 0 where there is none. */
  reasons: Uint8Array;
  /** Counts carried on the observations (ratios), NaN where null; null when no cell carries any. */
  numerators: Float64Array | null;
  denominators: Float64Array | null;
}

/**
 * Values of one level: indicator id → period → column over `areas`. An indicator may be listed with
 * no periods: it is known (a formula may refer to it) but has no values here.
 */
export interface ValueFrame {
  levelId: string;
  areas: AreaIndex;
  columns: Map<string, Map<string, ValueColumn>>;
}

/** A column with no observation in any area. */
export function emptyColumn(size: number, withCounts = false): ValueColumn {
  return {
    values: new Float64Array(size).fill(Number.NaN),
    status: new Uint8Array(size),
    reasons: new Uint8Array(size),
    numerators: withCounts ? new Float64Array(size).fill(Number.NaN) : null,
    denominators: withCounts ? new Float64Array(size).fill(Number.NaN) : null,
  };
}

/** The column of an indicator and period, created (empty) when the frame has none yet. */
export function columnOf(frame: ValueFrame, indicatorId: string, period: string): ValueColumn {
  let series = frame.columns.get(indicatorId);
  if (!series) frame.columns.set(indicatorId, (series = new Map()));
  let column = series.get(period);
  if (!column) series.set(period, (column = emptyColumn(frame.areas.keys.length)));
  return column;
}

/** How many areas of the column have an observation. */
export function countObserved(column: ValueColumn): number {
  let n = 0;
  for (const status of column.status) if (status !== 0) n++;
  return n;
}
