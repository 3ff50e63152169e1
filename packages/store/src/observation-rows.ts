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
export function scanObservations(rows: readonly Observation[]): {
  indicatorIds: Set<string>;
  levelIds: Set<string>;
} {
  const indicatorIds = new Set<string>();
  const levelIds = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    indicatorIds.add(row.indicatorId);
    levelIds.add(row.levelId);
    for (const field of MEASURES) {
      const v = row[field];
      if (v != null && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new DomainError(
          'ImportInvalid',
          `observation ${i}: ${field} must be a finite number or null, got ${String(v)}`,
          {
            index: i,
            field,
            found: String(v),
          },
        );
      }
    }
  }
  return { indicatorIds, levelIds };
}

/**
 * The rows grouped by (indicator, level, period), groups in order of first appearance. Nested maps
 * on the ids themselves: building a composite key string per row costs more than the import's
 * actual writes when rows arrive in no particular order.
 */
export function groupObservations(rows: readonly Observation[]): Observation[][] {
  const groups: Observation[][] = [];
  const byIndicator = new Map<string, Map<string, Map<string, Observation[]>>>();
  let group: Observation[] | null = null;
  let last: Observation | null = null;
  for (const row of rows) {
    const sameRun =
      last !== null &&
      row.period === last.period &&
      row.indicatorId === last.indicatorId &&
      row.levelId === last.levelId;
    if (!sameRun) {
      let byLevel = byIndicator.get(row.indicatorId);
      if (!byLevel) byIndicator.set(row.indicatorId, (byLevel = new Map()));
      let byPeriod = byLevel.get(row.levelId);
      if (!byPeriod) byLevel.set(row.levelId, (byPeriod = new Map()));
      group = byPeriod.get(row.period) ?? null;
      if (group === null) {
        byPeriod.set(row.period, (group = []));
        groups.push(group);
      }
    }
    group!.push(row);
    last = row;
  }
  return groups;
}

/** Throws `ImportInvalid` on the first identity given twice within the groups. */
export function assertUniqueObservations(groups: readonly Observation[][]): void {
  for (const group of groups) {
    const keys = new Set<string>();
    for (const row of group) {
      if (keys.has(row.areaKey)) throw duplicateObservation(row);
      keys.add(row.areaKey);
    }
  }
}

export function duplicateObservation(row: Observation): DomainError {
  const { indicatorId, levelId, areaKey, period } = row;
  return new DomainError(
    'ImportInvalid',
    `observation given twice in one batch: ${indicatorId} / ${levelId} / ${areaKey} / ${period}`,
    { indicatorId, levelId, areaKey, period },
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
