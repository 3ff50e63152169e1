import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type { z } from 'zod';
import {
  attackPublication,
  hasPermission,
  levelHierarchies,
  ANONYMOUS,
  type Observation,
  type Permission,
} from '@lagebild/core';
import { API_ROUTES } from '../../src/app.ts';
import type { AnyRoute } from '../../src/http/route.ts';
import { accessApp, ORTSTEILE, spellings, type AccessApp } from './access-fixture.ts';

// Everything the anonymous public can call, with every indicator id (the hidden ones included), every
// level and area: no internal or confidential value may be in any answer, in any format. Routes are
// taken from API_ROUTES, so a new route is walked too; a required parameter this test has no sample
// for fails it, naming the parameter.

let fx: AccessApp;
let secrets: string[];
const HIDDEN_NAMES = ['Kita-Wartelisten intern', 'Kindeswohlgefährdungen', 'Mischung'];
const INDICATORS = [
  'einwohner',
  'hze_faelle',
  'hze_quote',
  'kita_intern',
  'kindeswohl',
  'sgb2_quote',
  'intern_mix',
];
const LEVELS = ['kreis', 'gemeinde', 'ortsteil'];
const AREAS = ['K', 'G1', 'O1a', 'O2b'];

beforeAll(async () => {
  fx = await accessApp();
  // The values the public must never see, read from the store itself.
  const hidden: number[] = [];
  for (const level of LEVELS) {
    for (const id of ['kita_intern', 'kindeswohl']) {
      hidden.push(...(await fx.store.getValues({ indicatorId: id, levelId: level })).map((o) => o.value!));
    }
    if (level !== 'kreis')
      hidden.push(
        ...(await fx.store.getValues({ indicatorId: 'sgb2_quote', levelId: level })).map((o) => o.value!),
      );
  }
  secrets = [...new Set(hidden.flatMap((v) => [...spellings(v), ...integerSpellings(v)]))];
});
afterAll(() => fx.close());

function integerSpellings(value: number): string[] {
  const int = String(Math.trunc(value));
  return [int, int.replace(/\B(?=(\d{3})+(?!\d))/g, '.'), int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')];
}

/** Sample values per parameter name; a route parameter not listed here must be optional. */
const SAMPLES: Record<string, string[]> = {
  id: INDICATORS,
  level: LEVELS,
  from: ['ortsteil'],
  to: ['gemeinde', 'kreis'],
  key: AREAS,
  area: AREAS,
  areas: ['O1a,O1b,O2a', 'G1,G2,G3'],
  indicators: [INDICATORS.join(','), 'kita_intern,einwohner'],
  period: ['2024'],
  format: ['csv', 'xlsx', 'geojson'],
  parent: ['G1'],
  q: ['intern', 'Kindeswohl'],
  vs: ['kita_intern'],
  preset: ['berlin-mss-status'],
  k: ['2'],
};

/** The anonymous public may call it (by the access policy, as the guard decides). */
function publicRoute(route: AnyRoute): boolean {
  if (route.permission === 'anyone') return true;
  if (route.permission === 'signed-in') return false;
  return hasPermission(ANONYMOUS, route.permission as Permission);
}

/** The URLs to call for a route: path parameters × required query parameters, optional ones once each way. */
function urlsFor(route: AnyRoute): string[] {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const shape = (route.query?.shape ?? {}) as Record<string, z.ZodType>;
  const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
  const optional = Object.keys(shape).filter((k) => !required.includes(k) && SAMPLES[k]);
  const missing = [...pathParams, ...required].filter((p) => !SAMPLES[p]);
  if (missing.length > 0) throw new Error(`${route.operationId}: no sample for ${missing.join(', ')}`);
  let combos: Record<string, string>[] = [{}];
  for (const name of [...pathParams, ...required])
    combos = combos.flatMap((c) => SAMPLES[name]!.map((v) => ({ ...c, [name]: v })));
  const withOptional = combos.flatMap((c) => [
    c,
    ...optional.flatMap((k) => SAMPLES[k]!.map((v) => ({ ...c, [k]: v }))),
  ]);
  return withOptional.map((c) => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(c[name]!));
    const query = new URLSearchParams(Object.entries(c).filter(([k]) => !pathParams.includes(k)));
    return `/api/v1${path}${query.size > 0 ? `?${query}` : ''}`;
  });
}

