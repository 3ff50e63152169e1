/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SHOTS } from './atlas-harness.ts';

/** Committed baselines: one PNG per view, cropped to the element that is compared. */
export const REGRESSION = new URL('../regression/', import.meta.url).pathname;
/** Where a mismatch leaves the actual image and the diff, for a person to look at. */
export const VISUAL_OUT = join(SHOTS, 'visual');
export const UPDATE = process.env.LAGEBILD_UPDATE_SNAPSHOTS === '1';

/**
 * pixelmatch's colour distance per pixel (0..1); 0.1 ignores anti-aliasing shades of the same edge.
 * MAX_SHARE is the share of differing pixels still accepted: well below what a moved, missing or
 * recoloured element changes (a single changed table row is several percent of these crops).
 */
export const THRESHOLD = 0.1;
export const MAX_SHARE = 0.003;

/** Makes a run reproducible: fixed viewport, scale 1, German, reduced motion, no caret or transition. */
export async function openStable(
  browser: Browser,
  url: string,
  height = 900,
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height },
    deviceScaleFactor: 1,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    reducedMotion: 'reduce',
    colorScheme: 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.addStyleTag({
    content:
      '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }',
  });
  return { page, context, errors };
}

/** Waits until the fonts are loaded and two frames have been painted since. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around all the given elements in the viewport, rounded outwards to whole pixels. The
 * atlas scrolls inside its own panes (#app is 100vh), so a part below the viewport would be shot
 * blank: such a view fails with a message instead, and its test needs a taller viewport.
 */
export async function unionClip(page: Page, locators: Locator[]): Promise<Clip> {
  const boxes: Clip[] = [];
  for (const locator of locators) {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    boxes.push(box);
  }
  const x = Math.floor(Math.min(...boxes.map((b) => b.x)));
  const y = Math.floor(Math.min(...boxes.map((b) => b.y)));
  const right = Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)));
  const bottom = Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)));
  const viewport = page.viewportSize()!;
  if (x < 0 || y < 0 || right > viewport.width || bottom > viewport.height) {
    throw new Error(
      `the element (${x},${y})–(${right},${bottom}) does not fit the ${viewport.width}×${viewport.height} viewport: give the view a taller one`,
    );
  }
  return { x, y, width: right - x, height: bottom - y };
}

/** A screenshot of one element, or of the box spanning several, as PNG bytes. */
export async function capture(page: Page, target: Locator | Locator[]): Promise<Buffer> {
  await settle(page);
  const clip = await unionClip(page, Array.isArray(target) ? target : [target]);
  return page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
}

export interface Comparison {
  ok: boolean;
  message: string;
}

/**
 * Compares a screenshot with the baseline `regression/<name>.png`. A missing baseline is written
 * and reported as a failure (a first run never passes unseen); LAGEBILD_UPDATE_SNAPSHOTS=1 rewrites
 * it. On a mismatch the actual image and a diff (red: differing pixels) go to VISUAL_OUT.
 */
export function compareWithBaseline(name: string, actualPng: Buffer): Comparison {
  const baselinePath = join(REGRESSION, `${name}.png`);
  if (UPDATE || !existsSync(baselinePath)) {
    mkdirSync(REGRESSION, { recursive: true });
    writeFileSync(baselinePath, actualPng);
    if (UPDATE) return { ok: true, message: `baseline ${baselinePath} rewritten` };
    return {
      ok: false,
      message: `${name}: there was no baseline; wrote ${baselinePath} — look at it, commit it and run again`,
    };
  }
  const baseline = PNG.sync.read(readFileSync(baselinePath));
  const actual = PNG.sync.read(actualPng);
  mkdirSync(VISUAL_OUT, { recursive: true });
  const actualPath = join(VISUAL_OUT, `${name}.actual.png`);
  if (baseline.width !== actual.width || baseline.height !== actual.height) {
    writeFileSync(actualPath, actualPng);
    return {
      ok: false,
      message:
        `${name}: size ${actual.width}×${actual.height} differs from baseline ${baseline.width}×${baseline.height} ` +
        `(actual: ${actualPath}; LAGEBILD_UPDATE_SNAPSHOTS=1 accepts it)`,
    };
  }
  const { width, height } = baseline;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(baseline.data, actual.data, diff.data, width, height, {
    threshold: THRESHOLD,
  });
  const share = differing / (width * height);
  const percent = `${(share * 100).toFixed(3)} %`;
  if (share <= MAX_SHARE) return { ok: true, message: `${name}: ${differing} pixels (${percent}) differ` };
  const diffPath = join(VISUAL_OUT, `${name}.diff.png`);
  writeFileSync(actualPath, actualPng);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return {
    ok: false,
    message:
      `${name}: ${percent} of the pixels differ from ${baselinePath} (at most ${(MAX_SHARE * 100).toFixed(1)} % allowed); ` +
      `actual: ${actualPath}, diff: ${diffPath}; if the change is intended, LAGEBILD_UPDATE_SNAPSHOTS=1 rewrites the baseline`,
  };
}
