/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  hasChromium,
  openAtlas,
  shot,
  startAtlas,
  waitForRender,
  type Atlas,
} from './support/atlas-harness.ts';

const ALL_GEMEINDEN = 'bev_insgesamt|gemeinde||2022-12-31';
const RUNS = Number(process.env.LAGEBILD_ATLAS_BENCH_RUNS ?? 3);

interface Mark {
  key: string;
  areas: number;
  at: number;
}

const marks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __atlasRenders?: Mark[] }).__atlasRenders ?? []);

/** Runs an action in the page and returns the milliseconds until the map has drawn `key`. */
async function timeUntilRendered(page: Page, key: string, action: () => Promise<void>): Promise<number> {
  const before = (await marks(page)).length;
  const start = await page.evaluate(() => performance.now());
  await action();
  await page.waitForFunction(
    ([k, n]) =>
      ((window as unknown as { __atlasRenders?: Mark[] }).__atlasRenders ?? [])
        .slice(n as number)
        .some((m) => m.key === k),
    [key, before] as const,
    { timeout: 60_000 },
  );
  const done = (await marks(page)).slice(before).find((m) => m.key === key)!;
  return done.at - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The atlas must stay fluid with all ~11,000 Gemeinden. Measured in headless Chromium (software
 * WebGL), so a desktop with a GPU is faster; the numbers go to atlas-benchmark.json beside the shots.
 */
describe.skipIf(!hasChromium)('atlas: benchmark with all Gemeinden', () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('times navigation → rendered map, indicator switch, reclassification and zoom', async () => {
    const navigation: number[] = [];
    const firstSwitch: number[] = [];
    const cachedSwitch: number[] = [];
    const reclassify: number[] = [];
    const zoom: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, context, errors } = await openAtlas(atlas, `?indicator=bev_insgesamt&level=gemeinde`);
      await waitForRender(page, ALL_GEMEINDEN, 60_000);
      const mark = (await marks(page)).find((m) => m.key === ALL_GEMEINDEN)!;
      expect(mark.areas).toBeGreaterThan(10_900);
      navigation.push(mark.at);

      const area = page.getByRole('button', { name: /^Fläche/ });
      const population = page.getByRole('button', { name: /^Bevölkerung insgesamt/ });
      firstSwitch.push(await timeUntilRendered(page, 'flaeche_km2|gemeinde||2022-12-31', () => area.click()));
      cachedSwitch.push(await timeUntilRendered(page, ALL_GEMEINDEN, () => population.click()));
      reclassify.push(
        await timeUntilRendered(page, ALL_GEMEINDEN, async () => {
          await page.getByLabel('Methode').selectOption('jenks');
        }),
      );
      zoom.push(
        await page.evaluate(async () => {
          const map = (
            window as unknown as {
              __atlasMap: {
                map: { getZoom(): number; jumpTo(o: object): void; once(e: string, f: () => void): void };
              };
            }
          ).__atlasMap.map;
          const start = performance.now();
          await new Promise<void>((resolve) => {
            map.once('idle', () => resolve());
            map.jumpTo({ zoom: map.getZoom() + 1.5 });
          });
          return performance.now() - start;
        }),
      );
      if (run === 0) await shot(page, 'bench-gemeinden');
      expect(errors).toEqual([]);
      await context.close();
    }
    const result = {
      measuredAt: new Date().toISOString(),
      machine: 'headless Chromium, software WebGL (SwiftShader)',
      areas: 10_990,
      runs: RUNS,
      navigationToRenderedMs: { median: median(navigation), runs: navigation },
      indicatorSwitchMs: { median: median(firstSwitch), runs: firstSwitch },
      indicatorSwitchCachedMs: { median: median(cachedSwitch), runs: cachedSwitch },
      reclassifyMs: { median: median(reclassify), runs: reclassify },
      zoomInToIdleMs: { median: median(zoom), runs: zoom },
    };
    writeFileSync(join(SHOTS, 'atlas-benchmark.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `atlas benchmark (all Gemeinden, median of ${RUNS}): navigation → map ${Math.round(result.navigationToRenderedMs.median)} ms, ` +
        `indicator switch ${Math.round(result.indicatorSwitchMs.median)} ms (cached ${Math.round(result.indicatorSwitchCachedMs.median)} ms), ` +
        `reclassify ${Math.round(result.reclassifyMs.median)} ms, zoom ${Math.round(result.zoomInToIdleMs.median)} ms`,
    );
    // Loose ceilings: they catch a map that stops rendering or a regression by a factor, not noise.
    expect(result.navigationToRenderedMs.median).toBeLessThan(15_000);
    expect(result.indicatorSwitchMs.median).toBeLessThan(8_000);
    expect(result.reclassifyMs.median).toBeLessThan(5_000);
  });
});
