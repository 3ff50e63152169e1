/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../packages/core/src/classify/index.ts';
import {
  de,
  hasChromium,
  openAtlas,
  readTable,
  shot,
  startAtlas,
  waitForRender,
  type ApiValues,
  type Atlas,
} from './support/atlas-harness.ts';

/** The main journeys of a planner, in the real app over the demo data, checked against the API. */
describe.skipIf(!hasChromium)('atlas: main journeys in Chromium', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('finds S1 Arbeitslosigkeit, maps it for the 447 Planungsräume in 2014, reclassifies and exports it', async () => {
    const { page, context, errors } = await openAtlas(atlas);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lagebild – Atlas');
    await shot(page, '01-start');

    await page.getByLabel('Indikator suchen').fill('Arbeitslosigkeit');
    const hit = page.getByRole('button', { name: /S1 Arbeitslosigkeit/ });
    await hit.waitFor();
    await shot(page, '02-search');
    await hit.click();
    await page.getByLabel('Raumebene').selectOption('berlin-plr');
    const slider = page.getByLabel('Zeitpunkt', { exact: true });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await waitForRender(page, 'mss_s1|berlin-plr||2014-12-31');
    expect(page.url()).toContain('indicator=mss_s1');
    expect(page.url()).toContain('period=2014-12-31');

    const api = await atlas.api<ApiValues>(
      '/api/v1/indicators/mss_s1/values?level=berlin-plr&period=2014-12-31',
    );
    const withValue = api.values.filter((v) => v.value !== null);
    expect(api.values).toHaveLength(447);
    // The legend counts every area once: classes plus missing values.
    const counts = await legendCounts(page);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(447);
    await shot(page, '03-planungsraeume-2014');

    await page.getByLabel('Methode').selectOption('jenks');
    await page.getByLabel('Anzahl Klassen').selectOption('4');
    await expect.poll(() => page.locator('.legend-item[data-class]').count()).toBe(4);
    const expected = classify(
      withValue.map((v) => v.value),
      { method: 'jenks', classes: 4 },
    );
    const classCounts = (await legendCounts(page)).slice(0, 4);
    expect(classCounts).toEqual(expected.counts);
    const labels = await page.locator('.legend-item[data-class] .legend-label').allTextContents();
    expect(labels[1]).toBe(`über ${de(expected.breaks[0]!, 2)} bis ${de(expected.breaks[1]!, 2)}`);
    expect(page.url()).toContain('method=jenks');
    await shot(page, '04-jenks-4');

    // Every figure in the table equals the API's, formatted the German way.
    const rows = await readTable(page);
    expect(rows).toHaveLength(447);
    const byKey = new Map(api.values.map((v) => [v.areaKey, v]));
    for (const row of rows) {
      const v = byKey.get(row.key)!;
      expect(row.name).toBe(v.areaName);
      expect(row.value).toBe(v.value === null ? '–' : de(v.value, 2));
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV exportieren' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lagebild_mss_s1_berlin-plr_2014-12-31.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFGebiet;Schlüssel;Wert (%);Status;Grund;Zähler;Nenner\r\n')).toBe(true);
    const first = api.values.find((v) => v.value !== null)!;
    expect(csv).toContain(
      `${first.areaName};="${first.areaKey}";${String(first.value).replace('.', ',')};endgültig;;;\r\n`,
    );
    const missing = api.values.find((v) => v.value === null)!;
    expect(csv).toContain(
      `${missing.areaName};="${missing.areaKey}";;fehlt;Aussage nicht sinnvoll (x);;\r\n`,
    );
    expect(csv).toContain(
      'Quelle;"Senatsverwaltung für Stadtentwicklung Berlin, MSS; via Open Lifeworlds, CC BY 4.0"\r\n',
    );
    expect(csv).toContain('Zeitpunkt;31.12.2014\r\n');
    expect(csv.split('\r\n').filter((line) => /^[^;]+;="\d{8}";/.test(line))).toHaveLength(447);

    // The shared link reopens the same view.
    const again = await context.newPage();
    await again.goto(page.url());
    await waitForRender(again, 'mss_s1|berlin-plr||2014-12-31');
    expect(await legendCounts(again)).toEqual(await legendCounts(page));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('links the selection of map and table and shows details on hover and click', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-plr&period=2018-12-31',
    );
    await waitForRender(page, 'mss_s1|berlin-plr||2018-12-31');
    // Table → map: the row is marked, the details name the area.
    await page.getByLabel('Gebiete filtern').fill('Stülerstraße');
    await page.getByRole('button', { name: 'Stülerstraße' }).click();
    await expect
      .poll(() => page.locator('tr[data-key="01011101"]').getAttribute('class'))
      .toMatch(/selected/);
    await expect.poll(() => page.locator('.area-name').textContent()).toBe('Stülerstraße');
    expect(page.url()).toContain('sel=01011101');
    await page.getByLabel('Gebiete filtern').fill('');

    // Map → table: a click in the middle of the map selects the area under the pointer.
    const canvas = page.locator('.map canvas');
    await page.getByRole('button', { name: 'Auswahl aufheben' }).click();
    // the page is taller than the window (charts below): measure the map after the click scrolled
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.map-tooltip').waitFor();
    const tip = await page.locator('.map-tooltip strong').textContent();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.area-name').textContent()).toBe(tip!);
    const selectedKey = new URL(page.url()).searchParams.get('sel');
    await expect
      .poll(() => page.locator(`tr[data-key="${selectedKey}"]`).getAttribute('class'))
      .toMatch(/selected/);
    await shot(page, '05-selection');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drills from the Kreise to the Gemeinden of one Kreis and back to all Kreise', async () => {
    const { page, context, errors } = await openAtlas(atlas);
    await page.getByLabel('Indikator suchen').fill('Bevölkerung insgesamt');
    await page.getByRole('button', { name: /Bevölkerung insgesamt/ }).click();
    await page.getByLabel('Raumebene').selectOption('kreis');
    await page.getByLabel('Gebiete filtern').fill('Ebersberg');
    await page.getByRole('button', { name: 'Ebersberg' }).click();
    await page.getByRole('button', { name: /Gemeinden in Ebersberg zeigen/ }).click();
    await waitForRender(page, 'bev_insgesamt|gemeinde|09175|2022-12-31');
    const period = '2022-12-31';
    const api = await atlas.api<ApiValues>(
      `/api/v1/indicators/bev_insgesamt/values?level=gemeinde&period=${period}`,
    );
    const areas = await atlas.api<{ features: { properties: { key: string } }[] }>(
      '/api/v1/levels/gemeinde/areas?parent=09175&geometry=false',
    );
    const rows = await readTable(page);
    expect(rows.map((r) => r.key).sort()).toEqual(areas.features.map((f) => f.properties.key).sort());
    const byKey = new Map(api.values.map((v) => [v.areaKey, v]));
    for (const row of rows) expect(row.value).toBe(de(byKey.get(row.key)!.value!, 0));
    await shot(page, '06-gemeinden-ebersberg');

    await page.getByLabel('Raumebene').selectOption('kreis');
    await waitForRender(page, `bev_insgesamt|kreis||${period}`);
    await expect.poll(() => page.locator('.table-range').textContent()).toContain('von 400');
    await shot(page, '07-kreise');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drills through Berlin: Bezirke → Bezirksregionen → Planungsräume', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s3&level=berlin-bezirk&view=table',
    );
    await page.getByRole('button', { name: 'Mitte', exact: true }).click();
    await page.getByRole('button', { name: /Bezirksregionen \(LOR bis 2020\) in Mitte zeigen/ }).click();
    await expect.poll(() => page.locator('.table-range').textContent()).toContain('von 10');
    const bzr = await atlas.api<{ features: { properties: { key: string; name: string } }[] }>(
      '/api/v1/levels/berlin-bzr/areas?parent=01&geometry=false',
    );
    const wedding = bzr.features.find((f) => f.properties.name === 'Wedding Zentrum')!.properties.key;
    await page.getByRole('button', { name: 'Wedding Zentrum' }).click();
    await page
      .getByRole('button', { name: /Planungsräume \(LOR bis 2020\) in Wedding Zentrum zeigen/ })
      .click();
    await expect.poll(() => page.getByLabel('Gebiet eingrenzen').inputValue()).toBe(wedding);
    const areas = await atlas.api<{ features: unknown[] }>(
      `/api/v1/levels/berlin-plr/areas?parent=${wedding}&geometry=false`,
    );
    await expect
      .poll(() => page.locator('.table-range').textContent())
      .toContain(`von ${areas.features.length}`);
    await shot(page, '08-berlin-drill');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works with a configurable basemap, and without one when it cannot be loaded', async () => {
    const style = {
      version: 8,
      sources: {},
      layers: [{ id: 'basemap-land', type: 'background', paint: { 'background-color': '#e4ecd9' } }],
    };
    const good = await openAtlas(atlas, '');
    await good.page.route('https://basemap.test/style.json', (route) =>
      route.fulfill({ json: style, headers: { 'access-control-allow-origin': '*' } }),
    );
    // Chosen in the settings while the map is open: the map is rebuilt on the basemap.
    await good.page.goto(`${atlas.baseUrl}/?indicator=mss_s1&level=berlin-bezirk`);
    await waitForRender(good.page, 'mss_s1|berlin-bezirk||2018-12-31');
    await good.page.getByText('Einstellungen').click();
    await good.page
      .getByLabel('Hintergrundkarte (MapLibre-Style-URL)')
      .fill('https://basemap.test/style.json');
    await good.page.getByRole('button', { name: 'Übernehmen' }).click();
    await good.page.locator('.map-wrap[data-render-count="2"]').waitFor({ state: 'attached' });
    expect(good.page.url()).toContain('basemap=https');
    const layers = await good.page.evaluate(() =>
      (
        window as unknown as { __atlasMap: { map: { getStyle(): { layers: { id: string }[] } } } }
      ).__atlasMap.map
        .getStyle()
        .layers.map((l) => l.id),
    );
    expect(layers[0]).toBe('basemap-land');
    expect(layers).toContain('area-fill');
    await shot(good.page, '10-basemap');
    expect(good.errors).toEqual([]);
    await good.context.close();

    const bad = await openAtlas(atlas, '');
    await bad.page.route('https://basemap.test/**', (route) => route.abort());
    await bad.page.goto(
      `${atlas.baseUrl}/?indicator=mss_s1&level=berlin-bezirk&basemap=https://basemap.test/missing.json`,
    );
    await bad.page
      .locator('.map-wrap[data-render-key^="mss_s1|berlin-bezirk|"]')
      .waitFor({ state: 'attached' });
    await bad.page.getByText('Die Hintergrundkarte konnte nicht geladen werden').waitFor();
    await bad.context.close();
  });

  it('animates the periods with play and pause', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-bzr&period=2012-12-31',
    );
    await waitForRender(page, 'mss_s1|berlin-bzr||2012-12-31');
    await page.getByRole('button', { name: 'Zeitreihe abspielen' }).click();
    await waitForRender(page, 'mss_s1|berlin-bzr||2014-12-31');
    await waitForRender(page, 'mss_s1|berlin-bzr||2016-12-31');
    await page.getByRole('button', { name: 'Anhalten' }).click();
    const stopped = new URL(page.url()).searchParams.get('period');
    await page.waitForTimeout(2_000);
    expect(new URL(page.url()).searchParams.get('period')).toBe(stopped);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English on request, with English number formats', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-plr&period=2018-12-31',
    );
    await waitForRender(page, 'mss_s1|berlin-plr||2018-12-31');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 2, name: 'S1 Unemployment' }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await expect
      .poll(() => page.locator('.legend-item[data-class="0"] .legend-label').textContent())
      .toMatch(/^\d+\.\d\d to \d+\.\d\d$/);
    expect(page.url()).toContain('lang=en');
    await shot(page, '09-english');
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function legendCounts(page: Page): Promise<number[]> {
  const texts = await page.locator('.legend-item .legend-count').allTextContents();
  return texts.map((text) => Number(text.replace(/\D/g, '')));
}
