/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../atlas/support/atlas-harness.ts';
import { AREA_NAMES, HOSTILE_ACCOUNTS, HOSTILE_REPORT, XSS } from './hostile-data.ts';
import { startHostileServer, type HostileServer } from './xss-server.ts';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/**
 * Stored XSS: the hostile data set (hostile-data.ts) goes in through the real upload path, then every
 * page opens in real Chromium. No payload may run (window.__xss stays unset, no dialog), payload text
 * shows as text, and script URLs never become links. To cover a new page (e.g. /verwaltung,
 * /redaktion, the report form), add an entry here; to cover a new field, add it to hostile-data.ts.
 */
interface PageCase {
  name: string;
  path: string;
  /** Text that must be visible as text once the page has rendered its data. */
  shows: string[];
  /** Hover, open, export …: whatever brings more of the data on screen. */
  act?: (page: Page) => Promise<void>;
  print?: boolean;
  /** Signed in as the administrator (who may also review the Wegweiser). */
  signedIn?: boolean;
}

const ENTRY = 'xss-quelle:X1';
const PAGES: PageCase[] = [
  {
    name: 'atlas: map, labels, legend, table, tooltip, exports',
    path: '/?indicator=xss_a&level=kreis',
    shows: [AREA_NAMES[0]!, AREA_NAMES[1]!, `${XSS.img} Quote a`],
    act: async (page) => {
      await hoverMap(page);
      await triggerExports(page);
    },
  },
  {
    name: 'atlas in English',
    path: '/?indicator=xss_b&level=kreis&lang=en',
    shows: [AREA_NAMES[0]!, `${XSS.svg} Rate b`],
  },
  { name: 'area profile', path: '/?page=profile&level=kreis&area=01001', shows: [AREA_NAMES[0]!] },
  {
    name: 'compare',
    path: '/?page=compare&level=kreis&sel=01001,01002,01003&cmp=xss_a,xss_b',
    shows: [AREA_NAMES[0]!, AREA_NAMES[1]!],
    act: triggerExports,
  },
  { name: 'warnings', path: '/?page=warnings&level=kreis', shows: [] },
  { name: 'Wegweiser search', path: '/wegweiser?q=Beratungsstelle', shows: [`${XSS.img} Beratungsstelle`] },
  {
    name: 'Wegweiser detail',
    path: `/wegweiser?entry=${encodeURIComponent(ENTRY)}`,
    shows: [`${XSS.img} Beratungsstelle`, `${XSS.script} Beschreibung`, `${XSS.svg} kostenlos`, XSS.url],
  },
  {
    name: 'administration: organisations, users, audit trail',
    path: '/verwaltung',
    shows: [HOSTILE_ACCOUNTS.organisation.name],
    signedIn: true,
    act: async (page) => {
      await page.getByRole('link', { name: 'Benutzer' }).click();
      await showsText(page, HOSTILE_ACCOUNTS.user.displayName);
      await page.getByRole('link', { name: 'Änderungsprotokoll' }).click();
      await showsText(page, 'xss-org');
    },
  },
  {
    name: 'editorial queue with a citizen report',
    path: '/redaktion',
    shows: [],
    signedIn: true,
    act: async (page) => {
      await page.getByRole('button', { name: 'Prüfen' }).click();
      await showsText(page, HOSTILE_REPORT.message);
    },
  },
  {
    name: 'Wegweiser detail, printed',
    path: `/wegweiser?entry=${encodeURIComponent(ENTRY)}`,
    shows: [`${XSS.img} Beratungsstelle`],
    print: true,
  },
];

async function showsText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 30_000 });
}

async function hoverMap(page: Page): Promise<void> {
  const box = await page.locator('.map canvas').first().boundingBox();
  if (!box) return;
  for (const [fx, fy] of [
    [0.3, 0.5],
    [0.5, 0.5],
    [0.7, 0.5],
  ])
    await page.mouse.move(box.x + box.width * fx!, box.y + box.height * fy!);
}

/** Clicks every export button of the page and checks what each file holds. */
async function triggerExports(page: Page): Promise<void> {
  const buttons = page.locator('button', { hasText: /SVG|PNG|CSV|XLSX|GeoJSON/ });
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    if (!(await button.isVisible()) || (await button.isDisabled())) continue;
    const download = page.waitForEvent('download', { timeout: 15_000 }).catch(() => null);
    await button.click();
    const file = await download;
    if (file) checkExport(file, await file.path());
  }
}

const downloads: { name: string; text: string }[] = [];
function checkExport(file: Download, path: string): void {
  const name = file.suggestedFilename();
  if (/\.(svg|csv)$/i.test(name)) downloads.push({ name, text: readFileSync(path, 'utf8') });
}

describe.skipIf(!hasChromium)('stored XSS in every page', () => {
  let server: HostileServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startHostileServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imported the hostile data through the upload, keeping file names as harmless labels', () => {
    expect(server.imports.map((i) => i.errors)).toEqual([0, 0, 0, 0]);
    for (const { file } of server.imports) expect(file).not.toMatch(/[<>"/\\]/);
  });

  for (const spec of PAGES) {
    it(`runs no payload on ${spec.name}`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      if (spec.print) await page.emulateMedia({ media: 'print' });
      if (spec.signedIn) {
        const login = await context.request.post(`${server.baseUrl}/api/v1/auth/login`, {
          data: { login: 'xss-admin', password: 'Kreis-Planung-2026!' },
        });
        expect(login.status()).toBe(200);
      }
      await page.goto(`${server.baseUrl}${spec.path}`);
      for (const text of spec.shows) await showsText(page, text);
      await page.waitForLoadState('networkidle');
      await spec.act?.(page);
      // Event handlers of injected markup would have fired by now (onerror of a broken image, onload).
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__xss ?? null)).toBeNull();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // No element came from the data: no <img src=x>, no <svg onload>, no inline script.
      expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count()).toBe(0);
      // Script URLs from the data are text, never link targets.
      expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
      await context.close();
    });
  }

  it('wrote exports whose markup holds the payloads only as escaped text', async () => {
    expect(downloads.some((d) => d.name.endsWith('.svg'))).toBe(true);
    const page = await browser.newPage();
    for (const { name, text } of downloads) {
      if (name.endsWith('.svg')) {
        // Parsed as the browser would open the file: no element or handler may come from the data.
        const found = await page.evaluate((svg) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const elements = [...doc.querySelectorAll('*')];
          return {
            parsed: !doc.querySelector('parsererror'),
            scripts: elements.filter((e) => /^(script|img|foreignObject|iframe)$/i.test(e.localName)).length,
            handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))).length,
            text: doc.documentElement.textContent ?? '',
          };
        }, text);
        expect(found, name).toMatchObject({ parsed: true, scripts: 0, handlers: 0 });
      } else {
        // CSV: no cell begins with a character a spreadsheet would run as a formula.
        const cells = text
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .flatMap((line) => line.split(/[;,]/));
        // Keys are written as ="01001" on purpose (Excel keeps the zeros): digits only, no risk.
        const risky = cells
          .map((c) => c.replace(/^"/, ''))
          .filter((c) => /^[=+@]/.test(c) && !/^="+\d+"+$/.test(c));
        expect(risky, name).toEqual([]);
      }
    }
    await page.close();
  });
});
