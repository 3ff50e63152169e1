/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPoint } from '../../apps/web/src/lib/label-point.ts';
import type { AreaCollection } from '../../apps/web/src/api/types.ts';
import { axe, focusVisible, tabTo } from '../atlas/support/a11y.ts';
import { SHOTS, hasChromium, shot, startAtlas, type Atlas } from '../atlas/support/atlas-harness.ts';

interface Item {
  id: string;
  name: string;
  category: { id: string };
  distanceKm?: number;
}
interface Search {
  total: number;
  items: Item[];
}

/** Near Alexanderplatz, in the middle of Berlin. */
const HOME = { latitude: 52.52, longitude: 13.405 };

/**
 * The public Wegweiser in real Chromium on the real demo (Berlin care homes, Kitas, youth centres):
 * a citizen finds services by keyboard alone, around their position or a chosen place, the list equals
 * the API's answer, the detail page prints, typos are forgiven, and axe finds no WCAG 2.1 A/AA issue.
 */
describe.skipIf(!hasChromium)('Wegweiser portal in the browser', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 300_000);
  afterAll(async () => {
    await atlas?.close();
  });

  async function open(query = ''): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
    const context = await atlas.browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'de-DE',
      geolocation: HOME,
      permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${atlas.baseUrl}/wegweiser${query}`);
    await page.locator('.ww-tile').first().waitFor();
    return { page, context, errors };
  }

  /** Waits for the list of the given API query, loads every page by keyboard, returns the ids. */
  async function listedIds(page: Page, query: URLSearchParams, total: number): Promise<string[]> {
    await page.locator(`#ww-results[data-key="${query.toString()}"]`).waitFor();
    await expect.poll(() => page.locator('#ww-count').getAttribute('data-total')).toBe(String(total));
    for (;;) {
      const more = page.locator('.ww-more button');
      if ((await more.count()) === 0) break;
      const before = await page.locator('.ww-card').count();
      await tabTo(page, '.ww-more button');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.ww-card').count()).toBeGreaterThan(before);
    }
    return page.locator('.ww-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id') ?? ''));
  }

  async function apiSearch(query: URLSearchParams): Promise<Search> {
    return atlas.api<Search>(`/api/v1/directory/services?${query}&limit=500`);
  }

  async function openFirstAndPrint(page: Page, first: Item, name: string): Promise<void> {
    // Back to the top of the list, then Tab to the first entry, as a keyboard user would.
    await page.locator('#ww-results').focus();
    await tabTo(page, '.ww-card a.ww-open');
    expect(await focusVisible(page)).toBe(true);
    expect(
      await page.evaluate(() => document.activeElement?.closest('.ww-card')?.getAttribute('data-id')),
    ).toBe(first.id);
    await page.keyboard.press('Enter');
    await page.locator(`.ww-detail[data-id="${first.id}"] h1`).waitFor();
    expect(new URL(page.url()).searchParams.get('entry')).toBe(first.id);
    const distance = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(first.distanceKm!);
    await expect
      .poll(() => page.locator('.ww-detail .ww-distance').textContent())
      .toContain(`${distance} km Luftlinie`);
    expect(await axe(page)).toEqual([]);
    await shot(page, `wegweiser-${name}-detail`);

    await tabTo(page, '.ww-actions button:first-child');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Drucken');
    await page.emulateMedia({ media: 'print' });
    await shot(page, `wegweiser-${name}-print`);
    expect(await page.locator('.ww-actions').isVisible()).toBe(false);
    // page.pdf() prints with the emulated media: back to the default (print) for the PDF.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(SHOTS, `wegweiser-${name}.pdf`), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);

    await tabTo(page, '.ww-actions button:nth-child(2)');
    await page.keyboard.press('Enter');
    await page.getByText('Der Link ist kopiert').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  }

  it('finds the care homes within 5 km of the browser position, nearest first, by keyboard; opens and prints one', async () => {
    const { page, context, errors } = await open();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'wegweiser-start');

    await tabTo(page, '.ww-tile[data-category="care"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '.ww-near');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('me');
    await tabTo(page, '#ww-radius');
    expect(await page.locator('#ww-radius').inputValue()).toBe('5');

    const query = new URLSearchParams({ category: 'care', lat: '52.52000', lon: '13.40500', radiusKm: '5' });
    const expected = await apiSearch(query);
    expect(expected.total).toBeGreaterThan(10);
    const ids = await listedIds(page, query, expected.total);
    expect(ids).toEqual(expected.items.map((i) => i.id));
    const distances = expected.items.map((i) => i.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.at(-1)).toBeLessThanOrEqual(5);
    expect(await page.locator('#ww-count').textContent()).toContain(`${expected.total} Angebote gefunden`);
    expect(Number(await page.locator('.ww-map').getAttribute('data-points'))).toBe(expected.total);
    expect(await axe(page)).toEqual([]);
    await page.locator('.ww-card').first().scrollIntoViewIfNeeded();
    await shot(page, 'wegweiser-near-me');

    await openFirstAndPrint(page, expected.items[0]!, 'near-me');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('finds the care homes within 5 km of a chosen Bezirksregion, nearest first', async () => {
    const { page, context, errors } = await open();
    await tabTo(page, '.ww-tile[data-category="care"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '#ww-place');
    await page.locator('#ww-place').selectOption('berlin-bzr:010113');
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('berlin-bzr:010113');

    const areas = await atlas.api<AreaCollection>('/api/v1/levels/berlin-bzr/areas?simplify=0.002');
    const centre = labelPoint(areas.features.find((f) => f.properties.key === '010113')!.geometry)!.at;
    const url = new URL(page.url()).searchParams;
    expect(url.get('lon')).toBe(centre[0].toFixed(5));
    expect(url.get('lat')).toBe(centre[1].toFixed(5));
    const query = new URLSearchParams({
      category: 'care',
      lat: centre[1].toFixed(5),
      lon: centre[0].toFixed(5),
      radiusKm: '5',
    });
    const expected = await apiSearch(query);
    expect(expected.total).toBeGreaterThan(0);
    expect(await listedIds(page, query, expected.total)).toEqual(expected.items.map((i) => i.id));
    expect(await page.locator('.ww-around').textContent()).toContain('Alexanderplatz');
    await openFirstAndPrint(page, expected.items[0]!, 'place');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('forgives misspelt searches', async () => {
    const { page, context } = await open();
    for (const [word, category] of [
      ['Pflegehiem', 'care-inpatient'],
      ['Kindergarden', 'kita'],
    ] as const) {
      await page.locator('#ww-q').fill('');
      await tabTo(page, '#ww-q');
      await page.keyboard.type(word);
      await page.keyboard.press('Enter');
      const query = new URLSearchParams({ q: word });
      const expected = await apiSearch(query);
      expect(expected.total).toBeGreaterThan(10);
      expect(new Set(expected.items.map((i) => i.category.id))).toEqual(new Set([category]));
      await page.locator(`#ww-results[data-key="${query}"]`).waitFor();
      await expect
        .poll(() => page.locator('#ww-count').getAttribute('data-total'))
        .toBe(String(expected.total));
      const firstIds = await page
        .locator('.ww-card')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
      expect(firstIds).toEqual(expected.items.slice(0, 25).map((i) => i.id));
    }
    await shot(page, 'wegweiser-typo');
    await context.close();
  }, 120_000);

  it('speaks English', async () => {
    const { page, context } = await open('?category=kita');
    await tabTo(page, '.ww-lang');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('What are you looking for?');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('.ww-tile[data-category="care"] .ww-tile-name').textContent()).toBe(
      'Care and old age',
    );
    await expect.poll(() => page.locator('#ww-count').textContent()).toMatch(/services found/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'wegweiser-english');
    await context.close();
  }, 120_000);
});
