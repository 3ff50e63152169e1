import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import { signInAs, TEST_PASSWORD } from '../helpers.ts';
import { accessApp, type AccessApp } from './access-fixture.ts';

interface Value {
  areaKey: string;
  value: number | null;
  status: string;
}

let fx: AccessApp;
const as = new Map<string, Record<string, string>>();

beforeAll(async () => {
  fx = await accessApp();
  as.set('public', {});
  for (const role of ['planner', 'statistikstelle', 'admin'] as const)
    as.set(role, await signInAs(fx.app, fx.store, role));
  await fx.store.accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
  await fx.store.accounts.createOrganisation({ id: 'g1', name: 'Gemeinde G1', kind: 'gemeinde' });
  as.set(
    'jugend',
    await userWith('jugend', ['department_planner'], {
      topics: ['Jugendhilfe'],
      organisationId: 'jugendamt',
    }),
  );
  as.set(
    'gemeinde',
    await userWith('g1-user', ['gemeinde_user'], {
      areas: [{ levelId: 'gemeinde', key: 'G1' }],
      organisationId: 'g1',
    }),
  );
});
afterAll(() => fx.close());

async function userWith(login: string, roles: ('department_planner' | 'gemeinde_user')[], extra: object) {
  await fx.store.accounts.createUser({
    login,
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles,
    ...extra,
  });
  return signInAs(fx.app, fx.store, roles[0]!, login);
}

async function get(who: string, url: string) {
  return fx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as.get(who) });
}

async function catalogue(who: string): Promise<string[]> {
  const response = await get(who, '/indicators');
  expect(response.statusCode).toBe(200);
  return response
    .json<{ indicators: { id: string }[] }>()
    .indicators.map((i) => i.id)
    .sort();
}

async function values(
  who: string,
  indicator: string,
  level: string,
  period = '2024',
): Promise<Map<string, Value>> {
  const response = await get(who, `/indicators/${indicator}/values?level=${level}&period=${period}`);
  expect(response.statusCode, response.body).toBe(200);
  return new Map(response.json<{ values: Value[] }>().values.map((v) => [v.areaKey, v]));
}

describe('data classes', () => {
  it('lists for each principal exactly the indicators its roles, topics and scope allow', async () => {
    const publicOnes = ['einwohner', 'hze_faelle', 'hze_quote', 'sgb2_quote'];
    expect(await catalogue('public')).toEqual(publicOnes);
    expect(await catalogue('planner')).toEqual([...publicOnes, 'intern_mix', 'kita_intern'].sort());
    expect(await catalogue('jugend')).toEqual(
      [...publicOnes, 'intern_mix', 'kindeswohl', 'kita_intern'].sort(),
    );
    expect(await catalogue('statistikstelle')).toHaveLength(7);
  });

  it('answers for an indicator the principal may not see as for one that does not exist', async () => {
    for (const url of [
      '/indicators/kita_intern',
      '/indicators/kindeswohl/values?level=kreis',
      '/indicators/intern_mix',
    ]) {
      const response = await get('public', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'IndicatorNotFound' });
    }
    expect((await get('planner', '/indicators/kindeswohl')).statusCode).toBe(404);
    expect((await get('jugend', '/indicators/kindeswohl')).statusCode).toBe(200);
  });

  it('publishes an indicator on the level where it is public only', async () => {
    expect([...(await values('public', 'sgb2_quote', 'kreis')).values()].map((v) => v.value)).toEqual([7.5]);
    expect((await values('public', 'sgb2_quote', 'gemeinde')).size).toBe(0);
    expect((await get('public', '/indicators/sgb2_quote/periods?level=gemeinde')).json()).toEqual({
      periods: [],
    });
    expect((await values('planner', 'sgb2_quote', 'gemeinde')).size).toBe(3);
  });

  it('shows a Gemeinde user internal data of its own Gemeinde and quarters only', async () => {
    expect([...(await values('gemeinde', 'kita_intern', 'gemeinde')).keys()]).toEqual(['G1']);
    expect([...(await values('gemeinde', 'kita_intern', 'ortsteil')).keys()].sort()).toEqual(['O1a', 'O1b']);
    expect((await values('gemeinde', 'kita_intern', 'kreis')).size).toBe(0);
    expect(
      (await get('gemeinde', '/indicators/kita_intern/series?level=gemeinde&area=G2')).json(),
    ).toMatchObject({
      values: [],
    });
  });

  it('limits data scoped to an organisation to its members', async () => {
    await fx.store.access.setIndicatorConfidentiality('kindeswohl', 'confidential', { organisationId: 'g1' });
    try {
      expect(await catalogue('jugend')).not.toContain('kindeswohl');
      expect(await catalogue('statistikstelle')).toContain('kindeswohl');
    } finally {
      await fx.store.access.setIndicatorConfidentiality('kindeswohl', null);
    }
    expect(await catalogue('jugend')).toContain('kindeswohl');
  });

  it('takes a changed class into account at the next request', async () => {
    expect(await catalogue('public')).not.toContain('kita_intern');
    await fx.store.access.setIndicatorConfidentiality('kita_intern', 'public');
    try {
      expect(await catalogue('public')).toContain('kita_intern');
    } finally {
      await fx.store.access.setIndicatorConfidentiality('kita_intern', null);
    }
    expect(await catalogue('public')).not.toContain('kita_intern');
  });
});

