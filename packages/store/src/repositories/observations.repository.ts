import { appendAll } from '@lagebild/core';
import type { StoredObservation } from '@lagebild/core';
import type { Kysely } from 'kysely';
import { toStoredObservation } from '../observation-rows.ts';
import type { Database } from '../schema.ts';
import type { ValueQuery } from '../store.ts';

/** Area keys per query: far below both engines' limits on bound parameters. */
const KEYS_PER_QUERY = 5_000;

/** Reads, and the set-based undo. Bulk writes go through the engine's ObservationWriter. */
export class ObservationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async values(query: ValueQuery): Promise<StoredObservation[]> {
    if (query.areaKeys !== undefined) return this.#valuesOfKeys(query, [...new Set(query.areaKeys)]);
    const rows = await this.#select(query).execute();
    return rows.map(toStoredObservation);
  }

  async #valuesOfKeys(query: ValueQuery, keys: string[]): Promise<StoredObservation[]> {
    if (keys.length === 0) return [];
    const first = await this.#select(query).where('area_key', 'in', keys.slice(0, KEYS_PER_QUERY)).execute();
    const rows = [...first];
    for (let i = KEYS_PER_QUERY; i < keys.length; i += KEYS_PER_QUERY) {
      const slice = keys.slice(i, i + KEYS_PER_QUERY);
      appendAll(rows, await this.#select(query).where('area_key', 'in', slice).execute());
    }
    // Slices are each ordered; merge them in the same code-point order the engines use.
    if (keys.length > KEYS_PER_QUERY)
      rows.sort((a, b) => compare(a.area_key, b.area_key) || compare(a.period, b.period));
    return rows.map(toStoredObservation);
  }

  #select(query: ValueQuery) {
    return this.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', query.indicatorId)
      .where('level_id', '=', query.levelId)
      .$if(query.period !== undefined, (q) => q.where('period', '=', query.period!))
      .orderBy('area_key')
      .orderBy('period');
  }

  async periods(indicatorId: string, levelId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('observations')
      .select('period')
      .distinct()
      .where('indicator_id', '=', indicatorId)
      .where('level_id', '=', levelId)
      .orderBy('period')
      .execute();
    return rows.map((r) => r.period);
  }

  async series(indicatorId: string, levelId: string, areaKey: string): Promise<StoredObservation[]> {
    const rows = await this.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .where('level_id', '=', levelId)
      .where('area_key', '=', areaKey)
      .orderBy('period')
      .execute();
    return rows.map(toStoredObservation);
  }

  async count(indicatorId: string): Promise<{ levelId: string; periods: number; values: number }[]> {
    const rows = await this.db
      .selectFrom('observations')
      .select((eb) => [
        'level_id',
        eb.fn.count<number>('period').distinct().as('periods'),
        eb.fn.countAll<number>().as('values'),
      ])
      .where('indicator_id', '=', indicatorId)
      .groupBy('level_id')
      .orderBy('level_id')
      .execute();
    return rows.map((r) => ({ levelId: r.level_id, periods: Number(r.periods), values: Number(r.values) }));
  }

  /** Deletes what the batch inserted, restores what it replaced, drops its history. */
  async undo(batchId: number): Promise<void> {
    await this.db
      .deleteFrom('observations')
      .where('batch_id', '=', batchId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('observation_history as h')
              .select('h.batch_id')
              .where('h.batch_id', '=', batchId)
              .whereRef('h.indicator_id', '=', 'observations.indicator_id')
              .whereRef('h.level_id', '=', 'observations.level_id')
              .whereRef('h.area_key', '=', 'observations.area_key')
              .whereRef('h.period', '=', 'observations.period'),
          ),
        ),
      )
      .execute();
    await this.db
      .updateTable('observations')
      .from('observation_history as h')
      .set((eb) => ({
        value: eb.ref('h.value'),
        numerator: eb.ref('h.numerator'),
        denominator: eb.ref('h.denominator'),
        status: eb.ref('h.status'),
        missing_reason: eb.ref('h.missing_reason'),
        batch_id: eb.ref('h.old_batch_id'),
      }))
      .where('h.batch_id', '=', batchId)
      .whereRef('h.indicator_id', '=', 'observations.indicator_id')
      .whereRef('h.level_id', '=', 'observations.level_id')
      .whereRef('h.area_key', '=', 'observations.area_key')
      .whereRef('h.period', '=', 'observations.period')
      .execute();
    await this.db.deleteFrom('observation_history').where('batch_id', '=', batchId).execute();
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
