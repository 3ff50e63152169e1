/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
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
  type Atlas,
} from './support/atlas-harness.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Keyboard only: presses Tab until the focused element matches. */
async function tabTo(page: Page, selector: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

interface Compared {
  level: string;
  areas: { key: string; name: string }[];
  indicators: {
    indicator: { id: string; decimals: number; unit: string; source: string | null };
    period: string | null;
    references: { role: string; key: string | null; value: number | null }[];
    values: { areaKey: string; value: number | null; outcome: string; missingReason: string | null }[];
    series: { areaKey: string; values: { period: string; value: number | null }[] }[];
  }[];
}

interface Values {
  values: { areaKey: string; value: number | null; missingReason: string | null }[];
}

/** The figure of one table cell: its value, or its missing-value text. */
const cell = (page: Page, indicator: string, area: string) =>
  page.locator(`.compare-table td[data-indicator="${indicator}"][data-area="${area}"]`);

const STUELER = '01011101';
const LUETZOW = '01011103';

describe.skipIf(!hasChromium)('atlas: comparing areas in Chromium', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('compares two Planungsräume chosen in the atlas, by keyboard, with the figures of the API', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-plr&period=2016-12-31',
    );
    await waitForRender(page, 'mss_s1|berlin-plr||2016-12-31');
    for (const [filter, name] of [
      ['Stüler', 'Stülerstraße'],
      ['Lützow', 'Lützowstraße'],
    ] as const) {
      await page.getByLabel('Gebiete filtern').fill(filter);
      await page.getByRole('button', { name, exact: true }).click();
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`${STUELER},${LUETZOW}`);
    await shot(page, 'compare-01-atlas-selection');

    // Keyboard from here on: to the link, Enter, and the comparison opens with both areas.
    await page.locator('#indicator-search').focus();
    await tabTo(page, 'a.compare-link');
    expect(await page.locator('a.compare-link').textContent()).toBe('Ausgewählte Gebiete vergleichen (2)');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('compare');
    await page.getByRole('heading', { name: 'Gebiete vergleichen' }).waitFor();
    await page.locator('.compare-table').waitFor();

    await tabTo(page, '#compare-indicator-search');
    await page.keyboard.type('S3 Transfer');
    await expect.poll(() => page.locator('#compare-indicator-search-list [role="option"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('cmp')).toBe('mss_s1,mss_s3');
    await page.locator('.compare-table th[data-indicator="mss_s3"]').waitFor();
    await shot(page, 'compare-02-two-indicators');

    // Every figure on screen equals the API's: the values route and the comparison route.
    const query = `level=berlin-plr&areas=${STUELER},${LUETZOW}&indicators=mss_s1,mss_s3&period=2016-12-31`;
    const compared = await atlas.api<Compared>(`/api/v1/compare?${query}`);
    for (const indicator of ['mss_s1', 'mss_s3']) {
      const api = await atlas.api<Values>(
        `/api/v1/indicators/${indicator}/values?level=berlin-plr&period=2016-12-31`,
      );
      for (const area of [STUELER, LUETZOW]) {
        const value = api.values.find((v) => v.areaKey === area)!.value!;
        expect(await cell(page, indicator, area).locator('.value').textContent()).toBe(de(value, 2));
      }
      const fromCompare = compared.indicators.find((i) => i.indicator.id === indicator)!;
      expect(fromCompare.period).toBe('2016-12-31');
      const whole = fromCompare.references.find((r) => r.role === 'level')!;
      expect(
        await page
          .locator(`tr[data-reference="level"] td[data-indicator="${indicator}"] .value`)
          .textContent(),
      ).toBe(de(whole.value!, 2));
      const parent = fromCompare.references.find((r) => r.role === 'parent')!;
      expect(
        await page
          .locator(`tr[data-reference="${parent.key}"] td[data-indicator="${indicator}"] .value`)
          .textContent(),
      ).toBe(de(parent.value!, 2));
    }
    expect(await page.locator('.compare-table thead th[data-indicator="mss_s3"] .unit').textContent()).toBe(
      '% · Stand 31.12.2016',
    );

    // The charts' data tables hold the series of each area, as /series gives them.
    const series = await atlas.api<{ values: { period: string; value: number | null }[] }>(
      `/api/v1/indicators/mss_s3/series?level=berlin-plr&area=${LUETZOW}`,
    );
    await page.locator('#compare-chart-mss_s3 summary').click();
    const chartCells = await page
      .locator(`table[data-indicator="mss_s3"] td[data-area="${LUETZOW}"]`)
      .allTextContents();
    expect(chartCells).toEqual(series.values.map((v) => (v.value === null ? '–' : de(v.value, 2))));
    expect(await page.locator('#compare-chart-mss_s3 svg').count()).toBeGreaterThan(0);
    await shot(page, 'compare-03-chart-data');
    expect(await axe(page)).toEqual([]);

    // Links: the area to its profile, the indicator to the atlas with the areas selected.
    const profile = new URL(
      (await page.getByRole('link', { name: 'Stülerstraße', exact: true }).getAttribute('href'))!,
      atlas.baseUrl,
    );
    expect(profile.searchParams.get('page')).toBe('profile');
    expect(profile.searchParams.get('area')).toBe(STUELER);
    const toAtlas = new URL(
      (await page.getByRole('link', { name: 'S3 Transferbezug', exact: true }).getAttribute('href'))!,
      atlas.baseUrl,
    );
    expect([toAtlas.searchParams.get('page'), toAtlas.searchParams.get('indicator')]).toEqual([
      null,
      'mss_s3',
    ]);
    expect(toAtlas.searchParams.get('sel')).toBe(`${STUELER},${LUETZOW}`);

    // The URL holds the whole view: a reload shows the same table.
    const before = await page.locator('.compare-table').innerText();
    await page.reload();
    await page.locator('.compare-table th[data-indicator="mss_s3"]').waitFor();
    expect(await page.locator('.compare-table').innerText()).toBe(before);

    // English: words and number format change, the figures stay.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Compare areas' }).waitFor();
    const s1 = compared.indicators[0]!.values[0]!.value!;
    expect(await cell(page, 'mss_s1', STUELER).locator('.value').textContent()).toBe(
      new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s1),
    );
    expect(await page.locator('.compare-table thead th[data-indicator="mss_s3"] .unit').textContent()).toBe(
      '% · as of 31/12/2016',
    );
    await shot(page, 'compare-04-english');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('compares two Kreise on unemployment, basic income support and a derived share, and exports CSV', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?page=compare&level=kreis&sel=09175,11000&cmp=alq_alle,grusi_insgesamt,anteil_unter3',
    );
    await page.locator('.compare-table th[data-indicator="anteil_unter3"]').waitFor();
    const compared = await atlas.api<Compared>(
      '/api/v1/compare?level=kreis&areas=09175,11000&indicators=alq_alle,grusi_insgesamt,anteil_unter3',
    );
    for (const indicator of compared.indicators) {
      const { id, decimals } = indicator.indicator;
      const api = await atlas.api<Values>(
        `/api/v1/indicators/${id}/values?level=kreis&period=${indicator.period}`,
      );
      for (const area of ['09175', '11000']) {
        const value = api.values.find((v) => v.areaKey === area)!.value!;
        expect(await cell(page, id, area).locator('.value').textContent()).toBe(de(value, decimals));
      }
    }
    // The derived share has counts, so it is tested against all Kreise (pooled).
    const derived = compared.indicators[2]!;
    const words: Record<string, string> = {
      higher: 'signifikant höher',
      lower: 'signifikant niedriger',
      similar: 'kein signifikanter Unterschied',
    };
    for (const v of derived.values)
      expect(await cell(page, 'anteil_unter3', v.areaKey).locator('.outcome-level').textContent()).toContain(
        words[v.outcome],
      );
    // Published rates without counts are not tested: the fifth among all Kreise instead.
    expect(await cell(page, 'alq_alle', '11000').locator('.quintile').textContent()).toMatch(/Fünftel/);
    await shot(page, 'compare-05-kreise');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Vergleich als CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lagebild_vergleich_kreis.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFGebiet;Schlüssel;Indikator;Kennung;Einheit;Zeitpunkt;Wert;Status;')).toBe(
      true,
    );
    const alq = compared.indicators[0]!;
    expect(csv).toContain(
      `Berlin;="11000";Arbeitslosenquote (alle zivilen Erwerbspersonen);alq_alle;%;${alq.period};${String(alq.values[1]!.value).replace('.', ',')};endgültig;`,
    );
    // the source holds a semicolon, so it is quoted
    expect(csv).toContain(
      `Arbeitslosenquote (alle zivilen Erwerbspersonen) (alq_alle);"${alq.indicator.source}"`,
    );
    expect(csv).toMatch(/Exportiert am;\d{2}\.\d{2}\.\d{4}\r\n/);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says why a value is missing, adds and removes areas by keyboard and keeps the atlas selection', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      `?page=compare&level=berlin-plr&sel=${STUELER}&cmp=mss_s4&period=2018-12-31`,
    );
    await page.getByText('Wählen Sie mindestens zwei Gebiete', { exact: false }).waitFor();
    await tabTo(page, '#compare-area-search');
    await page.keyboard.type('Großer Tiergarten');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`${STUELER},01011102`);
    const missing = cell(page, 'mss_s4', '01011102');
    await missing.waitFor();
    const api = await atlas.api<Values>(
      '/api/v1/indicators/mss_s4/values?level=berlin-plr&period=2018-12-31',
    );
    expect(api.values.find((v) => v.areaKey === '01011102')).toMatchObject({
      value: null,
      missingReason: 'not_meaningful',
    });
    expect(await missing.textContent()).toBe('kein Wert: Aussage nicht sinnvoll (x)');
    await shot(page, 'compare-06-missing');

    await tabTo(page, 'button[aria-label="Großer Tiergarten entfernen"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(STUELER);
    // Back to the atlas through the header: the same selection is there.
    await page.getByRole('link', { name: 'Atlas', exact: true }).click();
    await expect
      .poll(() => page.locator(`tr[data-key="${STUELER}"]`).getAttribute('class'))
      .toMatch(/selected/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
