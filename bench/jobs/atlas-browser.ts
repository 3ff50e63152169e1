/// <reference lib="dom" />
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { round, type JobOutcome } from '../harness.ts';

/** Which page a run opens: the atlas, or the bare MapLibre baseline with simplified or full geometry. */
export type AtlasVariant = 'atlas' | 'maplibre' | 'maplibre-full';

export interface AtlasBrowserParams {
  baseUrl: string;
  variant: AtlasVariant;
  chromium: string;
  /** The atlas' map size in CSS pixels; the baseline draws at the same size. */
  map?: { width: number; height: number };
  /** The geometry tolerance the atlas asks the server for (apps/web/src/state/data.ts SIMPLIFY). */
  simplify: number;
}

const LEVEL = 'gemeinde';
const FIRST = 'bev_insgesamt';
const SECOND = 'flaeche_km2';
const PERIOD = '2022-12-31';
const renderKey = (indicator: string) => `${indicator}|${LEVEL}||${PERIOD}`;
const VIEWPORT = { width: 1440, height: 900 };
/** As the browser tests start Chromium (e2e/atlas/support/atlas-harness.ts): software WebGL. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Mark {
  key: string;
  areas: number;
  at: number;
}

/**
 * One run in a fresh Chromium (nothing cached): navigation → map drawn with all Gemeinden, then a
 * switch to another indicator, then (atlas only) a reclassification, then a zoom. Times are taken in
 * the page (`performance.now()`); CPU is the renderer's main-thread task time (CDP `TaskDuration`)
 * over the same span, so it leaves out the GPU process (SwiftShader) and the map's workers.
 */
export async function atlasBrowser(params: AtlasBrowserParams): Promise<JobOutcome> {
  const browser = await chromium.launch({ executablePath: params.chromium, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'de-DE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const measured =
      params.variant === 'atlas' ? await runAtlas(page, cdp, params) : await runBaseline(page, cdp, params);
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return measured;
  } finally {
    await browser.close();
  }
}

async function runAtlas(page: Page, cdp: CDPSession, params: AtlasBrowserParams): Promise<JobOutcome> {
  await page.goto(`${params.baseUrl}/?indicator=${FIRST}&level=${LEVEL}`);
  const first = await waitForMark(page, renderKey(FIRST), 0);
  const cpuNavigation = await taskSeconds(cdp);
  const map = await page
    .locator('.map canvas')
    .evaluate((c: HTMLCanvasElement) => ({ width: c.clientWidth, height: c.clientHeight }));

  const switched = await timed(page, cdp, async () => {
    const before = (await marks(page)).length;
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: /^Fläche/ }).click();
    return (await waitForMark(page, renderKey(SECOND), before)).at - start;
  });
  const reclassified = await timed(page, cdp, async () => {
    const before = (await marks(page)).length;
    const start = await page.evaluate(() => performance.now());
    await page.getByLabel('Methode').selectOption('jenks');
    return (await waitForMark(page, renderKey(SECOND), before)).at - start;
  });
  const zoomed = await timed(page, cdp, () => zoomIn(page, 'atlas'));
  return outcome(first.at, cpuNavigation, first.areas, map, {
    switch: switched,
    reclassify: reclassified,
    zoom: zoomed,
  });
}

async function runBaseline(page: Page, cdp: CDPSession, params: AtlasBrowserParams): Promise<JobOutcome> {
  if (!params.map) throw new Error('the baseline needs the map size of the atlas');
  const query = new URLSearchParams({
    level: LEVEL,
    indicator: FIRST,
    width: String(params.map.width),
    height: String(params.map.height),
    ...(params.variant === 'maplibre' ? { simplify: String(params.simplify) } : {}),
  });
  await page.goto(`${params.baseUrl}/bench/maplibre-baseline.html?${query}`);
  await page.waitForFunction(() => '__bench' in window, undefined, { timeout: 120_000 });
  const { renderedAt, areas } = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { renderedAt: number; areas: number } }).__bench;
    return { renderedAt: bench.renderedAt, areas: bench.areas };
  });
  const cpuNavigation = await taskSeconds(cdp);
  const switched = await timed(page, cdp, () =>
    page.evaluate(
      (id) =>
        (window as unknown as { __bench: { switchTo(i: string): Promise<number> } }).__bench.switchTo(id),
      SECOND,
    ),
  );
  const zoomed = await timed(page, cdp, () => zoomIn(page, 'baseline'));
  return outcome(renderedAt, cpuNavigation, areas, params.map, { switch: switched, zoom: zoomed });
}

interface ZoomableMap {
  getZoom(): number;
  jumpTo(options: { zoom: number }): void;
  once(event: string, listener: () => void): void;
}

/** Zooms in by 1.5 levels around the centre and waits until every tile is drawn. */
function zoomIn(page: Page, which: 'atlas' | 'baseline'): Promise<number> {
  return page.evaluate(async (w) => {
    const handles = window as unknown as {
      __atlasMap?: { map: ZoomableMap };
      __bench?: { map: ZoomableMap };
    };
    const map = w === 'atlas' ? handles.__atlasMap!.map : handles.__bench!.map;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.jumpTo({ zoom: map.getZoom() + 1.5 });
    });
    return performance.now() - start;
  }, which);
}

/** Milliseconds an action reports, with the renderer's main-thread task seconds over it. */
async function timed(
  page: Page,
  cdp: CDPSession,
  action: () => Promise<number>,
): Promise<{ ms: number; cpu: number }> {
  const before = await taskSeconds(cdp);
  const ms = await action();
  return { ms, cpu: (await taskSeconds(cdp)) - before };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

const marks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __atlasRenders?: Mark[] }).__atlasRenders ?? []);

/** The first render mark of `key` after the first `after` marks. */
async function waitForMark(page: Page, key: string, after: number): Promise<Mark> {
  await page.waitForFunction(
    ([k, n]) =>
      ((window as unknown as { __atlasRenders?: Mark[] }).__atlasRenders ?? [])
        .slice(n as number)
        .some((m) => m.key === k),
    [key, after] as const,
    { timeout: 120_000 },
  );
  return (await marks(page)).slice(after).find((m) => m.key === key)!;
}

/**
 * `seconds` is navigation → map; the other steps are phases (seconds), each with its CPU as
 * `<step> cpu`. Counts say how many areas were drawn and at which map size.
 */
function outcome(
  navigationMs: number,
  cpuNavigation: number,
  areas: number,
  map: { width: number; height: number },
  steps: Record<string, { ms: number; cpu: number }>,
): JobOutcome {
  const phases: Record<string, number> = {};
  for (const [name, step] of Object.entries(steps)) {
    phases[name] = round(step.ms / 1000, 4);
    phases[`${name} cpu`] = round(step.cpu, 4);
  }
  return {
    seconds: round(navigationMs / 1000, 4),
    cpuSeconds: round(cpuNavigation, 3),
    phases,
    counts: { areas, mapWidth: map.width, mapHeight: map.height },
  };
}
