import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importFiles, loadMappingFile, loadSourceFiles } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));
const CSV = join(DEMO, 'data/genesis/12411-03-03-4_00.csv');
/** The demo steps a pyramid needs: the catalogue, the areas of Bund, Länder, Kreise and the age groups. */
const STEPS = [
  'catalogue.yaml',
  'mappings/bund.yaml',
  'mappings/laender.yaml',
  'mappings/kreise.yaml',
  'mappings/genesis-12411-altersaufbau.yaml',
];

let app: FastifyInstance;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'lagebild-pyramids-'));

beforeAll(async () => {
  store = await openStore(`sqlite:${join(dir, 'demo.db')}`);
  await store.migrate();
  for (const step of STEPS) {
    const path = join(DEMO, step);
    const { raw, dataPath } = loadMappingFile(path, {});
    const files =
      raw.format === 'catalogue' ? [{ name: step, bytes: readFileSync(path) }] : loadSourceFiles(dataPath!);
    const report = await importFiles(store, files, raw, { apply: true, acceptExclusions: true });
    expect(report.dryRun, step).toBe(false);
  }
  app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
};

/** The rows of one area in the CSV: age group label → [total, male, female], as published. */
function csvRows(key: string): Map<string, [number, number, number]> {
  const rows = new Map<string, [number, number, number]>();
  for (const line of readFileSync(CSV, 'utf8').split('\n')) {
    const cells = line.trim().split(';');
    if (cells[1] !== key) continue;
    rows.set(cells[3]!, [Number(cells[4]), Number(cells[5]), Number(cells[6])]);
  }
  return rows;
}

interface Side {
  count: number | null;
  perYear: number | null;
  share: number | null;
  sharePerYear: number | null;
}
interface Band {
  label: string;
  ageFrom: number;
  ageTo: number | null;
  drawTo: number;
  years: number;
  male: Side;
  female: Side;
}

describe('GET /pyramids', () => {
  it('lists the demo pyramid with its 21 bands and the levels that have every band', async () => {
    const { status, body } = await get('/pyramids');
    expect(status).toBe(200);
    expect(body.pyramids).toHaveLength(1);
    const [pyramid] = body.pyramids;
    expect(pyramid).toMatchObject({ id: 'altersaufbau-21', openBandTo: 100 });
    expect(pyramid.bands).toHaveLength(21);
    expect(pyramid.bands[0]).toEqual({
      label: 'unter 3 Jahre',
      labelEn: 'under 3',
      ageFrom: 0,
      ageTo: 3,
      male: 'bev_m_a00_03',
      female: 'bev_w_a00_03',
    });
    expect(pyramid.levels).toEqual([
      { levelId: 'bund', periods: ['2015-12-31'] },
      { levelId: 'land', periods: ['2015-12-31'] },
      { levelId: 'kreis', periods: ['2015-12-31'] },
    ]);
  });
});

describe('GET /pyramids/{id}', () => {
  it('gives Deutschland 2015 with the figures of GENESIS 12411-03-03-4', async () => {
    const { status, body } = await get('/pyramids/altersaufbau-21?level=bund&key=DG');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      level: 'bund',
      area: { key: 'DG', name: 'Deutschland' },
      period: '2015-12-31',
      total: 82_175_684,
      male: 40_514_123,
      female: 41_661_561,
      missing: [],
    });
    const [first] = body.bands as Band[];
    expect(first).toMatchObject({ label: 'unter 3 Jahre', ageFrom: 0, ageTo: 3, drawTo: 3, years: 3 });
    expect(first!.male.count).toBe(1_130_438);
    expect(first!.female.count).toBe(1_069_969);
    expect(first!.male.perYear).toBeCloseTo(1_130_438 / 3, 9);
    expect(first!.male.share).toBeCloseTo((100 * 1_130_438) / 82_175_684, 12);
    expect(first!.female.sharePerYear).toBeCloseTo((100 * 1_069_969) / 82_175_684 / 3, 12);
    const last = (body.bands as Band[]).at(-1)!;
    expect(last).toMatchObject({
      label: '90 Jahre und mehr',
      ageFrom: 90,
      ageTo: null,
      drawTo: 100,
      years: 10,
    });
    expect([last.male.count, last.female.count]).toEqual([163_672, 554_419]);
  });

  it('matches every band of a Kreis, and its bands add up to the published total', async () => {
    const csv = csvRows('09175');
    const { body } = await get('/pyramids/altersaufbau-21?level=kreis&key=09175&period=2015-12-31');
    expect(body.area.name).toContain('Ebersberg');
    for (const band of body.bands as Band[]) {
      const [, male, female] = csv.get(band.label)!;
      expect([band.label, band.male.count, band.female.count]).toEqual([band.label, male, female]);
    }
    expect([body.total, body.male, body.female]).toEqual(csv.get('Insgesamt'));
    const shares = (body.bands as Band[]).flatMap((b) => [b.male.share!, b.female.share!]);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
  });

  it('finds Berlin as a Kreis under its Kreis key (the table lists it as Land 11)', async () => {
    const { body } = await get('/pyramids/altersaufbau-21?level=kreis&key=11000');
    expect([body.total, body.male, body.female]).toEqual(csvRows('11').get('Insgesamt'));
  });

  it('answers mistakes in the one error shape', async () => {
    const unknown = await get('/pyramids/nope?level=bund&key=DG');
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'ValidationFailed', message: 'No pyramid "nope". Known pyramids: altersaufbau-21.' },
    });
    expect(await get('/pyramids/altersaufbau-21?level=kreis&key=99999')).toMatchObject({
      status: 404,
      body: { code: 'AreaNotFound' },
    });
    expect(await get('/pyramids/altersaufbau-21?level=mond&key=1')).toMatchObject({
      status: 404,
      body: { code: 'LevelNotFound' },
    });
    expect(await get('/pyramids/altersaufbau-21?level=kreis&key=09175&period=gestern')).toMatchObject({
      status: 400,
      body: { code: 'ValidationFailed', message: expect.stringContaining('period: "gestern"') },
    });
    expect(await get('/pyramids/altersaufbau-21?level=kreis')).toMatchObject({
      status: 400,
      body: { code: 'ValidationFailed', message: expect.stringContaining('key') },
    });
  });

  it('names the missing bands and gives no shares for a period without values', async () => {
    const { status, body } = await get('/pyramids/altersaufbau-21?level=kreis&key=09175&period=2014-12-31');
    expect(status).toBe(200);
    expect(body.total).toBeNull();
    expect(body.missing).toHaveLength(42);
    expect(body.missing[0]).toEqual({
      band: 'unter 3 Jahre',
      sex: 'male',
      indicator: 'bev_m_a00_03',
      reason: 'nodata',
    });
  });
});
