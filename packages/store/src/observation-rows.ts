import { DomainError } from '@lagebild/core';
import type { Observation, StoredObservation } from '@lagebild/core';
import type { ObservationRow } from './schema.ts';

/** Rows per round trip or progress report on the bulk observation path. */
export const OBSERVATION_CHUNK = 10_000;

export const MEASURES = ['value', 'numerator', 'denominator'] as const;

/**
 * Checks what the database cannot check alike on both engines: numbers must be finite (SQLite would
 * store NaN as NULL, PostgreSQL as NaN). Returns the indicator and level ids the rows refer to.
 */
export function scanObservations(rows: readonly Observation[]): { indicatorIds: Set<string>; levelIds: Set<string> } {
  const indicatorIds = new Set<string>();
  const levelIds = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    indicatorIds.add(row.indicatorId);
    levelIds.add(row.levelId);
    for (const field of MEASURES) {
      const v = row[field];
      if (v != null && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new DomainError('ImportInvalid', `observation ${i}: ${field} must be a finite number or null, got ${String(v)}`, {
          index: i,
          field,
          found: String(v),
        });
      }
    }
  }
  return { indicatorIds, levelIds };
}

export function duplicateObservation(row: Observation): DomainError {
  const { indicatorId, levelId, areaKey, period } = row;
  return new DomainError(
    'ImportInvalid',
    `observation given twice in one batch: ${indicatorId} / ${levelId} / ${areaKey} / ${period}`,
    { indicatorId, levelId, areaKey, period },
  );
}

/** Null-safe exact comparison of everything but the identity and provenance. */
export function sameObservation(row: ObservationRow, input: Observation): boolean {
  return (
    row.value === (input.value ?? null) &&
    row.numerator === (input.numerator ?? null) &&
    row.denominator === (input.denominator ?? null) &&
    row.status === input.status &&
    row.missing_reason === (input.missingReason ?? null)
  );
}

export function toStoredObservation(row: ObservationRow): StoredObservation {
  return {
    indicatorId: row.indicator_id,
    levelId: row.level_id,
    areaKey: row.area_key,
    period: row.period,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    status: row.status as StoredObservation['status'],
    missingReason: row.missing_reason as StoredObservation['missingReason'],
    batchId: row.batch_id,
  };
}
