/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  de,
  hasChromium,
  openAtlas,
  SHOTS,
  shot,
  startAtlas,
  waitForRender,
  type Atlas,
} from './support/atlas-harness.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MSS = 'Monitoring Soziale Stadtentwicklung';
const PROFILE_API = '/api/v1/levels/berlin-plr/areas/01011101/profile';

interface Profile {
  period: string | null;
  ancestors: { key: string; name: string; level: { id: string } }[];
  topics: {
    topic: string;
    indicators: {
      indicator: { id: string; name: string; decimals: number };
      period: string | null;
      value: number | null;
      references: { level: string; value: number | null }[];
      distribution: { count: number; min: number; median: number; max: number } | null;
      comparison: { outcome: string };
    }[];
  }[];
}

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

/** The pages of a PDF as Chromium writes them: one `/Type /Page` object each. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Renders the PDF's first page to a PNG beside the screenshots, where poppler is installed. */
function renderPdf(pdf: Buffer, name: string): void {
  const file = join(SHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', file, join(SHOTS, name)]);
  if (result.error) console.warn(`pdftoppm not available: ${file} not rendered to PNG`);
}

async function waitForProfile(page: Page, area: string): Promise<void> {
  await page.locator(`.profile-table[data-area="${area}"]`).waitFor({ timeout: 30_000 });
}

describe.skipIf(!hasChromium)('atlas: the area profile (Gebietsprofil) in Chromium', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('opens from the details panel by keyboard and shows the figures of the API', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?indicator=mss_s1&level=berlin-plr&period=2018-12-31&sel=01011101',
    );
    await waitForRender(page, 'mss_s1|berlin-plr||2018-12-31');
    await expect.poll(() => page.locator('.area-name').textContent()).toBe('Stülerstraße');
    await tabTo(page, '.profile-link a');
    await page.keyboard.press('Enter');
    await waitForProfile(page, '01011101');
    const url = new URL(page.url());
    expect(url.searchParams.get('page')).toBe('profile');
    expect(url.searchParams.get('area')).toBe('01011101');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Gebietsprofil: Stülerstraße');
    await shot(page, 'profile-01-plr');

    const api = await atlas.api<Profile>(`${PROFILE_API}?period=2018-12-31`);
    const rows = api.topics.flatMap((t) => t.indicators);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.profile-table tbody tr[data-indicator]').count()).toBe(rows.length);
    const text = (row: string, col: string) =>
      page.locator(`tr[data-indicator="${row}"] td[data-col="${col}"] .value`).first().textContent();
    const fmt = (v: number | null, d: number) => (v === null ? '–' : de(v, d));
    for (const row of rows) {
      const id = row.indicator.id;
      const d = row.indicator.decimals;
      expect([id, await text(id, 'area')]).toEqual([id, fmt(row.value, d)]);
      expect([id, await text(id, 'ref-berlin-bzr')]).toEqual([id, fmt(row.references[0]!.value, d)]);
      expect([id, await text(id, 'ref-berlin-bezirk')]).toEqual([id, fmt(row.references[1]!.value, d)]);
      const median = await page.locator(`tr[data-indicator="${id}"] td[data-col="median"]`).textContent();
      expect([id, median]).toEqual([id, fmt(row.distribution?.median ?? null, d)]);
      const outcome = await page.locator(`tr[data-indicator="${id}"] .outcome`).getAttribute('data-outcome');
      expect([id, outcome]).toEqual([id, row.comparison.outcome]);
    }
    // … and the values route agrees with both: S1 of Stülerstraße and of Tiergarten Süd in 2018.
    const values = async (level: string, key: string) =>
      (
        await atlas.api<{ values: { areaKey: string; value: number }[] }>(
          `/api/v1/indicators/mss_s1/values?level=${level}&period=2018-12-31`,
        )
      ).values.find((v) => v.areaKey === key)!.value;
    expect(await text('mss_s1', 'area')).toBe(de(await values('berlin-plr', '01011101'), 2));
    expect(await text('mss_s1', 'ref-berlin-bzr')).toBe(de(await values('berlin-bzr', '010111'), 2));
    expect(await text('mss_s1', 'ref-berlin-bezirk')).toBe(de(await values('berlin-bezirk', '01'), 2));

    // The spine chart: one drawing per row with a value, its text alternative naming every figure.
    const s1 = rows.find((r) => r.indicator.id === 'mss_s1')!;
    const spine = page.locator('tr[data-indicator="mss_s1"] svg.spine');
    expect(await spine.getAttribute('role')).toBe('img');
    const label = (await spine.getAttribute('aria-label'))!;
    for (const figure of [s1.value!, s1.distribution!.min, s1.distribution!.median, s1.distribution!.max])
      expect(label).toContain(de(figure, 2));
    expect(label).toContain(`${de(s1.distribution!.count, 0)} Planungsräume`);
    const withRange = rows.filter((r) => r.distribution !== null).length;
    expect(await page.locator('.profile-table svg.spine').count()).toBe(withRange);
    expect(await page.locator('.profile-table svg.sparkline[role="img"]').count()).toBe(rows.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the MSS profile of a Planungsraum on one clean A4 page', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      `?page=profile&level=berlin-plr&area=01011101&period=2018-12-31`,
    );
    await waitForProfile(page, '01011101');
    await page.getByLabel('Thema').selectOption(MSS);
    await expect.poll(() => page.locator('.profile-table tbody tr[data-indicator]').count()).toBe(10);
    expect(new URL(page.url()).searchParams.get('topic')).toBe(MSS);
    const ids = await page
      .locator('.profile-table tbody tr[data-indicator]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indicator')));
    expect(ids).toEqual(
      expect.arrayContaining([
        'mss_einwohner',
        'mss_s1',
        'mss_s2',
        'mss_s3',
        'mss_s4',
        'mss_d1',
        'mss_d2',
        'mss_d3',
        'mss_d4',
      ]),
    );
    await shot(page, 'profile-02-mss');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 711, height: 1030 });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.profile-controls').isVisible()).toBe(false);
    expect(await page.locator('.profile-printed').isVisible()).toBe(true);
    // Nothing wider than the printable width of A4 (210 mm − 2 × 11 mm ≈ 711 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(711);
    await page.screenshot({ path: join(SHOTS, 'profile-03-print.png'), fullPage: true });
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
    expect(pdfPageCount(pdf)).toBe(1);
    renderPdf(pdf, 'profile-04-print-a4');

    // A long profile (a Kreis with 60-odd indicators) continues over several pages: the count is real.
    await page.goto(`${atlas.baseUrl}/?page=profile&level=kreis&area=01001&period=2015-12-31`);
    await waitForProfile(page, '01001');
    expect(pdfPageCount(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the parent chain, changes the period and links rows to the atlas', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      `?page=profile&level=berlin-plr&area=01011101&period=2018-12-31`,
    );
    await waitForProfile(page, '01011101');
    await page
      .getByRole('navigation', { name: 'Übergeordnete Gebiete' })
      .getByRole('link', { name: /Tiergarten Süd/ })
      .click();
    await waitForProfile(page, '010111');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Gebietsprofil: Tiergarten Süd');
    expect(new URL(page.url()).searchParams.get('level')).toBe('berlin-bzr');
    await page.goBack();
    await waitForProfile(page, '01011101');

    await page.getByLabel('Zeitpunkt').selectOption('2014-12-31');
    await expect.poll(() => page.locator('.profile').getAttribute('data-period')).toBe('2014-12-31');
    const api2014 = await atlas.api<Profile>(`${PROFILE_API}?period=2014-12-31`);
    const s1 = api2014.topics.flatMap((t) => t.indicators).find((r) => r.indicator.id === 'mss_s1')!;
    await expect
      .poll(() => page.locator('tr[data-indicator="mss_s1"] td[data-col="area"] .value').textContent())
      .toBe(de(s1.value!, 2));

    await page.locator('tr[data-indicator="mss_s1"] th a').click();
    await waitForRender(page, 'mss_s1|berlin-plr||2014-12-31');
    const atlasUrl = new URL(page.url());
    expect(atlasUrl.searchParams.get('page')).toBeNull();
    expect(atlasUrl.searchParams.get('sel')).toBe('01011101');
    await expect.poll(() => page.locator('.area-name').textContent()).toBe('Stülerstraße');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds an area by name on the profile page without one', async () => {
    const { page, context, errors } = await openAtlas(atlas, '?page=profile&level=berlin-plr');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Gebiet wählen');
    await page.getByLabel('Gebiet suchen').fill('Stüler');
    const hit = page.getByRole('link', { name: 'Stülerstraße' });
    await hit.waitFor();
    await shot(page, 'profile-05-picker');
    await hit.focus();
    await page.keyboard.press('Enter');
    await waitForProfile(page, '01011101');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works in English', async () => {
    const { page, context, errors } = await openAtlas(
      atlas,
      '?page=profile&level=berlin-plr&area=01011101&period=2018-12-31&lang=en',
    );
    await waitForProfile(page, '01011101');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Area profile: Stülerstraße');
    expect(await page.locator('tr[data-indicator="mss_s1"] th a').textContent()).toBe('S1 Unemployment');
    expect(await page.locator('tr[data-indicator="mss_s1"] td[data-col="area"] .value').textContent()).toBe(
      '2.80',
    );
    expect(await page.locator('tr[data-indicator="mss_s1"] .outcome').textContent()).toBe('not compared');
    expect(await page.getByRole('button', { name: 'Print' }).count()).toBe(1);
    await shot(page, 'profile-06-english');
    expect(errors).toEqual([]);
    await context.close();
  });

  const views: [string, string, ((page: Page) => Promise<void>)?][] = [
    ['profile-a11y-plr', '?page=profile&level=berlin-plr&area=01011101&period=2018-12-31'],
    [
      'profile-a11y-tables',
      '?page=profile&level=kreis&area=01001&period=2015-12-31&topic=Soziale+Lage',
      async (page) => {
        for (const summary of await page.locator('.profile-data summary').all()) await summary.click();
      },
    ],
    ['profile-a11y-english', '?page=profile&level=gemeinde&area=09162000&lang=en'],
    ['profile-a11y-picker', '?page=profile&level=kreis'],
  ];
  for (const [name, query, prepare] of views) {
    it(`has no axe violations: ${name}`, async () => {
      const { page, context, errors } = await openAtlas(atlas, query);
      await page.locator('.profile-table, .profile-results').first().waitFor({ timeout: 30_000 });
      await prepare?.(page);
      await shot(page, name);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
