import { stopwatch, type JobOutcome } from '../harness.ts';
import { literal, ON_CONFLICT_UPDATE, OBSERVATIONS_TABLE, openDuckDb, scalar } from './duckdb.ts';

/**
 * Benchmark 2, baseline: DuckDB reads the same GENESIS classic file (`;`, UTF-8), skipping the title
 * and description lines and the footer, takes the two header lines apart (reference date, sex), keeps
 * rows with 8-digit keys, counts those of unknown Gemeinden (excluded), UNPIVOTs the 24 value columns
 * into long format and upserts into a keyed table. GENESIS symbols (`-`, `.`) become missing values
 * with their reason, as in Lagebild. Timed up to a CHECKPOINT.
 */
export interface GenesisDuckDbParams {
  csvPath: string;
  keysPath: string;
  dbPath: string;
}

/** Title (1) and description (5) lines come before the two header lines; data follows them. */
const HEADER_LINE = 6;
const DATA_LINE = HEADER_LINE + 2;

export async function genesisDuckDb(params: GenesisDuckDbParams): Promise<JobOutcome> {
  const { db, close } = await openDuckDb(params.dbPath);
  const read = (skip: number) =>
    `read_csv(${literal(params.csvPath)}, delim = ';', header = false, skip = ${skip}, all_varchar = true,
      null_padding = true, ignore_errors = true)`;
  try {
    // Untimed: the Gemeinden the store would already hold, and the empty keyed table.
    await db.run(
      `create table areas as select key from read_csv(${literal(params.keysPath)}, header = true, columns = {'key': 'VARCHAR'})`,
    );
    await db.run(OBSERVATIONS_TABLE);

    const timer = stopwatch();
    const headerLine = (skip: number, name: string) =>
      `(unpivot (select * exclude (column00, column01) from ${read(skip)} limit 1) on columns(*) into name col value ${name})`;
    await db.run(`create temp table header as
      select col, strftime(strptime(date, '%d.%m.%Y'), '%Y-%m-%d') as period,
        case sex when 'Insgesamt' then 'bev_insgesamt' when 'männlich' then 'bev_maennlich'
          when 'weiblich' then 'bev_weiblich' end as indicator_id
      from ${headerLine(HEADER_LINE, 'date')} join ${headerLine(HEADER_LINE + 1, 'sex')} using (col)`);
    await db.run(`create temp table gemeinde_rows as
      select trim(column00) as area_key, * exclude (column00, column01) from ${read(DATA_LINE)}
      where regexp_full_match(trim(column00), '\\d{8}')`);
    const excludedRows = await scalar(
      db,
      `select count(*) from gemeinde_rows where area_key not in (select key from areas)`,
    );
    await db.run(`insert into observations
      with cells as (
        unpivot (select * from gemeinde_rows where area_key in (select key from areas))
        on columns(* exclude (area_key)) into name col value cell
      )
      select h.indicator_id, 'gemeinde', c.area_key, h.period, try_cast(trim(c.cell) as double),
        case when try_cast(trim(c.cell) as double) is null then 'missing' else 'final' end,
        case trim(c.cell) when '-' then 'nothing' when '.' then 'secret' end, 1
      from cells c join header h using (col)
      ${ON_CONFLICT_UPDATE}`);
    await db.run('checkpoint');
    const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];
    return {
      seconds,
      cpuSeconds,
      counts: {
        rows: await scalar(db, 'select count(*) from gemeinde_rows'),
        excludedRows,
        stored: await scalar(db, 'select count(*) from observations'),
        missing: await scalar(db, `select count(*) from observations where status = 'missing'`),
      },
    };
  } finally {
    close();
  }
}