describe('disclosure control on outputs', () => {
  it('suppresses the small count and a complement for everyone but the Statistikstelle', async () => {
    for (const who of ['public', 'planner', 'admin']) {
      const ortsteile = await values(who, 'hze_faelle', 'ortsteil');
      expect(ortsteile.get('O1a'), who).toMatchObject({ value: null, status: 'suppressed' });
      // Gemeinde G1 = O1a + O1b is published, so O1b must go too.
      expect(ortsteile.get('O1b'), who).toMatchObject({ value: null, status: 'suppressed' });
      expect(ortsteile.get('O2a')).toMatchObject({ value: 4, status: 'final' });
    }
    expect((await values('statistikstelle', 'hze_faelle', 'ortsteil')).get('O1a')).toMatchObject({
      value: 1,
    });
    // 2023 has no small count: nothing suppressed.
    const earlier = await values('public', 'hze_faelle', 'ortsteil', '2023');
    expect([...earlier.values()].every((v) => v.status === 'final')).toBe(true);
  });

  it('computes derived indicators from the published inputs: no rate where the count is suppressed', async () => {
    const rates = await values('public', 'hze_quote', 'ortsteil');
    expect(rates.get('O1a')?.value).toBeNull();
    expect(rates.get('O1b')?.value).toBeNull();
    expect(rates.get('O2a')?.value).not.toBeNull();
    expect((await values('statistikstelle', 'hze_quote', 'ortsteil')).get('O1a')?.value).not.toBeNull();
  });

  it('suppresses in time series, comparisons, aggregates and exports alike', async () => {
    const series = (await get('public', '/indicators/hze_faelle/series?level=ortsteil&area=O1a')).json<{
      values: Value[];
    }>();
    expect(series.values.map((v) => v.value)).toEqual([4, null]);
    const csv = (await get('public', '/indicators/hze_faelle/export?level=ortsteil&period=2024&format=csv'))
      .body;
    const o1a = csv.split('\n').find((line) => line.includes('O1a'))!;
    expect(o1a).not.toMatch(/;1;/);
    const aggregate = await get(
      'public',
      '/indicators/hze_faelle/aggregate?from=ortsteil&to=gemeinde&period=2024',
    );
    expect(aggregate.statusCode, aggregate.body).toBe(200);
    const g1 = aggregate
      .json<{ values: { key: string; value: number | null; missingReason: string | null }[] }>()
      .values.find((v) => v.key === 'G1');
    // Summed from the published Ortsteile: both of G1's are suppressed, so the sum is missing.
    expect(g1).toMatchObject({ value: null, missingReason: 'suppressed' });
  });
});

describe('pooled periods', () => {
  it('publishes an indicator with poolPeriods only as totals of consecutive periods, single years to the Statistikstelle', async () => {
    const rule = { minCount: 3, publishZeros: true, minPopulation: null, poolPeriods: 2 };
    await fx.store.access.setDisclosureRule('hze_faelle', rule);
    try {
      const periods = await get('public', '/indicators/hze_faelle/periods?level=ortsteil');
      expect(periods.json()).toEqual({ periods: ['2024'] });
      const pooled = await values('public', 'hze_faelle', 'ortsteil', '2024');
      // 2023 + 2024: Ortsteil 1a holds 4 + 1 = 5 cases, no longer a small count.
      expect(pooled.get('O1a')).toMatchObject({
        value: 5,
        status: 'final',
        pooledFrom: '2023',
        pooledPeriods: 2,
      });
      expect(pooled.get('O3b')).toMatchObject({ value: 16 });
      expect((await values('public', 'hze_faelle', 'ortsteil', '2023')).size).toBe(0);
      const series = (await get('public', '/indicators/hze_faelle/series?level=ortsteil&area=O1a')).json<{
        values: Value[];
      }>();
      expect(series.values.map((v) => v.value)).toEqual([5]);
      // A rate of three years' cases over one year's population would be wrong: not published.
      expect(await catalogue('public')).not.toContain('hze_quote');
      expect((await values('statistikstelle', 'hze_faelle', 'ortsteil', '2024')).get('O1a')?.value).toBe(1);
    } finally {
      await fx.store.access.setDisclosureRule('hze_faelle', { ...rule, poolPeriods: null });
    }
    expect(await catalogue('public')).toContain('hze_quote');
  });
});
