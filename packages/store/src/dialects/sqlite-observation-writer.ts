import { emptyCounts } from '@lagebild/core';
import type { ChangeCounts, Observation } from '@lagebild/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { ObservationWriter, ProgressListener } from '../engine.ts';
import { OBSERVATION_CHUNK, duplicateObservation, sameObservation } from '../observation-rows.ts';
import type { Database, ObservationRow } from '../schema.ts';

const SQL = {
  existing: `select * from observations where indicator_id = ? and level_id = ? and period = ?`,
  insert: `insert into observations
    (indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, batch_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  update: `update observations
    set value = ?, numerator = ?, denominator = ?, status = ?, missing_reason = ?, batch_id = ?
    where indicator_id = ? and level_id = ? and area_key = ? and period = ?`,
  history: `insert into observation_history
    (batch_id, indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, old_batch_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

type Statements = { [K in keyof typeof SQL]: BetterSqlite3.Statement };

/**
 * better-sqlite3 directly, on the connection Kysely's transaction holds: one prepared statement per
 * operation, reused for every row. Existing rows are read per (indicator, level, period), the shape
 * of an import, and compared in memory, so each input row costs one map lookup and at most two
 * statement runs.
 */
export class SqliteObservationWriter implements ObservationWriter {
  readonly #raw: BetterSqlite3.Database;
  #statements: Statements | null = null;

  constructor(raw: BetterSqlite3.Database) {
    this.#raw = raw;
  }

  // Kysely's transaction holds the one connection (and its mutex), so statements run on the raw
  // handle belong to that transaction; `trx` itself is not needed.
  async apply(
    _trx: Transaction<Database>,
    batchId: number,
    rows: readonly Observation[],
    onProgress?: ProgressListener,
  ): Promise<ChangeCounts> {
    this.#assertInTransaction();
    return this.#run(rows, batchId, onProgress);
  }

  async diff(_trx: Transaction<Database>, rows: readonly Observation[]): Promise<ChangeCounts> {
    this.#assertInTransaction();
    return this.#run(rows, null);
  }

  #assertInTransaction(): void {
    if (!this.#raw.inTransaction) throw new Error('the observation writer runs inside a Kysely transaction');
  }

  /** Compares every row with the stored one; writes when `batchId` is given (else only counts). */
  async #run(rows: readonly Observation[], batchId: number | null, onProgress?: ProgressListener): Promise<ChangeCounts> {
    const st = this.#prepare();
    const counts = emptyCounts();
    let done = 0;
    for (const group of groupByIndicatorLevelPeriod(rows)) {
      const first = group[0]!;
      // null marks a key this batch has already seen.
      const stored = new Map<string, ObservationRow | null>();
      for (const row of st.existing.all(first.indicatorId, first.levelId, first.period) as ObservationRow[]) {
        stored.set(row.area_key, row);
      }
      for (const input of group) {
        const old = stored.get(input.areaKey);
        if (old === null) throw duplicateObservation(input);
        stored.set(input.areaKey, null);
        if (old === undefined) {
          counts.inserted++;
          if (batchId !== null) insert(st, input, batchId);
        } else if (sameObservation(old, input)) {
          counts.unchanged++;
        } else {
          counts.updated++;
          if (batchId !== null) replace(st, old, input, batchId);
        }
        if (++done % OBSERVATION_CHUNK === 0) await progress(onProgress, done, rows.length);
      }
    }
    if (done % OBSERVATION_CHUNK !== 0 || done === 0) onProgress?.(done, rows.length);
    return counts;
  }

  #prepare(): Statements {
    this.#statements ??= {
      existing: this.#raw.prepare(SQL.existing),
      insert: this.#raw.prepare(SQL.insert),
      update: this.#raw.prepare(SQL.update),
      history: this.#raw.prepare(SQL.history),
    };
    return this.#statements;
  }
}

function insert(st: Statements, o: Observation, batchId: number): void {
  st.insert.run(
    o.indicatorId,
    o.levelId,
    o.areaKey,
    o.period,
    o.value ?? null,
    o.numerator ?? null,
    o.denominator ?? null,
    o.status,
    o.missingReason ?? null,
    batchId,
  );
}

function replace(st: Statements, old: ObservationRow, o: Observation, batchId: number): void {
  st.history.run(
    batchId,
    old.indicator_id,
    old.level_id,
    old.area_key,
    old.period,
    old.value,
    old.numerator,
    old.denominator,
    old.status,
    old.missing_reason,
    old.batch_id,
  );
  st.update.run(
    o.value ?? null,
    o.numerator ?? null,
    o.denominator ?? null,
    o.status,
    o.missingReason ?? null,
    batchId,
    o.indicatorId,
    o.levelId,
    o.areaKey,
    o.period,
  );
}

function groupByIndicatorLevelPeriod(rows: readonly Observation[]): Iterable<Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const row of rows) {
    const key = `${row.indicatorId}\u0000${row.levelId}\u0000${row.period}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups.values();
}

/** Reports progress and lets the event loop breathe between chunks. */
async function progress(onProgress: ProgressListener | undefined, done: number, total: number): Promise<void> {
  onProgress?.(done, total);
  await new Promise((resolve) => setImmediate(resolve));
}
