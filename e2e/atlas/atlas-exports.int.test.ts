/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  hasChromium,
  openAtlas,
  startAtlas,
  waitForRender,
  type ApiValue,
  type ApiValues,
  type Atlas,
} from './support/atlas-harness.ts';

const VIEW = '?indicator=mss_s1&level=berlin-plr&period=2014-12-31';
const RENDERED = 'mss_s1|berlin-plr||2014-12-31';
const VALUES = '/api/v1/indicators/mss_s1/values?level=berlin-plr&period=2014-12-31';
const SOURCE = 'Senatsverwaltung für Stadtentwicklung Berlin, MSS; via Open Lifeworlds, CC BY 4.0';

/** The export date as the server and the atlas write it (UTC), and as the atlas shows it in German. */
const today = () => new Date().toISOString().slice(0, 10);
const todayDe = () => today().split('-').reverse().join('.');

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = (await file.path())!;
  // kept beside the screenshots, so a person can open what the test checked
  copyFileSync(path, join(SHOTS, `export-${file.suggestedFilename()}`));
  return { file, path };
}

interface XlsxRow {
  key: string;
  name: string;
  period: string;
  value: number | null;
  status: string;
  reason: string;
}

async function readXlsx(path: string, dataSheet = 'Daten', sourceSheet = 'Quelle') {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const data = workbook.getWorksheet(dataSheet);
  const source = workbook.getWorksheet(sourceSheet);
  if (!data || !source) throw new Error(`sheets ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: XlsxRow[] = [];
  data.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (i: number) => row.getCell(i).value;
    rows.push({
      key: String(cell(1)),
      name: String(cell(2)),
      period: String(cell(3)),
      value: typeof cell(4) === 'number' ? (cell(4) as number) : null,
      status: String(cell(5)),
      reason: String(cell(6) ?? ''),
    });
  });
  const meta = new Map<string, string>();
  source.eachRow((row) => meta.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')));
  return { rows, meta, header: (data.getRow(1).values as unknown[]).slice(1) };
}

/** The keys of the table rows on the page shown. */
const tableKeys = (page: Page) =>
  page
    .locator('table.data-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG in the page: how much is not white, how many colours, and whether these occur. */
async function pngPixels(page: Page, bytes: Buffer, colours: string[] = []) {
  return page.evaluate(
    async ([base64, wanted]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      let notWhite = 0;
      for (let i = 0; i < data.length; i += 4) {
        const hex = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
        seen.add(hex);
        if (hex !== '#ffffff') notWhite++;
      }
      return {
        notWhite: notWhite / (data.length / 4),
        colours: seen.size,
        found: (wanted as string[]).filter((c) => seen.has(c)),
      };
    },
    [bytes.toString('base64'), colours] as const,
  );
}

/** Parses an SVG in the page: parse errors, its <title>, its text. */
const parseSvg = (page: Page, svg: string) =>
  page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      title: doc.querySelector('svg > title')?.textContent ?? '',
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svg);

const rgbToHex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? []).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;

describe.skipIf(!hasChromium)('atlas: exports (XLSX, GeoJSON, map PNG, charts SVG/PNG)', () => {
  let atlas: Atlas;
  let api: ApiValues;
  let areaCount: number;
  beforeAll(async () => {
    atlas = await startAtlas();
    api = await atlas.api<ApiValues>(VALUES);
    const areas = await atlas.api<{ features: unknown[] }>('/api/v1/levels/berlin-plr/areas?geometry=false');
    areaCount = areas.features.length;
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  const byKey = () => new Map(api.values.map((v) => [v.areaKey, v]));
  const sameAsApi = (key: string, value: number | null, status: string, reason: string | null) => {
    const v: ApiValue | undefined = byKey().get(key);
    expect(v, key).toBeDefined();
    expect([value, status, reason || null]).toEqual([v!.value, v!.status, v!.missingReason]);
  };

  it('downloads the table as XLSX with the figures of the API, in the order of the table, with source and date', async () => {
    const { page, context, errors } = await openAtlas(atlas, VIEW);
    await waitForRender(page, RENDERED);
    const { file, path } = await download(page, () =>
      page.getByRole('button', { name: 'XLSX exportieren' }).click(),
    );
    expect(file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31.xlsx');
    const { rows, meta, header } = await readXlsx(path);
    expect(header.slice(0, 6)).toEqual(['Schlüssel', 'Gebiet', 'Zeitraum', 'Wert', 'Status', 'Grund']);
    expect(rows).toHaveLength(areaCount);
    expect(rows.filter((r) => r.value !== null).length).toBeGreaterThan(400);
    for (const row of rows) sameAsApi(row.key, row.value, row.status, row.reason);
    expect(rows.filter((r) => r.reason === 'not_meaningful').length).toBeGreaterThan(0);
    expect(rows.map((r) => r.key).slice(0, 100)).toEqual(await tableKeys(page));
    expect(meta.get('Indikator')).toBe('S1 Arbeitslosigkeit');
    expect(meta.get('Quelle')).toBe(SOURCE);
    expect(meta.get('Zeitraum')).toBe('2014-12-31');
    expect(meta.get('Exportiert am')).toBe(today());
    expect(meta.get('not_meaningful')).toBe('Aussage nicht sinnvoll (x)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports what the filtered, sorted table shows, and in English with English sheets', async () => {
    const { page, context, errors } = await openAtlas(atlas, `${VIEW}&lang=en`);
    await waitForRender(page, RENDERED);
    await page.getByLabel('Filter areas').fill('allee');
    const valueSort = page.locator('button.sort[data-column="value"]');
    await valueSort.click();
    await valueSort.click();
    await page.locator('th[aria-sort="descending"] button.sort[data-column="value"]').waitFor();
    const shown = await tableKeys(page);
    expect(shown.length).toBeGreaterThan(3);
    const { file, path } = await download(page, () =>
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    );
    expect(file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31.xlsx');
    const { rows, meta, header } = await readXlsx(path, 'Data', 'Source');
    expect(header[0]).toBe('Key');
    expect(rows.map((r) => r.key)).toEqual(shown);
    for (const row of rows) sameAsApi(row.key, row.value, row.status, row.reason);
    expect(meta.get('Indicator')).toBe('S1 Unemployment');
    expect(meta.get('Source')).toBe(SOURCE);
    expect(meta.get('Exported')).toBe(today());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads GeoJSON with geometry, the figures of the API, missing reasons kept, metadata with source and date', async () => {
    const { page, context, errors } = await openAtlas(atlas, VIEW);
    await waitForRender(page, RENDERED);
    const { file, path } = await download(page, () =>
      page.getByRole('button', { name: 'GeoJSON exportieren' }).click(),
    );
    expect(file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31.geojson');
    const geo = JSON.parse(readFileSync(path, 'utf8')) as {
      type: string;
      metadata: Record<string, unknown>;
      features: {
        geometry: { type: string } | null;
        properties: {
          key: string;
          value: number | null;
          status: string;
          missingReason: string | null;
          source: string;
          exportedAt: string;
          period: string;
        };
      }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.metadata).toMatchObject({
      indicator: 'mss_s1',
      source: SOURCE,
      level: 'berlin-plr',
      period: '2014-12-31',
      exportedAt: today(),
    });
    expect(geo.features).toHaveLength(areaCount);
    for (const { geometry, properties: p } of geo.features) {
      expect(geometry?.type).toMatch(/Polygon/);
      sameAsApi(p.key, p.value, p.status, p.missingReason);
      expect([p.source, p.exportedAt, p.period]).toEqual([SOURCE, today(), '2014-12-31']);
    }
    const missing = geo.features.filter((f) => f.properties.value === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((f) => f.properties.missingReason === 'not_meaningful')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves the map as a PNG with title, legend colours, source and date around it', async () => {
    const { page, context, errors } = await openAtlas(atlas, VIEW);
    await waitForRender(page, RENDERED);
    const canvas = await page
      .locator('.map canvas')
      .evaluate((c: HTMLCanvasElement) => ({ width: c.clientWidth, height: c.clientHeight }));
    const swatches = await page
      .locator('.legend-item[data-class] .swatch')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(swatches.length).toBe(5);
    const { file, path } = await download(page, () =>
      page.getByRole('button', { name: 'Karte als PNG' }).click(),
    );
    expect(file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31_karte.png');
    const bytes = readFileSync(path);
    const size = pngSize(bytes);
    // map + legend column (270) + three margins (20), at the device pixel ratio of 1
    expect(size.width).toBe(canvas.width + 270 + 3 * 20);
    expect(size.height).toBeGreaterThan(canvas.height + 100);
    const colours = swatches.map(rgbToHex);
    const pixels = await pngPixels(page, bytes, colours);
    expect(pixels.notWhite).toBeGreaterThan(0.3);
    expect(pixels.colours).toBeGreaterThan(20);
    expect(pixels.found).toEqual(colours);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves a chart as SVG and PNG from the keyboard, with its title, source and date', async () => {
    const { page, context, errors } = await openAtlas(atlas, VIEW);
    await waitForRender(page, RENDERED);
    const caption = (await page.locator('#chart-ranking figcaption').textContent())!.trim();
    expect(caption).toBe('Rangfolge – Planungsräume (LOR bis 2020), 31.12.2014');
    const svgButton = page.getByRole('button', { name: `${caption} als SVG speichern` });
    await svgButton.focus();
    const svg = await download(page, () => page.keyboard.press('Enter'));
    expect(svg.file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31_chart-ranking.svg');
    const parsed = await parseSvg(page, readFileSync(svg.path, 'utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.title).toBe(caption);
    const text = parsed.texts.join(' ');
    expect(text).toContain('S1 Arbeitslosigkeit');
    expect(text).toContain(`Quelle: ${SOURCE.slice(0, 40)}`);
    expect(text).toContain(`Exportiert am ${todayDe()}`);
    // the chart itself: the ranking's first area and value as the API has them
    const top = [...api.values].filter((v) => v.value !== null).sort((a, b) => b.value! - a.value!)[0]!;
    expect(text).toContain(`1. ${top.areaName}`);

    await page.getByRole('button', { name: `${caption} als PNG speichern` }).focus();
    const png = await download(page, () => page.keyboard.press('Space'));
    expect(png.file.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31_chart-ranking.png');
    const bytes = readFileSync(png.path);
    expect(pngSize(bytes)).toEqual({ width: parsed.width * 2, height: parsed.height * 2 });
    const pixels = await pngPixels(page, bytes);
    expect(pixels.notWhite).toBeGreaterThan(0.05);
    expect(pixels.colours).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  });
});
