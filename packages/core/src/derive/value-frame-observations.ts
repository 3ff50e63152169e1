import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { REASON_CODE, reasonOfCode, STATUS_CODE, statusOfCode } from './value-codes.ts';
import { areaIndex, columnOf, type ValueColumn, type ValueFrame } from './value-frame.ts';

export interface FramesOptions {
  /**
   * Per level, the areas to index first (e.g. all Gemeinden, in a fixed order); areas of observations
   * not listed are added after them in the order they are first seen.
   */
  areas?: ReadonlyMap<string, Iterable<string>>;
  /** Indicator ids to list in every frame even without observations there (formula inputs). */
  indicators?: Iterable<string>;
}

/**
 * The boundary into the columnar path: observations of any levels as one ValueFrame per level. Every
 * field round-trips (`observationsFromFrame`), except that a NaN value comes back as null. Two
 * observations for one cell are an error, as in the object path.
 */
export function framesFromObservations(
  observations: readonly Observation[],
  options: FramesOptions = {},
): Map<string, ValueFrame> {
  const frames = new Map<string, ValueFrame>();
  for (const [levelId, keys] of indexAreas(observations, options.areas))
    frames.set(levelId, { levelId, areas: areaIndex(keys), columns: new Map() });
  for (const frame of frames.values())
    for (const id of options.indicators ?? []) if (!frame.columns.has(id)) frame.columns.set(id, new Map());
  for (const obs of observations) {
    const frame = frames.get(obs.levelId)!;
    const column = columnOf(frame, obs.indicatorId, obs.period);
    const i = frame.areas.positions.get(obs.areaKey)!;
    if (column.status[i] !== 0)
      throw new DomainError(
        'ValidationFailed',
        `indicator "${obs.indicatorId}" has two observations for area ${obs.areaKey} (level ${obs.levelId}), period ${obs.period}`,
        { indicatorId: obs.indicatorId, levelId: obs.levelId, areaKey: obs.areaKey, period: obs.period },
      );
    setObservationCell(column, i, obs);
  }
  return frames;
}

function indexAreas(
  observations: readonly Observation[],
  given: ReadonlyMap<string, Iterable<string>> | undefined,
): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const [levelId, listed] of given ?? []) keys.set(levelId, new Set(listed));
  for (const obs of observations) {
    let level = keys.get(obs.levelId);
    if (!level) keys.set(obs.levelId, (level = new Set()));
    level.add(obs.areaKey);
  }
  return keys;
}

/** Writes one observation's value, status, reason and counts into cell `i` of the column. */
export function setObservationCell(
  column: ValueColumn,
  i: number,
  obs: Pick<Observation, 'value' | 'status' | 'missingReason' | 'numerator' | 'denominator'>,
): void {
  column.values[i] = obs.value ?? Number.NaN;
  column.status[i] = STATUS_CODE[obs.status];
  column.reasons[i] = obs.missingReason === null ? 0 : REASON_CODE[obs.missingReason];
  if (obs.numerator !== null) (column.numerators ??= nanArray(column.values.length))[i] = obs.numerator;
  if (obs.denominator !== null) (column.denominators ??= nanArray(column.values.length))[i] = obs.denominator;
}

function nanArray(size: number): Float64Array {
  return new Float64Array(size).fill(Number.NaN);
}

/**
 * The boundary out of the columnar path: one observation per cell that has one, by indicator (in the
 * frame's order), period (in the frame's order) and area position.
 */
export function observationsFromFrame(frame: ValueFrame): Observation[] {
  const result: Observation[] = [];
  for (const [indicatorId, series] of frame.columns)
    for (const [period, column] of series)
      for (let i = 0; i < column.status.length; i++) {
        if (column.status[i] === 0) continue;
        result.push({
          indicatorId,
          levelId: frame.levelId,
          areaKey: frame.areas.keys[i]!,
          period,
          ...observationCell(column, i),
        });
      }
  return result;
}

/** The value, status, reason and counts of cell `i` (which must have an observation). */
export function observationCell(
  column: ValueColumn,
  i: number,
): Pick<Observation, 'value' | 'numerator' | 'denominator' | 'status' | 'missingReason'> {
  return {
    value: nullable(column.values[i]!),
    numerator: column.numerators ? nullable(column.numerators[i]!) : null,
    denominator: column.denominators ? nullable(column.denominators[i]!) : null,
    status: statusOfCode(column.status[i]!),
    missingReason: reasonOfCode(column.reasons[i]!),
  };
}

function nullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
