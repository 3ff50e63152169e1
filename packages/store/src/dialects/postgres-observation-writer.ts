import { emptyCounts } from '@lagebild/core';
import type { ChangeCounts, Observation } from '@lagebild/core';
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import type { ObservationWriter, ProgressListener } from '../engine.ts';
import { OBSERVATION_CHUNK, assertUniqueObservations, groupObservations } from '../observation-rows.ts';
import type { Database } from '../schema.ts';

/**
 * One round trip per chunk, the chunk travelling as nine arrays (`unnest`). A chunk whose
 * (indicator, level, period) groups held no rows before the batch is inserted plainly; any other
 * chunk is compared with the stored rows and only new and changed rows are written (`on conflict …
 * do update`), the pre-images of the rows it replaces going to observation_history.
 */
export class PostgresObservationWriter implements ObservationWriter {
  async apply(
    trx: Transaction<Database>,
    batchId: number,
    observations: readonly Observation[],
    onProgress?: ProgressListener,
  ): Promise<ChangeCounts> {
    const rows = byGroup(observations);
    const counts = emptyCounts();
    const groups = new GroupsWithStoredRows();
    if (rows.length === 0) onProgress?.(0, 0);
    for (let start = 0; start < rows.length; start += OBSERVATION_CHUNK) {
      const chunk = rows.slice(start, start + OBSERVATION_CHUNK);
      const fresh = !(await groups.any(trx, chunk));
      const result = fresh ? await insertChunk(trx, batchId, chunk) : await upsertChunk(trx, batchId, chunk);
      counts.inserted += result.written - result.updated;
      counts.updated += result.updated;
      counts.unchanged += chunk.length - result.written;
      onProgress?.(start + chunk.length, rows.length);
    }
    return counts;
  }

  async diff(trx: Transaction<Database>, observations: readonly Observation[]): Promise<ChangeCounts> {
    const rows = byGroup(observations);
    const counts = emptyCounts();
    const groups = new GroupsWithStoredRows();
    for (let start = 0; start < rows.length; start += OBSERVATION_CHUNK) {
      const chunk = rows.slice(start, start + OBSERVATION_CHUNK);
      if (!(await groups.any(trx, chunk))) {
        counts.inserted += chunk.length;
        continue;
      }
      const {
        rows: [r],
      } = await sql<{ inserted: number; updated: number }>`
        select count(*) filter (where o.indicator_id is null) as inserted,
               count(*) filter (where o.indicator_id is not null and ${differs('o', 'i')}) as updated
        from ${input(chunk)} left join lateral ${storedRow('i')} o on true`.execute(trx);
      counts.inserted += Number(r!.inserted);
      counts.updated += Number(r!.updated);
      counts.unchanged += chunk.length - Number(r!.inserted) - Number(r!.updated);
    }
    return counts;
  }
}

/**
 * The rows group after group, each identity checked to be unique first: an unchanged row is not
 * written, so the database could not see it repeated. Chunks of one group also insert in key order
 * and keep a group that holds stored rows from pulling new rows of other groups into the upsert.
 */
function byGroup(rows: readonly Observation[]): Observation[] {
  const groups = groupObservations(rows);
  assertUniqueObservations(groups);
  return groups.flat();
}

interface ChunkResult {
  written: number;
  updated: number;
}

interface Group {
  key: string;
  indicatorId: string;
  levelId: string;
  period: string;
}

/**
 * Which (indicator, level, period) groups held rows before this batch. A chunk none of whose groups
 * did consists of new rows only: it is inserted plainly, or counted without a probe. Each group is asked about once, when the
 * batch first meets it, so rows the batch itself wrote never count; the batch lock keeps others out.
 */
class GroupsWithStoredRows {
  readonly #known = new Map<string, boolean>();

