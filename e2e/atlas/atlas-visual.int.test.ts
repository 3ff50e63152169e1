/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startAtlas, waitForRender, type Atlas } from './support/atlas-harness.ts';
import { capture, compareWithBaseline, openStable } from './support/visual.ts';

/**
 * Visual regression of the atlas' main views: each view is opened at 1280×900, scale 1, German,
 * and one stable element of it is compared with e2e/atlas/regression/<name>.png. Rewrite the
 * baselines with `LAGEBILD_UPDATE_SNAPSHOTS=1 npx vitest run e2e/atlas/atlas-visual.int.test.ts`
 * after an intended change, and look at them before committing.
 */

const ATLAS_MSS = '?indicator=mss_s1&level=berlin-plr&period=2018-12-31';
const ATLAS_KEY = 'mss_s1|berlin-plr||2018-12-31';

interface View {
  name: string;
  query: string;
  /** Viewport height when the element is taller than the default 900 px. */
  height?: number;
  /** Resolves once the data of the view is drawn; returns what is compared. */
  ready(page: Page): Promise<Locator | Locator[]>;
}

/** Waits for a number of rows that the API decides, so a half-loaded table is never shot. */
async function rows(page: Page, selector: string, count: number): Promise<void> {
  await expect.poll(() => page.locator(selector).count(), { timeout: 30_000 }).toBe(count);
}

/** Waits until the ECharts SVG of a chart figure has drawn its bars. */
async function chart(page: Page, id: string): Promise<Locator> {
  const svg = page.locator(`#${id} .chart svg`);
  await svg.waitFor({ state: 'attached', timeout: 30_000 });
  await expect.poll(() => svg.locator('path').count(), { timeout: 30_000 }).toBeGreaterThan(10);
  return page.locator(`#${id} .chart`);
}

describe.skipIf(!hasChromium)('atlas: screenshots of the main views match their baselines', () => {
  let atlas: Atlas;
  let ruleCount = 0;
  let indicatorRows = 0;
  beforeAll(async () => {
    atlas = await startAtlas();
    ruleCount = (await atlas.api<{ rules: unknown[] }>('/api/v1/analysis/warnings')).rules.length;
    const profile = await atlas.api<{ topics: { indicators: unknown[] }[] }>(
      '/api/v1/levels/berlin-plr/areas/01011101/profile',
    );
    indicatorRows = profile.topics.reduce((n, topic) => n + topic.indicators.length, 0);
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  const views: View[] = [
    {
      name: 'warnings-rules',
      query: '?page=warnings',
      async ready(page) {
        const section = page.locator('section[aria-labelledby="rules-heading"]');
        await rows(page, 'section[aria-labelledby="rules-heading"] tbody tr', ruleCount);
        return section.locator('table');
      },
    },
    {
      name: 'profile-spine-table',
      query: '?page=profile&level=berlin-plr&area=01011101',
      height: 1600,
      async ready(page) {
        await page.locator('.profile-table[data-area="01011101"]').waitFor({ timeout: 30_000 });
        await rows(page, '.profile-table tbody tr[data-indicator]', indicatorRows);
        return page.locator('.profile-table');
      },
    },
    {
      name: 'compare-table',
      query: '?page=compare&level=berlin-plr&sel=01011101,01011102&cmp=mss_s1,mss_s3',
      async ready(page) {
        await expect
          .poll(() => page.locator('.compare-table td[data-indicator][data-area]').count(), {
            timeout: 30_000,
          })
          .toBe(4);
        return page.locator('.compare-table');
      },
    },
    {
      name: 'atlas-ranking-chart',
      query: ATLAS_MSS,
      async ready(page) {
        await waitForRender(page, ATLAS_KEY);
        return chart(page, 'chart-ranking');
      },
    },
    {
      name: 'atlas-histogram-chart',
      query: ATLAS_MSS,
      async ready(page) {
        await waitForRender(page, ATLAS_KEY);
        return chart(page, 'chart-histogram');
      },
    },
    {
      name: 'atlas-legend-classification',
      query: ATLAS_MSS,
      async ready(page) {
        await waitForRender(page, ATLAS_KEY);
        await page.locator('.legend .legend-item').first().waitFor();
        return [page.locator('.legend'), page.locator('fieldset.classification')];
      },
    },
    {
      name: 'atlas-map',
      query: ATLAS_MSS,
      async ready(page) {
        await waitForRender(page, ATLAS_KEY);
        // Tiles of the labels may still come in after the first render of the areas.
        await page.evaluate(() =>
          (window as unknown as { __atlasMap: { whenIdle(): Promise<void> } }).__atlasMap.whenIdle(),
        );
        return page.locator('.map-wrap canvas');
      },
    },
  ];

  for (const view of views) {
    it(`${view.name} looks as its baseline`, async () => {
      const { page, context, errors } = await openStable(
        atlas.browser,
        `${atlas.baseUrl}/${view.query}`,
        view.height,
      );
      try {
        const target = await view.ready(page);
        const result = compareWithBaseline(view.name, await capture(page, target));
        expect(result.ok, result.message).toBe(true);
        console.info(result.message);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
