/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, focusVisible, tabTo } from './support/a11y.ts';
import {
  hasChromium,
  openAtlas,
  shot,
  startAtlas,
  waitForRender,
  type Atlas,
} from './support/atlas-harness.ts';

describe.skipIf(!hasChromium)('atlas: accessibility (axe, WCAG 2.1 AA) and keyboard operation', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  const views: [string, string, string | null, ((page: Page) => Promise<void>)?][] = [
    ['a11y-start', '', 'kreis'],
    [
      'a11y-plr-sheet',
      '?indicator=mss_s1&level=berlin-plr&period=2016-12-31',
      'mss_s1|berlin-plr||2016-12-31',
      async (page) => {
        await page.getByText('Steckbrief').click();
      },
    ],
    ['a11y-map-view', '?indicator=mss_s4&level=berlin-bzr&view=map', 'mss_s4|berlin-bzr|'],
    ['a11y-table-view', '?indicator=gisd_score&level=kreis&view=table&sel=09175,11000', null],
    [
      'a11y-manual-diverging',
      '?indicator=mss_d1&level=berlin-plr&method=manual&breaks=-1,0,1&scheme=rdbu&ref=0',
      'mss_d1|berlin-plr|',
    ],
    ['a11y-english', '?indicator=alq_alle&level=land&lang=en&sel=05', 'alq_alle|land|'],
    ['a11y-gemeinden', '?indicator=bev_insgesamt&level=gemeinde', 'bev_insgesamt|gemeinde||2022-12-31'],
    ['a11y-no-values', '?indicator=mss_s1&level=kreis', null],
  ];

  for (const [name, query, renderKey, prepare] of views) {
    it(`has no axe violations: ${name}`, async () => {
      const { page, context, errors } = await openAtlas(atlas, query);
      if (renderKey === 'kreis')
        await page.locator('.map-wrap[data-render-key="|kreis||"]').waitFor({ state: 'attached' });
      else if (renderKey)
        await page.locator(`.map-wrap[data-render-key^="${renderKey}"]`).waitFor({ state: 'attached' });
      else await page.locator('table.data-table tbody tr, .notice').first().waitFor();
      await prepare?.(page);
      await shot(page, name);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('is operable by keyboard alone: search, choose, level, period, classification, table, map', async () => {
    const { page, context, errors } = await openAtlas(atlas);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    expect(await focusVisible(page)).toBe(true);

    await tabTo(page, '#indicator-search');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('Arbeitslosigkeit');
    await tabTo(page, 'button[data-indicator="mss_s1"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe('mss_s1');

    await tabTo(page, '#level-select');
    await page.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('berlin-plr');
    // A keyboard user, too, waits until the map of the new level is there.
    await page.locator('.map-wrap[data-render-key^="mss_s1|berlin-plr||"]').waitFor({ state: 'attached' });

    await tabTo(page, '#period-range');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await waitForRender(page, 'mss_s1|berlin-plr||2014-12-31');

    await tabTo(page, '#method-select');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => new URL(page.url()).searchParams.get('method')).toBe('jenks');
    await tabTo(page, '#classes-select');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.legend-item[data-class]').count()).toBe(2);

    await tabTo(page, '#table-filter');
    await page.keyboard.type('Stüler');
    await tabTo(page, 'button.row-select');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.area-name').textContent()).toBe('Stülerstraße');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('01011101');

    // Sorting by value from the keyboard.
    await tabTo(page, 'button.sort[data-column="value"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').textContent()).toContain('Wert');

    // The map itself: focusable, labelled, zoomable with + and −.
    await page.locator('#indicator-search').focus();
    await tabTo(page, 'canvas.maplibregl-canvas');
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toContain(
      'S1 Arbeitslosigkeit',
    );
    const zoom = () =>
      page.evaluate(() =>
        (window as unknown as { __atlasMap: { map: { getZoom(): number } } }).__atlasMap.map.getZoom(),
      );
    const before = await zoom();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeGreaterThan(before);
    await shot(page, 'keyboard-end');
    expect(errors).toEqual([]);
    await context.close();
  });
});
