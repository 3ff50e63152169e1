import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildApp, createAppContext } from '@lagebild/server';
import { createSqliteStore } from '@lagebild/store';
import { round, stopwatch, type JobOutcome } from '../harness.ts';
import { ACCESS_INDICATORS, OFFICE_LOGIN, OFFICE_PASSWORD } from './access-setup.ts';
import { figures, runLoad } from './directory-load.ts';

/**
 * Benchmark 7, one variant: the real server listening on a local port, over a copy of the store of
 * access-setup.ts, answering `GET /api/v1/indicators/{id}/values?level=gemeinde&period=…` (11,000
 * values) over HTTP.
 * - `office`: signed in as the Statistikstelle (session cookie), who reads the store as it is;
 * - `public`: anonymous, indicator without a rule: the view filters by data class only;
 * - `public-rule`: anonymous, the same values under `minCount: 3`: disclosure control of the
 *   whole period (all levels) on the first request, from the cache afterwards.
 * Untimed: opening the store, signing in, 30 requests for the population (`c_01`, never the measured
 * indicator), which warm up the server, the principal's view and the area names. Timed: `cold`, the
 * first request of each period, one at a time; then `requests` warm ones from `concurrency` clients
 * over all periods. Memory: RSS and the heap after a full garbage collection, before the first cold
 * request and after the warm load.
 */
export interface AccessApiParams {
  target: string;
  mode: 'office' | 'public' | 'public-rule';
  periods: string[];
  requests: number;
  concurrency: number;
}

interface ValuesBody {
  values: { status: string }[];
}

export async function accessApi(params: AccessApiParams): Promise<JobOutcome> {
  const collect = fullGc();
  const store = createSqliteStore(params.target);
  const app = await buildApp(createAppContext(store, { version: 'bench', uploadLimitBytes: 1024 * 1024 }));
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const headers = params.mode === 'office' ? await signIn(base) : {};
    const indicator = params.mode === 'public-rule' ? ACCESS_INDICATORS.ruled : ACCESS_INDICATORS.open;
    const url = (id: string, period: string) =>
      `${base}/indicators/${id}/values?level=gemeinde&period=${period}`;
    const fetchOk = async (target: string): Promise<Response> => {
      const response = await fetch(target, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${target}: ${await response.text()}`);
      return response;
    };

    const latest = params.periods.at(-1)!;
    for (let i = 0; i < 30; i++) await (await fetchOk(url(ACCESS_INDICATORS.warmUp, latest))).arrayBuffer();
    const before = memory(collect);

    const timer = stopwatch();
    const coldMs: number[] = [];
    let suppressed = 0;
    let values = 0;
    for (const period of params.periods) {
      const t = performance.now();
      const body = (await (await fetchOk(url(indicator, period))).json()) as ValuesBody;
      coldMs.push(performance.now() - t);
      values += body.values.length;
      suppressed += body.values.filter((v) => v.status === 'suppressed').length;
    }
    const coldSeconds = timer.seconds();
    const { latenciesMs, seconds } = await runLoad(params.requests, params.concurrency, async (i) => {
      // Read the whole answer, but leave parsing 11,000 values out of the client's share of the CPU.
      await (await fetchOk(url(indicator, params.periods[i % params.periods.length]!))).arrayBuffer();
    });
    const cpuSeconds = timer.cpuSeconds();
    const after = memory(collect);
    const warm = figures(latenciesMs, seconds, params.concurrency);
    const sortedCold = [...coldMs].sort((a, b) => a - b);
    return {
      seconds: round(coldSeconds + seconds, 3),
      cpuSeconds,
      phases: { cold: coldSeconds, warm: round(seconds, 3) },
      counts: {
        coldP50Ms: round(sortedCold[Math.floor((sortedCold.length - 1) / 2)]!, 1),
        coldMaxMs: round(sortedCold.at(-1)!, 1),
        coldFirstMs: round(coldMs[0]!, 1),
        warmP50Ms: warm.p50Ms,
        warmP95Ms: warm.p95Ms,
        warmP99Ms: warm.p99Ms,
        perSecond: warm.perSecond,
        requests: warm.requests,
        concurrency: warm.concurrency,
        valuesPerPeriod: values / params.periods.length,
        suppressedPerPeriod: suppressed / params.periods.length,
        rssBeforeMiB: before.rssMiB,
        rssGrowthMiB: round(after.rssMiB - before.rssMiB, 1),
        heapBeforeMiB: before.heapMiB,
        heapGrowthMiB: round(after.heapMiB - before.heapMiB, 1),
      },
    };
  } finally {
    await app.close();
    await store.close();
  }
}

async function signIn(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: OFFICE_LOGIN, password: OFFICE_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lagebild_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie: cookie.split(';')[0]! };
}

/** A full garbage collection without starting node with --expose-gc: what the heap keeps is what stays. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function memory(collect: () => void): { rssMiB: number; heapMiB: number } {
  collect();
  const usage = process.memoryUsage();
  return { rssMiB: round(usage.rss / 2 ** 20, 1), heapMiB: round(usage.heapUsed / 2 ** 20, 1) };
}
