import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importWithMapping } from '@lagebild/cli';
import { buildApp, createAppContext } from '@lagebild/server';
import { openStore, type Store } from '@lagebild/store';
import { getJson } from '../support/demo-app.ts';

const DEMO = fileURLToPath(new URL('../../demo/', import.meta.url));

/** The raw files, read without the importers: semicolon CSV with BOM, GeoJSON with properties. */
function residents65ByBezirk(): Map<string, number> {
  const [header, ...rows] = readFileSync(
    join(DEMO, 'data/berlin-einwohner/einwohnerbestand_06-2022_plr.csv'),
    'utf8',
  )
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';'));
  const old = header!.indexOf('65undmehr');
  const id = header!.indexOf('PLR-ID');
  const sums = new Map<string, number>();
  for (const row of rows) {
    const bezirk = row[id]!.slice(0, 2);
    const value = /^\d+$/.test(row[old]!) ? Number(row[old]) : 0;
    sums.set(bezirk, (sums.get(bezirk) ?? 0) + value);
  }
  return sums;
}

/** Neukölln's five Ortsteile, as the register names them (independent of any geometry). */
const NEUKOELLN = ['Neukölln', 'Britz', 'Buckow', 'Rudow', 'Gropiusstadt'];

function carePlacesIn(ortsteile: string[]): number {
  const register = JSON.parse(
    readFileSync(join(DEMO, 'data/berlin-pflege/pflegeeinrichtungen.geojson'), 'utf8'),
  ) as {
    features: { properties: { gc_ortsteil: string; platzzahl: number | null } }[];
  };
  return register.features
    .filter((f) => ortsteile.includes(f.properties.gc_ortsteil))
    .reduce((sum, f) => sum + (f.properties.platzzahl ?? 0), 0);
}

/**
 * Link to planning: the care home places of the Wegweiser per 1,000 residents aged 65 and over, per
 * Bezirk, as a derived catalogue indicator of the demo, checked against the raw files.
 */
describe('care home places per 1,000 residents aged 65+ (demo)', () => {
  let app: FastifyInstance;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-care-supply-'));
  beforeAll(async () => {
    store = await openStore(`sqlite:${join(dir, 'demo.db')}`);
    await store.migrate();
    const steps: [string, Record<string, string>][] = [
      ['catalogue.yaml', {}],
      ['mappings/berlin-bezirke.yaml', {}],
      ['mappings/berlin-pflege-punkte.yaml', { level: 'berlin-bezirk' }],
      ['mappings/berlin-einwohner-65plus.yaml', {}],
    ];
    for (const [mapping, vars] of steps) {
      const report = await importWithMapping(store, join(DEMO, mapping), undefined, {
        apply: true,
        var: vars,
      });
      expect(report.dryRun, `${mapping}: ${JSON.stringify(report.issues?.slice(0, 3))}`).toBe(false);
    }
    app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships the Bezirk sums exactly as computed from the Planungsräume', () => {
    const expected = residents65ByBezirk();
    const shipped = readFileSync(join(DEMO, 'derived/berlin-einwohner-65plus-bezirke-2022-06-30.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(';'));
    expect(shipped.map(([bezirk, value]) => [bezirk, Number(value)])).toEqual([...expected].sort());
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(727_032);
  });

  it('gives Neukölln 2,048 places for 57,623 residents aged 65+: 35.5 per 1,000', async () => {
    const places = carePlacesIn(NEUKOELLN);
    const residents = residents65ByBezirk().get('08')!;
    // By hand from the raw files: 1044 + 444 + 209 + 351 + 0 places; 57,623 residents.
    expect([places, residents]).toEqual([2048, 57_623]);
    const body = await getJson(
      app,
      '/api/v1/indicators/pflegeplaetze_je_1000_65plus_berlin/values?level=berlin-bezirk',
    );
    expect(body.period).toBe('2023-07-01');
    const neukoelln = body.values.find((v: { areaKey: string }) => v.areaKey === '08');
    expect(neukoelln.value).toBeCloseTo((1000 * places) / residents, 9);
    expect(neukoelln.value.toFixed(1)).toBe('35.5');
  });

  it('has a value for all 12 Bezirke, each the places over the residents aged 65+', async () => {
    const rate = await getJson(
      app,
      '/api/v1/indicators/pflegeplaetze_je_1000_65plus_berlin/values?level=berlin-bezirk',
    );
    const places = await getJson(
      app,
      '/api/v1/indicators/pflegeheim_plaetze_berlin/values?level=berlin-bezirk',
    );
    const residents = residents65ByBezirk();
    expect(rate.values).toHaveLength(12);
    for (const v of rate.values as { areaKey: string; value: number }[]) {
      const p = places.values.find((x: { areaKey: string }) => x.areaKey === v.areaKey).value as number;
      expect(v.value).toBeCloseTo((1000 * p) / residents.get(v.areaKey)!, 9);
    }
  });
});
