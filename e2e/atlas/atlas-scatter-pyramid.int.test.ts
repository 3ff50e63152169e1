/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from './support/a11y.ts';
import {
  de,
  hasChromium,
  openAtlas,
  shot,
  SHOTS,
  startAtlas,
  waitForRender,
  type ApiValues,
  type Atlas,
} from './support/atlas-harness.ts';

interface Side {
  count: number | null;
  share: number | null;
  sharePerYear: number | null;
}
interface ApiPyramid {
  area: { key: string; name: string };
  period: string;
  total: number;
  bands: { label: string; ageFrom: number; years: number; male: Side; female: Side }[];
}

const PYRAMID = '/api/v1/pyramids/altersaufbau-21';

/** The cells of a chart's data table, row by row, as shown. */
async function chartTable(page: Page, chart: string, part = 'tbody'): Promise<string[][]> {
  return page
    .locator(`table[data-chart="${chart}"] ${part} tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

async function openData(page: Page, figure: string): Promise<void> {
  await page.locator(`${figure} .chart-data summary`).click();
}

/** Pearson's r written out, independent of the product's code. */
function pearsonR(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The boxes of the SVG paths of a chart with the given fill (bars or points), on the page. */
async function boxes(page: Page, figure: string, fill?: string) {
  return page.locator(`${figure} .chart svg path`).evaluateAll(
    (paths, wanted) =>
      paths
        .filter((p) => (wanted ? p.getAttribute('fill') === wanted : p.getAttribute('fill') !== 'none'))
        .map((p) => {
          const r = p.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
    fill,
  );
}

describe.skipIf(!hasChromium)('atlas: scatter plot and population pyramid', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('sets the map indicator against a second one with the figures and r of the API', async () => {
    const { page, context, errors } = await openAtlas(atlas, '?indicator=alq_alle&level=kreis&sel=09175', {
      width: 1440,
      height: 2600,
    });
    await waitForRender(page, 'alq_alle|kreis||2016');
    await page.locator('#scatter-versus').selectOption('gisd_score');
    await expect.poll(() => new URL(page.url()).searchParams.get('vs')).toBe('gisd_score');
    await page.locator('table[data-chart="scatter"]').waitFor({ state: 'attached' });

    const [y, x, areas] = await Promise.all([
      atlas.api<ApiValues>('/api/v1/indicators/alq_alle/values?level=kreis&period=2016'),
      atlas.api<ApiValues>('/api/v1/indicators/gisd_score/values?level=kreis&period=2016'),
      atlas.api<{ features: { properties: { key: string } }[] }>('/api/v1/levels/kreis/areas?geometry=false'),
    ]);
    const xs = new Map(x.values.filter((v) => v.value !== null).map((v) => [v.areaKey, v.value!]));
    const ys = new Map(y.values.filter((v) => v.value !== null).map((v) => [v.areaKey, v.value!]));
    const keys = areas.features.map((f) => f.properties.key);
    const both = keys.filter((k) => xs.has(k) && ys.has(k));
    expect(both.length).toBeGreaterThan(390);

    // the table (its rows are built when opened): one row per area with both values, as the API gives them
    await openData(page, '#chart-scatter');
    await page.locator('table[data-chart="scatter"] tbody tr').first().waitFor();
    const rows = await chartTable(page, 'scatter');
    expect(rows).toHaveLength(both.length);
    const byKey = new Map(rows.map((r) => [r[1], r]));
    for (const key of both) {
      const shown = byKey.get(key)!;
      expect([shown[2], shown[3]]).toEqual([de(xs.get(key)!, x.indicator.decimals), de(ys.get(key)!, 1)]);
    }
    expect(await page.locator('table[data-chart="scatter"] tr.is-selected').getAttribute('data-area')).toBe(
      '09175',
    );

    // r and n as computed here from the API's values
    const r = pearsonR(
      both.map((k) => xs.get(k)!),
      both.map((k) => ys.get(k)!),
    );
    const stats = page.locator('#chart-scatter .scatter-stats');
    expect(Number(await stats.getAttribute('data-r'))).toBeCloseTo(r, 12);
    expect(Number(await stats.getAttribute('data-n'))).toBe(both.length);
    expect(await stats.textContent()).toContain(
      `r = ${de(r, 2)} · r² = ${de(r * r, 2)} · n = ${both.length}`,
    );
    const left = keys.length - both.length;
    expect(await page.locator('#chart-scatter').textContent()).toContain(
      `${left} von ${keys.length} Gebieten fehlen`,
    );

    // the highest unemployment rate is the topmost point: hovering names it, clicking selects it
    const top = [...ys.entries()].filter(([k]) => xs.has(k)).sort((a, b) => b[1] - a[1])[0]!;
    await page.locator('#chart-scatter .chart').scrollIntoViewIfNeeded();
    const points = (await boxes(page, '#chart-scatter')).filter((b) => b.width > 5 && b.width < 12);
    expect(points.length).toBe(both.length - 1);
    const highest = points.sort((a, b) => a.y - b.y)[0]!;
    await page.mouse.move(highest.x + highest.width / 2, highest.y + highest.height / 2);
    // the tooltip (a div ECharts adds beside the SVG) names the area with both values
    const name = y.values.find((v) => v.areaKey === top[0])!.areaName!;
    const tooltip = page.locator('#chart-scatter .chart > div:not(:has(svg))');
    await expect.poll(() => tooltip.textContent()).toContain(name);
    expect(await tooltip.textContent()).toContain(`: ${de(top[1], 1)}`);
    expect(await tooltip.textContent()).toContain(`: ${de(xs.get(top[0])!, x.indicator.decimals)}`);
    await page.mouse.click(highest.x + highest.width / 2, highest.y + highest.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(top[0]);
    await expect
      .poll(() => page.locator('table[data-chart="scatter"] tr.is-selected').getAttribute('data-area'))
      .toBe(top[0]);

    await page.locator('#chart-scatter').screenshot({ path: `${SHOTS}/scatter-kreis.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('rings the point of the area hovered in the table, as the map outlines it', async () => {
    const { page, context } = await openAtlas(atlas, '?indicator=alq_alle&level=land&vs=bev_insgesamt', {
      width: 1440,
      height: 2600,
    });
    await page.locator('table[data-chart="scatter"]').waitFor({ state: 'attached' });
    const ring = page.locator('#chart-scatter .scatter-ring');
    expect(await ring.isVisible()).toBe(false);
    await page.locator('table.data-table tbody tr').first().hover();
    await expect.poll(() => ring.isVisible()).toBe(true);
    // centred on a point of the chart
    const box = (await ring.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const points = (await boxes(page, '#chart-scatter')).filter((b) => b.width > 5 && b.width < 12);
    const nearest = Math.min(
      ...points.map((b) => Math.hypot(b.x + b.width / 2 - centre.x, b.y + b.height / 2 - centre.y)),
    );
    expect(nearest).toBeLessThan(1.5);
    await page.mouse.move(0, 0);
    await expect.poll(() => ring.isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it('says which period of the second indicator it shows when the map’s has none', async () => {
    const { page, context } = await openAtlas(atlas, '?indicator=alq_alle&level=kreis&vs=anteil_unter3');
    await page.locator('table[data-chart="scatter"]').waitFor({ state: 'attached' });
    expect(await page.locator('#chart-scatter').textContent()).toContain(
      'Anteil der Kinder unter 3 Jahren hat keine Werte für 2016; gezeigt sind die vom 31.12.2015.',
    );
    await context.close();
  }, 60_000);

  it('draws the pyramid of the selected Kreis with its Land as outline, with the API’s figures', async () => {
    const { page, context, errors } = await openAtlas(atlas, '?indicator=alq_alle&level=kreis&sel=09175', {
      width: 1440,
      height: 2600,
    });
    await waitForRender(page, 'alq_alle|kreis||2016');
    await page.locator('table[data-chart="pyramid"][data-area="09175"]').waitFor({ state: 'attached' });
    const [kreis, land] = await Promise.all([
      atlas.api<ApiPyramid>(`${PYRAMID}?level=kreis&key=09175&period=2015-12-31`),
      atlas.api<ApiPyramid>(`${PYRAMID}?level=land&key=09&period=2015-12-31`),
    ]);
    expect(await page.locator('#chart-pyramid figcaption').textContent()).toBe(
      `Altersaufbau ${kreis.area.name}, 31.12.2015`,
    );
    const rows = await chartTable(page, 'pyramid');
    expect(rows).toHaveLength(21);
    kreis.bands.forEach((band, i) => {
      const other = land.bands[i]!;
      expect(rows[i]).toEqual([
        band.label,
        de(band.male.count!, 0),
        de(band.female.count!, 0),
        de(band.male.share!, 2),
        de(band.female.share!, 2),
        de(band.male.sharePerYear!, 3),
        de(band.female.sharePerYear!, 3),
        de(other.male.sharePerYear!, 3),
        de(other.female.sharePerYear!, 3),
      ]);
    });
    const header = await page.locator('table[data-chart="pyramid"] thead th[data-area]').allTextContents();
    expect(header).toEqual(['Bayern: Männer % je Altersjahr', 'Bayern: Frauen % je Altersjahr']);
    const [total] = await chartTable(page, 'pyramid', 'tfoot');
    expect(total!.slice(0, 3)).toEqual([
      'Insgesamt',
      de(
        kreis.bands.reduce((s, b) => s + b.male.count!, 0),
        0,
      ),
      de(
        kreis.bands.reduce((s, b) => s + b.female.count!, 0),
        0,
      ),
    ]);

    // bars are as tall as their band's years and as long as its share per year of age
    await page.locator('#chart-pyramid .chart').scrollIntoViewIfNeeded();
    const bars = (await boxes(page, '#chart-pyramid', '#1a5fb4'))
      .filter((b) => b.height > 0 && b.width > 0)
      .sort((a, b) => b.y - a.y);
    const legendIcon = bars.findIndex((b) => b.height < 20 && b.width > 20 && b.y < bars.at(-2)!.y - 5);
    if (legendIcon >= 0) bars.splice(legendIcon, 1);
    expect(bars).toHaveLength(21);
    const [under3, , , from10] = bars; // bottom to top: 0–3, 3–6, 6–10, 10–15
    expect(kreis.bands[3]!.years / kreis.bands[0]!.years).toBe(5 / 3);
    expect((from10!.height + 1) / (under3!.height + 1)).toBeCloseTo(5 / 3, 1);
    expect(from10!.width / under3!.width).toBeCloseTo(
      kreis.bands[3]!.male.sharePerYear! / kreis.bands[0]!.male.sharePerYear!,
      1,
    );

    await page.locator('#chart-pyramid').screenshot({ path: `${SHOTS}/pyramid-kreis.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows Deutschland without a selection, and the parent area when the map is limited to it', async () => {
    const { page, context } = await openAtlas(atlas, '?indicator=alq_alle&level=kreis');
    await page.locator('table[data-chart="pyramid"][data-area="DG"]').waitFor({ state: 'attached' });
    const [first] = await chartTable(page, 'pyramid');
    expect(first!.slice(0, 3)).toEqual(['unter 3 Jahre', '1.130.438', '1.069.969']);
    expect(await page.locator('#chart-pyramid').textContent()).toContain(
      'Kein übergeordnetes Gebiet mit Altersdaten zum Vergleich.',
    );
    expect(await page.locator('table[data-chart="pyramid"] thead th[data-area]').count()).toBe(0);
    await context.close();

    const limited = await openAtlas(atlas, '?indicator=alq_alle&level=kreis&parent=09');
    await limited.page.locator('table[data-chart="pyramid"][data-area="09"]').waitFor({ state: 'attached' });
    expect(await limited.page.locator('#chart-pyramid').textContent()).toContain(
      'gezeigt ist Bayern, auf das die Karte beschränkt ist',
    );
    expect(
      await limited.page
        .locator('table[data-chart="pyramid"] thead th[data-area]')
        .first()
        .getAttribute('data-area'),
    ).toBe('DG');
    await limited.context.close();
  }, 60_000);

  it('has no pyramid where no age data exists (Berliner Planungsräume)', async () => {
    const { page, context } = await openAtlas(atlas, '?indicator=mss_s1&level=berlin-plr&sel=01011101');
    await waitForRender(page, 'mss_s1|berlin-plr||2018-12-31');
    await page.locator('#chart-scatter').waitFor();
    expect(await page.locator('#chart-pyramid').count()).toBe(0);
    await context.close();
  }, 60_000);

  for (const [name, query, key] of [
    ['scatter-pyramid-de', '?indicator=alq_alle&level=kreis&sel=09175&vs=gisd_score', 'alq_alle|kreis||2016'],
    [
      'scatter-pyramid-en',
      '?indicator=alq_alle&level=land&sel=05&vs=bev_insgesamt&lang=en',
      'alq_alle|land||2016',
    ],
  ] as const) {
    it(`has no axe violations with the scatter and pyramid data open: ${name}`, async () => {
      const { page, context, errors } = await openAtlas(atlas, query, { width: 1440, height: 2600 });
      await waitForRender(page, key);
      await page.locator('table[data-chart="scatter"]').waitFor({ state: 'attached' });
      await page.locator('table[data-chart="pyramid"]').waitFor({ state: 'attached' });
      await openData(page, '#chart-scatter');
      await openData(page, '#chart-pyramid');
      expect(await axe(page)).toEqual([]);
      await page.locator('.charts').screenshot({ path: `${SHOTS}/${name}.png` });
      await shot(page, `a11y-${name}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
