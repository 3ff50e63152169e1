import { existsSync, readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { stopwatch, type JobOutcome } from '../harness.ts';
import {
  generateNational,
  INDEX_CLASSES,
  INDEX_COMPONENTS,
  INDEX_MIN_POPULATION,
  YEARS,
  Z95,
} from '../fixtures/national.ts';
import { close, type AnalysisCheck } from './analysis-check.ts';
import { literal, openDuckDb, scalar } from './duckdb.ts';

/**
 * Benchmark 3, baseline: the same recompute in DuckDB SQL, in memory (Lagebild's side is in memory
 * too). Untimed: generating the same data and loading it as a long table `obs` (indicator, area,
 * period, value; NULL where missing). Timed: derived shares and rates by joins with a definition
 * table, aggregation by GROUP BY on key prefixes (a parent with a missing child is missing), Wilson
 * limits as SQL expressions, the index with window functions. Afterwards (untimed) the sample the
 * Lagebild job wrote is compared with these results.
 */
export interface AnalysisDuckDbParams {
  checkPath: string;
}

export async function analysisDuckDb(params: AnalysisDuckDbParams): Promise<JobOutcome> {
  const data = generateNational();
  const { db, close: closeDb } = await openDuckDb(':memory:');
  try {
    const columns = data.countIds.map((id) => `${id} double`).join(', ');
    await db.run(`create table wide (area_key varchar, period varchar, ${columns})`);
    const appender = await db.createAppender('wide');
    for (let g = 0; g < data.gemeinden.length; g++) {
      for (let y = 0; y < YEARS.length; y++) {
        appender.appendVarchar(data.gemeinden[g]!);
        appender.appendVarchar(YEARS[y]!);
        for (const values of data.counts) {
          const v = values[g * YEARS.length + y]!;
          if (Number.isNaN(v)) appender.appendNull();
          else appender.appendDouble(v);
        }
        appender.endRow();
      }
    }
    appender.closeSync();
    await db.run(`create table obs as select indicator_id, area_key, period, value from wide
      unpivot include nulls (value for indicator_id in (${data.countIds.join(', ')}))`);
    await db.run('drop table wide');
    await db.run(`create table ratio_defs (indicator_id varchar, numerator_id varchar, denominator_id varchar,
      rate_per double, kind varchar)`);
    await db.run(
      `insert into ratio_defs values ${data.derived
        .map(
          (d) =>
            `(${literal(d.id)}, ${literal(d.numeratorId)}, ${literal(d.denominatorId)}, ${d.ratePer}, ${literal(d.kind)})`,
        )
        .join(', ')}`,
    );

    const timer = stopwatch();
    const phases: Record<string, number> = {};
    let mark = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      phases[name] = (now - mark) / 1000;
      mark = now;
    };
    // The same formula on every level: rate_per * numerator / denominator; NULL in, NULL out.
    const ratios = (counts: string) => `select d.indicator_id, n.area_key, n.period, n.value as numerator,
        m.value as denominator, d.rate_per * n.value / m.value as value
      from ratio_defs d join ${counts} n on n.indicator_id = d.numerator_id
      join ${counts} m on m.indicator_id = d.denominator_id and m.area_key = n.area_key and m.period = n.period`;
    await db.run(`create table derived as ${ratios('obs')}`);
    phase('derive');

    const sum = (from: string, prefix: number) => `select indicator_id, left(area_key, ${prefix}) as area_key,
        period, case when count(value) = count(*) then sum(value) end as value
      from ${from} group by all`;
    await db.run(`create table kreis_counts as ${sum('obs', 5)}`);
    await db.run(`create table land_counts as ${sum('kreis_counts', 2)}`);
    await db.run(`create table kreis_ratios as ${ratios('kreis_counts')}`);
    await db.run(`create table land_ratios as ${ratios('land_counts')}`);
    phase('aggregate');

    const z = `${Z95}::double`;
    const limit = (sign: string) =>
      `(2 * x + ${z} * ${z} ${sign} ${z} * sqrt(${z} * ${z} + 4 * x * (1 - x / n))) / 2 / (n + ${z} * ${z}) * 100`;
    await db.run(`create table intervals as
      select level, indicator_id, area_key, period, value, ${limit('-')} as lower, ${limit('+')} as upper
      from (
        select 'gemeinde' as level, indicator_id, area_key, period, value, numerator as x, denominator as n from derived
        union all select 'kreis', indicator_id, area_key, period, value, numerator, denominator from kreis_ratios
        union all select 'land', indicator_id, area_key, period, value, numerator, denominator from land_ratios
      ) r
      where indicator_id in (select indicator_id from ratio_defs where kind = 'share')
        and x is not null and n > 0 and x >= 0 and x <= n`);
    phase('intervals');

    const [k1, k2, k3] = INDEX_COMPONENTS;
    const zOf = (c: string) => `(${c} - avg(${c}) over w) / stddev_pop(${c}) over w`;
    const term = (c: typeof k1, col: string) => `${c!.direction === 1 ? '+' : '-'} ${zOf(col)}`;
    const classCase = INDEX_CLASSES.map(([code, , upper]) =>
      Number.isFinite(upper) ? `when score < ${upper} then ${code}` : `else ${code}`,
    ).join(' ');
    await db.run(`create table index_scores as
      with v as (
        select area_key, period,
          max(value) filter (where indicator_id = '${k1!.indicator}') as k1,
          max(value) filter (where indicator_id = '${k2!.indicator}') as k2,
          max(value) filter (where indicator_id = '${k3!.indicator}') as k3
        from derived where indicator_id in ('${k1!.indicator}', '${k2!.indicator}', '${k3!.indicator}')
        group by all
      ), included as (
        select v.* from v join obs p on p.indicator_id = 'c_01' and p.area_key = v.area_key and p.period = v.period
        where p.value >= ${INDEX_MIN_POPULATION} and k1 is not null and k2 is not null and k3 is not null
      ), combined as (
        select area_key, period, 0 ${term(k1, 'k1')} ${term(k2, 'k2')} ${term(k3, 'k3')} as combined
        from included window w as (partition by period)
      ), scored as (
        select area_key, period, (combined - avg(combined) over w) / stddev_pop(combined) over w as score
        from combined window w as (partition by period)
      )
      select area_key, period, score, case ${classCase} end as class from scored`);
    phase('index');
    const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];

    const check = await compare(db, params.checkPath);
    process.stderr.write(`  analysis equality check: ${check.message}\n`);
    const count = (sql: string) => scalar(db, sql);
    return {
      seconds,
      cpuSeconds,
      phases,
      counts: {
        inputValues: await count('select count(*) from obs'),
        derived: await count('select count(*) from derived'),
        derivedMissing: await count('select count(*) from derived where value is null'),
        intervals: await count('select count(*) from intervals'),
        aggregated: await count(
          `select (select count(*) from kreis_counts) + (select count(*) from land_counts)
            + (select count(*) from kreis_ratios) + (select count(*) from land_ratios)`,
        ),
        aggregatedMissing: await count(
          `select (select count(*) from kreis_counts where value is null) + (select count(*) from land_counts where value is null)
            + (select count(*) from kreis_ratios where value is null) + (select count(*) from land_ratios where value is null)`,
        ),
        indexScores: await count('select count(*) from index_scores'),
        checked: check.checked,
        mismatches: check.mismatches,
      },
    };
  } finally {
    closeDb();
  }
}

