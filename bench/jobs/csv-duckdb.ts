import { stopwatch, type JobOutcome } from '../harness.ts';
import { LEVEL_ID } from '../fixtures/long-csv.ts';
import { literal, ON_CONFLICT_UPDATE, OBSERVATIONS_TABLE, openDuckDb, scalar } from './duckdb.ts';

/**
 * Benchmark 1, baseline: DuckDB reads the same long CSV (`;`, decimal comma), in two variants.
 *   load    CREATE TABLE … AS SELECT * FROM read_csv(…): parse and store, nothing else.
 *   upsert  INSERT … ON CONFLICT DO UPDATE into a table keyed like Lagebild's observations, keeping
 *           only rows whose area key is in the area table: the closest plain-SQL counterpart of an
 *           import that checks keys and replaces existing values.
 * Both are timed up to a CHECKPOINT, so the data is in the database file as in a committed import.
 */
export interface CsvDuckDbParams {
  variant: 'load' | 'upsert';
  csvPath: string;
  keysPath: string;
  dbPath: string;
}

export async function csvDuckDb(params: CsvDuckDbParams): Promise<JobOutcome> {
  const { db, close } = await openDuckDb(params.dbPath);
  try {
    const source = `read_csv(${literal(params.csvPath)}, delim = ';', header = true, decimal_separator = ',',
      columns = {'key': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'DOUBLE'})`;
    if (params.variant === 'load') {
      const timer = stopwatch();
      await db.run(`create table obs as select * from ${source}`);
      await db.run('checkpoint');
      const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];
      return { seconds, cpuSeconds, counts: { values: await scalar(db, 'select count(*) from obs') } };
    }
    // Untimed: the areas the store would already hold, and the empty keyed table.
    await db.run(
      `create table areas as select key from read_csv(${literal(params.keysPath)}, header = true, columns = {'key': 'VARCHAR'})`,
    );
    await db.run(OBSERVATIONS_TABLE);
    const timer = stopwatch();
    await db.run(`insert into observations
      select c.indicator, ${literal(LEVEL_ID)}, c.key, c.period, c.value, 'final', null, 1
      from ${source} c
      where c.key in (select key from areas)
      ${ON_CONFLICT_UPDATE}`);
    await db.run('checkpoint');
    const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];
    return { seconds, cpuSeconds, counts: { values: await scalar(db, 'select count(*) from observations') } };
  } finally {
    close();
  }
}