  async any(trx: Transaction<Database>, chunk: readonly Observation[]): Promise<boolean> {
    const groups = distinctGroups(chunk);
    const unknown = groups.filter((g) => !this.#known.has(g.key));
    if (unknown.length > 0) {
      const { rows } = await sql<{ n: number }>`
        select g.n from unnest(${unknown.map((g) => g.indicatorId)}::text[], ${unknown.map((g) => g.levelId)}::text[],
            ${unknown.map((g) => g.period)}::text[]) with ordinality as g(indicator_id, level_id, period, n),
          lateral (
            select 1 from observations o
            where o.indicator_id = g.indicator_id and o.level_id = g.level_id and o.period = g.period
            limit 1
          ) o`.execute(trx);
      const stored = new Set(rows.map((r) => Number(r.n) - 1));
      unknown.forEach((g, i) => this.#known.set(g.key, stored.has(i)));
    }
    return groups.some((g) => this.#known.get(g.key));
  }
}

async function insertChunk(
  trx: Transaction<Database>,
  batchId: number,
  chunk: Observation[],
): Promise<ChunkResult> {
  await sql`
    insert into observations
      (indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, batch_id)
    select indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason,
      ${batchId}::integer
    from ${input(chunk)}`.execute(trx);
  return { written: chunk.length, updated: 0 };
}

/**
 * Probes each row's stored twin (same snapshot for everything below), then writes only what is new
 * or changed: unchanged rows are neither written nor locked. Replaced rows go to history.
 */
async function upsertChunk(
  trx: Transaction<Database>,
  batchId: number,
  chunk: Observation[],
): Promise<ChunkResult> {
  const { rows } = await sql<ChunkResult>`
    with i as (select * from ${input(chunk)}),
    j as (
      select i.*, o.indicator_id is not null as found, o.batch_id as old_batch_id, o.value as old_value,
        o.numerator as old_numerator, o.denominator as old_denominator, o.status as old_status,
        o.missing_reason as old_missing_reason
      from i left join lateral ${storedRow('i')} o on true
    ),
    w as (
      insert into observations
        (indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, batch_id)
      select indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason,
        ${batchId}::integer
      from j where not found or ${changed('j')}
      on conflict (indicator_id, level_id, period, area_key) do update set
        value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
        status = excluded.status, missing_reason = excluded.missing_reason, batch_id = excluded.batch_id
      returning 1
    ),
    hist as (
      insert into observation_history
        (batch_id, indicator_id, level_id, area_key, period, value, numerator, denominator, status,
         missing_reason, old_batch_id)
      select ${batchId}::integer, indicator_id, level_id, area_key, period, old_value, old_numerator,
        old_denominator, old_status, old_missing_reason, old_batch_id
      from j where found and ${changed('j')}
      returning 1
    )
    select (select count(*) from w)::integer as written, (select count(*) from hist)::integer as updated`.execute(
    trx,
  );
  return rows[0]!;
}

/** The chunk as a relation `i` with typed columns. */
function input(chunk: readonly Observation[]): RawBuilder<unknown> {
  const n = chunk.length;
  const ind = new Array<string>(n);
  const lvl = new Array<string>(n);
  const key = new Array<string>(n);
  const per = new Array<string>(n);
  const val = new Array<number | null>(n);
  const num = new Array<number | null>(n);
  const den = new Array<number | null>(n);
  const st = new Array<string>(n);
  const mr = new Array<string | null>(n);
  for (let j = 0; j < n; j++) {
    const o = chunk[j]!;
    ind[j] = o.indicatorId;
    lvl[j] = o.levelId;
    key[j] = o.areaKey;
    per[j] = o.period;
    val[j] = o.value ?? null;
    num[j] = o.numerator ?? null;
    den[j] = o.denominator ?? null;
    st[j] = o.status;
    mr[j] = o.missingReason ?? null;
  }
  return sql`unnest(${ind}::text[], ${lvl}::text[], ${key}::text[], ${per}::text[], ${val}::float8[],
      ${num}::float8[], ${den}::float8[], ${st}::text[], ${mr}::text[])
    as i(indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason)`;
}

/** The (indicator, level, period) groups of a chunk, each once. */
function distinctGroups(chunk: readonly Observation[]): Group[] {
  return groupObservations(chunk).map(([o]) => ({
    key: `${o!.indicatorId}\u0000${o!.levelId}\u0000${o!.period}`,
    indicatorId: o!.indicatorId,
    levelId: o!.levelId,
    period: o!.period,
  }));
}

/**
 * The stored row with the identity of `alias`'s current row: an index probe per input row. A plain
 * join (or a lateral subquery the planner may pull up into one) can be planned as a scan of the
 * whole table per chunk, as the statistics lag behind the table inside the import transaction;
 * `limit 1` keeps the subquery a subquery.
 */
function storedRow(alias: string): RawBuilder<unknown> {
  const match = ['indicator_id', 'level_id', 'period', 'area_key'].map(
    (c) => sql`s.${sql.ref(c)} = ${sql.ref(`${alias}.${c}`)}`,
  );
  return sql`(select * from observations s where ${sql.join(match, sql` and `)} limit 1)`;
}

const COMPARED = ['value', 'numerator', 'denominator', 'status', 'missing_reason'];

/** Null-safe, exact: true when any stored field (`old_…` in the probe) differs from the incoming one. */
function changed(alias: string): RawBuilder<unknown> {
  const fields = (prefix: string) => sql.join(COMPARED.map((f) => sql.ref(`${alias}.${prefix}${f}`)));
  return sql`(${fields('old_')}) is distinct from (${fields('')})`;
}

/** The same comparison between a stored row `o` and an input row `i`. */
function differs(stored: string, incoming: string): RawBuilder<unknown> {
  const fields = (a: string) => sql.join(COMPARED.map((f) => sql.ref(`${a}.${f}`)));
  return sql`(${fields(stored)}) is distinct from (${fields(incoming)})`;
}
