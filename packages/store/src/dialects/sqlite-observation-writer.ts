import { emptyCounts } from '@lagebild/core';
import type { ChangeCounts, Observation } from '@lagebild/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { ObservationWriter, ProgressListener } from '../engine.ts';
import { OBSERVATION_CHUNK, duplicateObservation, groupObservations } from '../observation-rows.ts';
import type { Database } from '../schema.ts';

const SQL = {
  // The primary key's order (indicator, level, period, area): one contiguous range per group.
  existing: `select area_key, value, numerator, denominator, status, missing_reason, batch_id
    from observations where indicator_id = ? and level_id = ? and period = ?`,
  insert: `insert into observations
    (indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, batch_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  update: `update observations
    set value = ?, numerator = ?, denominator = ?, status = ?, missing_reason = ?, batch_id = ?
    where indicator_id = ? and level_id = ? and period = ? and area_key = ?`,
  history: `insert into observation_history
    (batch_id, indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, old_batch_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

type Statements = { [K in keyof typeof SQL]: BetterSqlite3.Statement };

/** A stored row as `SQL.existing` returns it in raw mode (arrays are much cheaper than objects). */
type Stored = [
  areaKey: string,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  status: string,
  missingReason: string | null,
  batchId: number | null,
];

const PRIMARY_KEY_VIOLATION = 'SQLITE_CONSTRAINT_PRIMARYKEY';

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
  async #run(
    rows: readonly Observation[],
    batchId: number | null,
    onProgress?: ProgressListener,
  ): Promise<ChangeCounts> {
    const st = this.#prepare();
    const counts = emptyCounts();
    let done = 0;
    for (const group of groupObservations(rows)) {
      const first = group[0]!;
      // null marks a stored key this batch has already seen. Keys the batch inserts are not marked
      // when writing: inserting one twice violates the primary key, which names the duplicate.
      const stored = new Map<string, Stored | null>();
      for (const row of st.existing.all(first.indicatorId, first.levelId, first.period) as Stored[])
        stored.set(row[0], row);
      let input = first;
      try {
        for (input of group) {
          const old = stored.get(input.areaKey);
          if (old === undefined) {
            counts.inserted++;
            if (batchId !== null) insert(st, input, batchId);
            else stored.set(input.areaKey, null);
          } else if (old === null) {
            throw duplicateObservation(input);
          } else {
            stored.set(input.areaKey, null);
            if (same(old, input)) {
              counts.unchanged++;
            } else {
              counts.updated++;
              if (batchId !== null) replace(st, old, input, batchId);
            }
          }
          if (++done % OBSERVATION_CHUNK === 0) await progress(onProgress, done, rows.length);
        }
      } catch (error) {
        if ((error as { code?: string }).code === PRIMARY_KEY_VIOLATION) throw duplicateObservation(input);
        throw error;
      }
    }
    if (done % OBSERVATION_CHUNK !== 0 || done === 0) onProgress?.(done, rows.length);
    return counts;
  }

  #prepare(): Statements {
    this.#statements ??= {
      existing: this.#raw.prepare(SQL.existing).raw(true),
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

/** Null-safe, exact comparison of the stored measures and status with the incoming ones. */
function same(old: Stored, o: Observation): boolean {
  return (
    old[1] === (o.value ?? null) &&
    old[2] === (o.numerator ?? null) &&
    old[3] === (o.denominator ?? null) &&
    old[4] === o.status &&
    old[5] === (o.missingReason ?? null)
  );
}

function replace(st: Statements, old: Stored, o: Observation, batchId: number): void {
  const [areaKey, value, numerator, denominator, status, missingReason, oldBatchId] = old;
  st.history.run(
    batchId,
    o.indicatorId,
    o.levelId,
    areaKey,
    o.period,
    value,
    numerator,
    denominator,
    status,
    missingReason,
    oldBatchId,
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
    o.period,
    o.areaKey,
  );
}

/** Reports progress and lets the event loop breathe between chunks. */
async function progress(
  onProgress: ProgressListener | undefined,
  done: number,
  total: number,
): Promise<void> {
  onProgress?.(done, total);
  await new Promise((resolve) => setImmediate(resolve));
}
