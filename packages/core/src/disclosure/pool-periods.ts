import { DomainError } from '../domain/errors.ts';
import type { MissingReason, Observation, ObservationStatus } from '../domain/observation.ts';
import { confidentialAtSource } from './primary-suppression.ts';

export interface PoolOptions {
  /** How many consecutive periods make one pooled value (the rule's `poolPeriods`). */
  periods: number;
  /**
   * For shares and rates: the pooled value is `ratePer × Σ numerator / Σ denominator`. Omit for
   * counts: the pooled value is the sum of the values.
   */
  ratePer?: number;
}

/** A multi-period total: `period` is the last period of the block, `pooledFrom` the first. */
export interface PooledObservation extends Observation {
  pooledFrom: string;
  pooledPeriods: number;
}

export interface PoolResult {
  observations: PooledObservation[];
  /** Periods in no complete block (the oldest ones, or blocks with a gap), which are not published. */
  dropped: string[];
  warnings: string[];
}

/**
 * Pools counts over blocks of n consecutive periods, so that small areas can be published as
 * multi-year totals (e.g. school-entry examinations 2020–2022). Blocks do not overlap and end with
 * the latest period: rolling windows (2019–2021 next to 2020–2022) would give away the difference of
 * single years. A block is pooled only when every period of it is present for the area; otherwise the
 * pooled value is missing, and confidential when one of its periods is.
 */
export function poolPeriods(observations: readonly Observation[], options: PoolOptions): PoolResult {
  const n = options.periods;
  if (!Number.isInteger(n) || n < 2)
    throw new DomainError('ValidationFailed', `invalid periods: ${n} (expected a whole number >= 2)`);
  if (options.ratePer !== undefined && !(options.ratePer > 0))
    throw new DomainError('ValidationFailed', `invalid ratePer: ${options.ratePer} (expected a number > 0)`);
  const periods = [...new Set(observations.map((o) => o.period))].sort();
  const warnings: string[] = [];
  const dropped = periods.slice(0, periods.length % n);
  const blocks: string[][] = [];
  for (let start = periods.length % n; start < periods.length; start += n) {
    const block = periods.slice(start, start + n);
    const gap = yearGap(block);
    if (gap) {
      warnings.push(`block ${block[0]}–${block[n - 1]} is not consecutive (${gap}); not pooled`);
      dropped.push(...block);
    } else blocks.push(block);
  }
  const series = new Map<string, Map<string, Observation>>();
  for (const o of observations) {
    const key = `${o.indicatorId}\u0000${o.levelId}\u0000${o.areaKey}`;
    let byPeriod = series.get(key);
    if (!byPeriod) series.set(key, (byPeriod = new Map()));
    byPeriod.set(o.period, o);
  }
  const pooled: PooledObservation[] = [];
  for (const byPeriod of series.values()) {
    const first = byPeriod.values().next().value!;
    for (const block of blocks)
      pooled.push(
        poolBlock(
          first,
          block,
          block.map((p) => byPeriod.get(p)),
          options,
        ),
      );
  }
  return { observations: pooled, dropped, warnings };
}

/** Years of a block of yearly periods must follow each other; other period kinds are not checked. */
function yearGap(block: readonly string[]): string | null {
  if (!block.every((p) => /^\d{4}$/.test(p))) return null;
  for (let i = 1; i < block.length; i++)
    if (Number(block[i]) !== Number(block[i - 1]) + 1) return `${Number(block[i - 1]) + 1} is missing`;
  return null;
}

function poolBlock(
  like: Observation,
  block: readonly string[],
  items: readonly (Observation | undefined)[],
  options: PoolOptions,
): PooledObservation {
  const base = {
    indicatorId: like.indicatorId,
    levelId: like.levelId,
    areaKey: like.areaKey,
    period: block[block.length - 1]!,
    pooledFrom: block[0]!,
    pooledPeriods: block.length,
  };
  const absent = (status: ObservationStatus, missingReason: MissingReason): PooledObservation => ({
    ...base,
    value: null,
    numerator: null,
    denominator: null,
    status,
    missingReason,
  });
  if (items.some((o) => o !== undefined && confidentialAtSource(o)))
    return absent('suppressed', 'suppressed');
  const gap = items.findIndex((o) => o === undefined || o.status === 'missing');
  if (gap !== -1) return absent('missing', items[gap]?.missingReason ?? 'not_reported');
  const present = items as readonly Observation[];
  const numerator = sumOf(present.map((o) => o.numerator));
  const denominator = sumOf(present.map((o) => o.denominator));
  const status = combinedStatus(present.map((o) => o.status));
  if (options.ratePer === undefined) {
    const value = sumOf(present.map((o) => o.value));
    if (value === null) return absent('missing', 'not_reported');
    return { ...base, value, numerator, denominator, status, missingReason: null };
  }
  if (numerator === null || denominator === null) return absent('missing', 'not_reported');
  if (denominator === 0) return absent('missing', 'not_meaningful');
  const value = (options.ratePer * numerator) / denominator;
  return { ...base, value, numerator, denominator, status, missingReason: null };
}

function sumOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** The weakest status of the parts: one estimated period makes the total an estimate. */
function combinedStatus(statuses: readonly ObservationStatus[]): ObservationStatus {
  if (statuses.includes('estimated')) return 'estimated';
  if (statuses.includes('provisional')) return 'provisional';
  return 'final';
}
