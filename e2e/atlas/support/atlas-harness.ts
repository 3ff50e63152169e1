/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { demoApp } from '../../support/demo-app.ts';

export const CHROMIUM = process.env.LAGEBILD_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Atlas browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set LAGEBILD_CHROMIUM).`,
  );
}

export const SHOTS = process.env.LAGEBILD_SHOTS ?? '/tmp/atlas-shots';
const ROOT = new URL('../../../', import.meta.url).pathname;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Atlas {
  baseUrl: string;
  app: FastifyInstance;
  /** The store behind the server (tests create users and organisations in it). */
  store: Store;
  browser: Browser;
  /** GET an API path on the running server. */
  api<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real product end to end: the atlas is built (a no-op when dist is current), the demo data is
 * loaded into a temp SQLite store, the server listens on a free port and Debian's Chromium opens it.
 */
export async function startAtlas(): Promise<Atlas> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`scripts/build-web.mjs failed:\n${build.stdout}\n${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-atlas-'));
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  try {
    ({ app, store } = await demoOrCopy(join(dir, 'demo.db')));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
    const started = app;
    return {
      baseUrl,
      app: started,
      store: store!,
      browser,
      async api<T>(path: string) {
        const response = await fetch(`${baseUrl}${path}`);
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return (await response.json()) as T;
      },
      async close() {
        await browser.close();
        await started.close();
        await store?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Loads the demo (about 8 s). LAGEBILD_ATLAS_DEMO_DB may name an SQLite file that already holds the
 * demo: a copy of it is used, and loading then only skips the steps already applied.
 */
async function demoOrCopy(file: string): Promise<{ app: FastifyInstance; store: Store }> {
  const loaded = process.env.LAGEBILD_ATLAS_DEMO_DB;
  if (loaded) copyFileSync(loaded, file);
  return demoApp(`sqlite:${file}`);
}

export interface AtlasPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openAtlas(
  atlas: Atlas,
  query = '',
  viewport = { width: 1440, height: 900 },
): Promise<AtlasPage> {
  const context = await atlas.browser.newContext({ viewport, locale: 'de-DE', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${atlas.baseUrl}/${query}`);
  return { page, context, errors };
}

/** Waits until the map has drawn the selection `indicator|level|parent|period`. */
export async function waitForRender(page: Page, key: string, timeout = 30_000): Promise<void> {
  await page.locator(`.map-wrap[data-render-key="${key}"]`).waitFor({ state: 'attached', timeout });
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Formats like the atlas does for German users. */
export function de(value: number, decimals: number): string {
  return new Intl.NumberFormat('de-DE', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export interface ApiValue {
  areaKey: string;
  areaName: string | null;
  value: number | null;
  status: string;
  missingReason: string | null;
}

export interface ApiValues {
  indicator: { id: string; decimals: number; unit: string; source: string | null };
  period: string;
  values: ApiValue[];
}

export interface TableRow {
  key: string;
  name: string;
  value: string;
  status: string;
}

/** Reads every row of the atlas table, page by page. */
export async function readTable(page: Page): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  const next = page.getByRole('button', { name: /^(Nächste Seite|Next page)$/ });
  for (;;) {
    rows.push(
      ...(await page.locator('table.data-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          key: tr.getAttribute('data-key') ?? '',
          name: tr.querySelector('th')?.textContent?.trim() ?? '',
          value: tr.querySelector('td.num')?.textContent?.trim() ?? '',
          status: tr.querySelector('td.status')?.textContent?.trim() ?? '',
        })),
      )),
    );
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const first = await page.locator('table.data-table tbody tr').first().getAttribute('data-key');
    await next.click();
    await page.waitForFunction(
      (before) => document.querySelector('table.data-table tbody tr')?.getAttribute('data-key') !== before,
      first,
    );
  }
  return rows;
}
