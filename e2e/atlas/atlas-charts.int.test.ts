/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  de,
  hasChromium,
  openAtlas,
  shot,
  startAtlas,
  waitForRender,
  type ApiValues,
  type Atlas,
} from './support/atlas-harness.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface ApiSeries {
  values: { period: string; value: number | null }[];
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The rows of a chart's data table: header cell then data cells, as shown. */
async function chartTable(page: Page, chart: string): Promise<string[][]> {
  return page
    .locator(`table[data-chart="${chart}"] tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

async function openChartData(page: Page): Promise<void> {
  for (const summary of await page.locator('.chart-data summary').all()) await summary.click();
}

/** `2016` → 2016; `2018-12-31` → 31.12.2018 (German display of periods). */
function dePeriod(period: string): string {
  const [y, m, d] = period.split('-');
  return d ? `${d}.${m}.${y}` : m ? `${m}.${y}` : period;
}

describe.skipIf(!hasChromium)('atlas: charts (time series, ranking, histogram)', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('shows a Kreis against its Land and Deutschland with the figures of the API, drawn as SVG', async () => {
    const { page, context, errors } = await openAtlas(atlas, '?indicator=alq_alle&level=kreis&sel=09175', {
      width: 1440,
      height: 2200,
    });
    await waitForRender(page, 'alq_alle|kreis||2016');
    await page.locator('table[data-chart="series"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#chart-series .chart svg').count()).toBe(1);
    expect(await page.locator('.charts canvas').count()).toBe(0);

    const header = await page
      .locator('table[data-chart="series"] thead th[data-area]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-area')));
    expect(header).toEqual(['09175', '09', 'DG']);
    const rows = await chartTable(page, 'series');
    const series = await Promise.all(
      [
        ['kreis', '09175'],
        ['land', '09'],
        ['bund', 'DG'],
      ].map(([level, area]) =>
        atlas.api<ApiSeries>(`/api/v1/indicators/alq_alle/series?level=${level}&area=${area}`),
      ),
    );
    const periods = [...new Set(series.flatMap((s) => s.values.map((v) => v.period)))].sort();
    expect(rows.map((r) => r[0])).toEqual(periods.map(dePeriod));
    for (const [i, s] of series.entries()) {
      for (const v of s.values) {
        const row = rows.find((r) => r[0] === dePeriod(v.period))!;
        expect(row[i + 1]).toBe(v.value === null ? '–' : de(v.value, 1));
      }
    }

    const values = await atlas.api<ApiValues>('/api/v1/indicators/alq_alle/values?level=kreis&period=2016');
    // the charts read the areas on the map (the current territorial status), like table and legend
    const areas = await atlas.api<{ features: { properties: { key: string } }[] }>(
      '/api/v1/levels/kreis/areas?geometry=false',
    );
    const shown = new Set(areas.features.map((f) => f.properties.key));
    const valued = values.values
      .filter((v) => v.value !== null && shown.has(v.areaKey))
      .sort((a, b) => b.value! - a.value!);
    const ranking = await chartTable(page, 'ranking');
    expect(ranking[0]).toEqual(['1', valued[0]!.areaName, de(valued[0]!.value!, 1)]);
    expect(ranking.at(-1)?.[2]).toBe(de(valued.at(-1)!.value!, 1));
    const selected = ranking.find((r) => r[1]?.startsWith('Ebersberg'));
    expect(selected?.[2]).toBe(de(values.values.find((v) => v.areaKey === '09175')!.value!, 1));

    const bins = await chartTable(page, 'histogram');
    const total = bins.reduce((sum, r) => sum + Number(r[2]!.replace(/\./g, '')), 0);
    expect(total).toBe(valued.length);
    expect(bins[0]![0]).toBe(de(valued.at(-1)!.value!, 1));
    expect(bins.at(-1)![1]).toBe(de(valued[0]!.value!, 1));
    // the class limits of the legend are drawn into the histogram
    const limits = await page.locator('#chart-histogram .chart').getAttribute('aria-label');
    expect(limits).toContain(de(3.4, 1));

    await page.locator('.charts').scrollIntoViewIfNeeded();
    await page
      .locator('.charts')
      .screenshot({ path: `${process.env.LAGEBILD_SHOTS ?? '/tmp/atlas-shots'}/charts-kreis.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('compares a Planungsraum with its Bezirksregion and its Bezirk', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-plr&sel=01011101&lang=en',
    );
    await waitForRender(page, 'mss_s1|berlin-plr||2018-12-31');
    await page.locator('table[data-chart="series"]').waitFor({ state: 'attached' });
    const header = await page
      .locator('table[data-chart="series"] thead th[data-area]')
      .evaluateAll((ths) => ths.map((th) => th.textContent));
    expect(header).toHaveLength(3);
    expect(header[1]).toContain('District regions');
    expect(header[2]).toContain('Berlin boroughs');
    await expect.poll(() => page.locator('#chart-series .chart svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  for (const [name, query, key] of [
    ['charts-de', '?indicator=alq_alle&level=kreis&sel=09175', 'alq_alle|kreis||2016'],
    [
      'charts-en-plr',
      '?indicator=mss_s1&level=berlin-plr&sel=01011101&lang=en',
      'mss_s1|berlin-plr||2018-12-31',
    ],
    ['charts-no-selection', '?indicator=gisd_score&level=kreis&view=table', null],
  ] as const) {
    it(`has no axe violations with the chart data open: ${name}`, async () => {
      const { page, context } = await openAtlas(atlas, query);
      if (key) await waitForRender(page, key);
      await page.locator('#chart-histogram .chart svg').waitFor({ state: 'attached' });
      await openChartData(page);
      expect(await axe(page)).toEqual([]);
      await shot(page, `a11y-${name}`);
      await context.close();
    }, 60_000);
  }

  it('opens a chart table with the keyboard', async () => {
    const { page, context } = await openAtlas(atlas, '?indicator=alq_alle&level=land&sel=05');
    await waitForRender(page, 'alq_alle|land||2016');
    await page.locator('#chart-ranking .chart-data summary').waitFor();
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('#chart-ranking .chart-data summary')))
        break;
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('table[data-chart="ranking"] tbody tr').first().isVisible())
      .toBe(true);
    expect(await page.locator('table[data-chart="ranking"] tbody tr').count()).toBe(16);
    expect(await page.locator('table[data-chart="ranking"] tr.is-selected').count()).toBe(1);
    await context.close();
  }, 60_000);
});