/** The text of an answer, XLSX unpacked (its cells are XML inside a zip). */
function textOf(body: Buffer, type: string): string {
  if (type.includes('spreadsheetml')) {
    return Object.values(unzipSync(new Uint8Array(body)))
      .map((bytes) => strFromU8(bytes))
      .join('\n');
  }
  return body.toString('utf8');
}

describe('public outputs', () => {
  it('hold no internal or confidential value on any route, in any format', async () => {
    const leaks: string[] = [];
    let calls = 0;
    let answered = 0;
    for (const route of API_ROUTES.filter((r) => r.method === 'GET' && publicRoute(r))) {
      for (const url of urlsFor(route)) {
        const response = await fx.app.inject({ method: 'GET', url });
        calls++;
        if (response.statusCode === 200) answered++;
        expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        const text = textOf(response.rawPayload, String(response.headers['content-type']));
        for (const secret of [...secrets, ...HIDDEN_NAMES])
          if (text.includes(secret)) leaks.push(`${url} contains ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
    // The walk reached real answers, not only refusals.
    expect(calls).toBeGreaterThan(300);
    expect(answered).toBeGreaterThan(100);
  });

  it('refuse early-warning rules over hidden indicators as if they did not exist', async () => {
    const response = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/analysis/warnings',
      payload: { rules: [{ id: 'probe', indicator: 'kita_intern', level: 'gemeinde', above: 0 }] },
    });
    expect(response.statusCode).toBeLessThan(500);
    for (const secret of [...secrets, ...HIDDEN_NAMES]) expect(response.body).not.toContain(secret);
  });
});

describe('suppression attack over public downloads', () => {
  it('recovers no suppressed count by subtracting published values along the hierarchy', async () => {
    const published: Observation[] = [];
    const areas: { levelId: string; key: string; parentKey: string | null }[] = [];
    for (const level of LEVELS) {
      const values = await fx.app.inject({
        method: 'GET',
        url: `/api/v1/indicators/hze_faelle/values?level=${level}&period=2024`,
      });
      published.push(...values.json<{ values: Observation[] }>().values);
      const collection = await fx.app.inject({
        method: 'GET',
        url: `/api/v1/levels/${level}/areas?geometry=false`,
      });
      for (const f of collection.json<{
        features: { properties: { key: string; parentKey: string | null } }[];
      }>().features)
        areas.push({ levelId: level, key: f.properties.key, parentKey: f.properties.parentKey });
    }
    const hierarchies = levelHierarchies(
      LEVELS.map((id, i) => ({ id, parentLevelId: i === 0 ? null : LEVELS[i - 1]! })),
      areas,
    );
    expect(published.filter((o) => o.status === 'suppressed').length).toBeGreaterThanOrEqual(2);
    const attack = attackPublication({ observations: published, hierarchies, minWidth: 3 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
    // The same attacker on the unprotected table does find the small count: the test can fail.
    const raw = await fx.store.getValues({ indicatorId: 'hze_faelle', levelId: 'ortsteil', period: '2024' });
    const naive = published.map((o) =>
      o.levelId === 'ortsteil' && o.areaKey === 'O1b' ? raw.find((r) => r.areaKey === 'O1b')! : o,
    );
    expect(attackPublication({ observations: naive, hierarchies, minWidth: 3 }).recovered).toMatchObject([
      { levelId: 'ortsteil', areaKey: 'O1a', value: 1 },
    ]);
    expect(Object.keys(ORTSTEILE)).toHaveLength(3);
  });
});
