import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { radiusBox } from '@lagebild/core';
import type { BenchQuery } from '../fixtures/directory-services.ts';
import { stopwatch, type JobOutcome } from '../harness.ts';
import { CHECKED_QUERIES, figures, runLoad, type DirectoryCheck } from './directory-load.ts';

/**
 * Benchmark 5, baseline: the same queries answered by PostgreSQL alone, as a developer would write
 * them without extensions: a bounding-box prefilter on indexed lat/lon, the haversine distance in SQL
 * on the same sphere (6371.0088 km), `ANY` for the category and its sub-categories and the life
 * phase, `ILIKE '%word%'` on name and description (no trigram index), the total by a window
 * function and the first 20 by distance, from a pool of `concurrency` connections. No HTTP layer:
 * this favours the baseline. Its answers to the first queries must equal Lagebild's of the same round.
 */
export interface DirectorySqlParams {
  url: string;
  queriesPath: string;
  requests: number;
  concurrency: number;
  /** Lagebild's answers of the same round, when that variant ran first. */
  checkPath: string;
}

export const DIRECTORY_SQL = `
with hits as (
  select id,
         2 * 6371.0088 * asin(least(1, sqrt(
           power(sin(radians(lat - $1) / 2), 2) +
           cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lon - $2) / 2), 2)))) as d
  from bench_services
  where lat between $4 and $5 and lon between $6 and $7
    and ($8::text[] is null or category_id = any($8))
    and ($9::text is null or $9 = any(life_phases))
    and ($10::text is null or name ilike $10 or description ilike $10)
)
select id, count(*) over () as total from hits where d <= $3 order by d, id limit 20`;

export async function directorySql(params: DirectorySqlParams): Promise<JobOutcome> {
  const queries = JSON.parse(readFileSync(params.queriesPath, 'utf8')) as BenchQuery[];
  const pool = new pg.Pool({ connectionString: params.url, max: params.concurrency });
  const ask = async (i: number) => {
    const q = queries[i % queries.length]!;
    const [minLon, minLat, maxLon, maxLat] = radiusBox({ lon: q.lon, lat: q.lat }, q.radiusKm);
    const result = await pool.query<{ id: string; total: string }>(DIRECTORY_SQL, [
      q.lat,
      q.lon,
      q.radiusKm,
      minLat,
      maxLat,
      minLon,
      maxLon,
      q.categories ?? null,
      q.lifePhase ?? null,
      q.text ? `%${q.text}%` : null,
    ]);
    return { total: Number(result.rows[0]?.total ?? 0), ids: result.rows.map((r) => `bench:${r.id}`) };
  };
  try {
    await runLoad(200, params.concurrency, async (i) => void (await ask(i)));
    const timer = stopwatch();
    let matches = 0;
    const { latenciesMs, seconds } = await runLoad(params.requests, params.concurrency, async (i) => {
      matches += (await ask(i)).total;
    });
    const cpuSeconds = timer.cpuSeconds();
    if (existsSync(params.checkPath)) await compare(params.checkPath, ask);
    return {
      seconds: Math.round(seconds * 1000) / 1000,
      cpuSeconds,
      counts: { ...figures(latenciesMs, seconds, params.concurrency), matches },
    };
  } finally {
    await pool.end();
  }
}

/** The baseline answers the same question: same totals, same services in the same order. */
async function compare(
  checkPath: string,
  ask: (i: number) => Promise<{ total: number; ids: string[] }>,
): Promise<void> {
  const check = JSON.parse(readFileSync(checkPath, 'utf8')) as DirectoryCheck;
  for (let i = 0; i < CHECKED_QUERIES; i++) {
    const mine = await ask(i);
    const theirs = check.queries[i]!;
    if (mine.total !== theirs.total || mine.ids.join() !== theirs.ids.join())
      throw new Error(
        `query ${i}: SQL gives ${mine.total} (${mine.ids.slice(0, 3).join(', ')} …), Lagebild ${theirs.total} (${theirs.ids.slice(0, 3).join(', ')} …)`,
      );
  }
}