/** Compares the sample the Lagebild job wrote (same run) with the DuckDB results, within 1e-9. */
async function compare(
  db: DuckDBConnection,
  checkPath: string,
): Promise<{ checked: number; mismatches: number; message: string }> {
  if (!existsSync(checkPath)) return { checked: 0, mismatches: -1, message: `no ${checkPath}: not compared` };
  const expected = JSON.parse(readFileSync(checkPath, 'utf8')) as AnalysisCheck;
  const rows = async (sql: string) =>
    (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  let checked = 0;
  const failures: string[] = [];
  const expect = (what: string, lagebild: number | null, duckdb: number | null) => {
    checked++;
    if (!close(lagebild, duckdb)) failures.push(`${what}: Lagebild ${lagebild}, DuckDB ${duckdb}`);
  };
  const totals = async (kind: 'counts' | 'ratios', list: AnalysisCheck['countTotals']) => {
    const union = ['kreis', 'land']
      .map((l) => `select '${l}' as level, period, value from ${l}_${kind}`)
      .join(' union all ');
    const got = await rows(`select level, period, sum(value) as sum, count(*) - count(value) as missing
      from (${union}) group by all`);
    const byKey = new Map(got.map((r) => [`${String(r.level)} ${String(r.period)}`, r]));
    for (const t of list) {
      const r = byKey.get(`${t.level} ${t.period}`);
      expect(`${kind} total ${t.level} ${t.period}`, t.sum, num(r?.sum));
      expect(`${kind} missing ${t.level} ${t.period}`, t.missing, num(r?.missing));
    }
  };
  await totals('counts', expected.countTotals);
  await totals('ratios', expected.ratioTotals);
  const intervals = await rows('select level, indicator_id, area_key, period, lower, upper from intervals');
  const intervalOf = new Map(
    intervals.map((r) => [
      `${String(r.level)} ${String(r.indicator_id)} ${String(r.area_key)} ${String(r.period)}`,
      r,
    ]),
  );
  for (const i of expected.intervals) {
    const r = intervalOf.get(`${i.level} ${i.indicatorId} ${i.areaKey} ${i.period}`);
    expect(`wilson lower ${i.indicatorId} ${i.areaKey} ${i.period}`, i.lower, num(r?.lower));
    expect(`wilson upper ${i.indicatorId} ${i.areaKey} ${i.period}`, i.upper, num(r?.upper));
  }
  const classes = await rows('select period, class, count(*) as n from index_scores group by all');
  for (const c of expected.indexClasses) {
    const mine = classes.filter((r) => String(r.period) === c.period);
    expect(
      `index included ${c.period}`,
      c.included,
      mine.reduce((n, r) => n + Number(r.n), 0),
    );
    for (const [code] of INDEX_CLASSES)
      expect(
        `index class ${code} ${c.period}`,
        c.classes[String(code)] ?? 0,
        num(mine.find((r) => Number(r.class) === code)?.n) ?? 0,
      );
  }
  const scores = await rows('select area_key, period, score from index_scores');
  const scoreOf = new Map(scores.map((r) => [`${String(r.area_key)} ${String(r.period)}`, num(r.score)]));
  for (const s of expected.indexScores)
    expect(`index score ${s.areaKey} ${s.period}`, s.score, scoreOf.get(`${s.areaKey} ${s.period}`) ?? null);
  const message =
    failures.length === 0
      ? `${checked} figures equal within 1e-9 (aggregated totals, ${expected.intervals.length} Wilson intervals, index classes and ${expected.indexScores.length} scores)`
      : `${failures.length} of ${checked} figures differ, e.g. ${failures.slice(0, 5).join('; ')}`;
  return { checked, mismatches: failures.length, message };
}
