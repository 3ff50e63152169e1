import { emptyCounts } from '@lagebild/core';
import type { ChangeCounts, Observation } from '@lagebild/core';
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import type { ObservationWriter, ProgressListener } from '../engine.ts';
import { OBSERVATION_CHUNK, duplicateObservation } from '../observation-rows.ts';
import type { Database } from '../schema.ts';

const CARDINALITY_VIOLATION = '21000';

/**
 * One statement per chunk: the chunk travels as nine arrays (`unnest`), is upserted with
 * `on conflict … do update … where … is distinct from …` (unchanged rows are not touched), and the
 * pre-images of the rows it replaced, read from the same snapshot, go to observation_history.
 */
export class PostgresObservationWriter implements ObservationWriter {
  async apply(
    trx: Transaction<Database>,
    batchId: number,
    rows: readonly Observation[],
    onProgress?: ProgressListener,
  ): Promise<ChangeCounts> {
    const counts = emptyCounts();
    if (rows.length === 0) onProgress?.(0, 0);
    for (let start = 0; start < rows.length; start += OBSERVATION_CHUNK) {
      const chunk = rows.slice(start, start + OBSERVATION_CHUNK);
      const result = await upsertChunk(trx, batchId, chunk);
      if (result.repeated) throw duplicateObservation(fromKey(result.repeated));
      counts.inserted += result.written - result.updated;
      counts.updated += result.updated;
      counts.unchanged += chunk.length - result.written;
      onProgress?.(start + chunk.length, rows.length);
    }
    return counts;
  }

  async diff(trx: Transaction<Database>, rows: readonly Observation[]): Promise<ChangeCounts> {
    assertNoDuplicates(rows);
    const counts = emptyCounts();
    for (let start = 0; start < rows.length; start += OBSERVATION_CHUNK) {
      const chunk = rows.slice(start, start + OBSERVATION_CHUNK);
      const { rows: [r] } = await sql<{ inserted: number; updated: number }>`
        select count(*) filter (where o.indicator_id is null) as inserted,
               count(*) filter (where o.indicator_id is not null and ${changed('o', 'i')}) as updated
        from ${input(chunk)}
        left join observations o on o.indicator_id = i.indicator_id and o.level_id = i.level_id
          and o.area_key = i.area_key and o.period = i.period`.execute(trx);
      counts.inserted += Number(r!.inserted);
      counts.updated += Number(r!.updated);
      counts.unchanged += chunk.length - Number(r!.inserted) - Number(r!.updated);
    }
    return counts;
  }
}

interface ChunkResult {
  written: number;
  updated: number;
  /** Identity of a row an earlier chunk of this batch already wrote. */
  repeated: [string, string, string, string] | null;
}

async function upsertChunk(trx: Transaction<Database>, batchId: number, chunk: Observation[]): Promise<ChunkResult> {
  try {
    const { rows } = await sql<ChunkResult>`
      with i as (select * from ${input(chunk)}),
      old as (
        select o.* from observations o
        join i using (indicator_id, level_id, area_key, period)
      ),
      up as (
        insert into observations
          (indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason, batch_id)
        select indicator_id, level_id, area_key, period, value, numerator, denominator, status, missing_reason,
          ${batchId}::integer
        from i
        on conflict (indicator_id, level_id, area_key, period) do update set
          value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
          status = excluded.status, missing_reason = excluded.missing_reason, batch_id = excluded.batch_id
        where ${changed('observations', 'excluded')}
        returning indicator_id, level_id, area_key, period
      ),
      hist as (
        insert into observation_history
          (batch_id, indicator_id, level_id, area_key, period, value, numerator, denominator, status,
           missing_reason, old_batch_id)
        select ${batchId}::integer, indicator_id, level_id, area_key, period, old.value, old.numerator,
          old.denominator, old.status, old.missing_reason, old.batch_id
        from old join up using (indicator_id, level_id, area_key, period)
        returning 1
      )
      select (select count(*) from up)::integer as written,
             (select count(*) from hist)::integer as updated,
             (select json_build_array(indicator_id, level_id, area_key, period) from old
               where batch_id = ${batchId}::integer limit 1) as repeated`.execute(trx);
    return rows[0]!;
  } catch (error) {
    // "ON CONFLICT DO UPDATE command cannot affect row a second time": a key twice in this chunk.
    if ((error as { code?: string }).code === CARDINALITY_VIOLATION) assertNoDuplicates(chunk);
    throw error;
  }
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

/** Null-safe, exact: true when any stored field differs from the incoming one. */
function changed(stored: string, incoming: string): RawBuilder<unknown> {
  const fields = ['value', 'numerator', 'denominator', 'status', 'missing_reason'];
  const row = (alias: string) => sql.join(fields.map((f) => sql.ref(`${alias}.${f}`)));
  return sql`(${row(stored)}) is distinct from (${row(incoming)})`;
}

function assertNoDuplicates(rows: readonly Observation[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.indicatorId}\u0000${row.levelId}\u0000${row.areaKey}\u0000${row.period}`;
    if (seen.has(key)) throw duplicateObservation(row);
    seen.add(key);
  }
}

function fromKey([indicatorId, levelId, areaKey, period]: [string, string, string, string]): Observation {
  return { indicatorId, levelId, areaKey, period, value: null, numerator: null, denominator: null, status: 'missing', missingReason: null };
}
