/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  openAtlas,
  shot,
  startAtlas,
  waitForRender,
  type Atlas,
} from './support/atlas-harness.ts';

const POPULATION = 'bev_insgesamt|gemeinde||2022-12-31';
const AREA = 'flaeche_km2|gemeinde||2022-12-31';

interface Mark {
  key: string;
  areas: number;
}

/**
 * All ~11,000 Gemeinden on one map, as a function: drawn, classified, switched. How fast is measured
 * by the atlas benchmark (`npm run bench -- --only atlas`, docs/benchmarks.md), not here.
 */
describe.skipIf(!hasChromium)('atlas: all Gemeinden', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('draws every Gemeinde, counts them all in the legend and switches the indicator', async () => {
    const { features } = await atlas.api<{ features: unknown[] }>(
      '/api/v1/levels/gemeinde/areas?geometry=false',
    );
    expect(features.length).toBeGreaterThan(10_900);
    const { page, context, errors } = await openAtlas(atlas, '?indicator=bev_insgesamt&level=gemeinde');
    await waitForRender(page, POPULATION, 120_000);
    const marks = () =>
      page.evaluate(() => (window as unknown as { __atlasRenders?: Mark[] }).__atlasRenders ?? []);
    expect((await marks()).find((m) => m.key === POPULATION)!.areas).toBe(features.length);
    const counts = async () =>
      (await page.locator('.legend-item .legend-count').allTextContents()).map((t) =>
        Number(t.replace(/\D/g, '')),
      );
    expect((await counts()).reduce((a, b) => a + b, 0)).toBe(features.length);

    await page.getByRole('button', { name: /^Fläche/ }).click();
    await waitForRender(page, AREA, 120_000);
    expect((await marks()).find((m) => m.key === AREA)!.areas).toBe(features.length);
    expect((await counts()).reduce((a, b) => a + b, 0)).toBe(features.length);
    await shot(page, 'all-gemeinden');
    expect(errors).toEqual([]);
    await context.close();
  });
});
