/// <reference lib="dom" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { greatCircleKm } from '@lagebild/core';
import { loadDemo } from '@lagebild/cli';
import { buildApp, createAppContext } from '@lagebild/server';
import { openStore, type Store } from '@lagebild/store';
import { axe, tabTo } from '../atlas/support/a11y.ts';
import { CHROMIUM, hasChromium, shot } from '../atlas/support/atlas-harness.ts';

/**
 * The Wegweiser's geographic features in real Chromium on the demo: an address typed and chosen by
 * keyboard (local geocoder), travel times next to the straight-line distance (local routing
 * service), cluster counts on the map reachable by keyboard, the link to planning in the atlas.
 * No Photon or OSRM runs here and tests must not use public instances: two small local servers answer
 * in Photon's GeoJSON and OSRM's documented `table` format, computed from the request's coordinates.
 */

const KARL_MARX = { lon: 13.4386, lat: 52.4797 };
const SPEED: Record<string, number> = { foot: 4.8, car: 24 }; // km/h over +30 % road length

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function roadMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  return Math.round(greatCircleKm(a, b) * 1300);
}

function osrm(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://x');
  const [, profile, coordinates] = /^\/table\/v1\/([^/]+)\/(.+)$/.exec(url.pathname) ?? [];
  if (!profile || !SPEED[profile])
    return json(res, 400, { code: 'InvalidQuery', message: 'unknown profile' });
  const points = coordinates!.split(';').map((c) => {
    const [lon, lat] = c.split(',').map(Number);
    return { lon: lon!, lat: lat! };
  });
  const metres = points.map((p) => roadMetres(points[0]!, p));
  json(res, 200, {
    code: 'Ok',
    durations: [metres.map((m) => (m / 1000 / SPEED[profile]!) * 3600)],
    distances: [metres],
  });
}

function photon(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://x');
  const q = url.searchParams.get('q') ?? '';
  const features = /^karl-marx/i.test(q)
    ? [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [KARL_MARX.lon, KARL_MARX.lat] },
          properties: {
            street: 'Karl-Marx-Straße',
            housenumber: '10',
            postcode: '12043',
            city: 'Berlin',
            district: 'Neukölln',
          },
        },
      ]
    : [];
  json(res, 200, { type: 'FeatureCollection', features });
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<[Server, string]> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`];
}

interface Item {
  id: string;
  name: string;
  distanceKm: number;
  facility: { location: { lon: number; lat: number } };
  travel?: { profile: string; durationSeconds: number }[];
}

describe.skipIf(!hasChromium)('Wegweiser: address, travel times, clusters, link to the atlas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-wegweiser-geo-'));
  let routing: [Server, string];
  let geocoder: [Server, string];
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    routing = await listen(osrm);
    geocoder = await listen(photon);
    const file = join(dir, 'demo.db');
    // LAGEBILD_ATLAS_DEMO_DB: a copy of an already loaded demo, as in the atlas harness.
    if (process.env.LAGEBILD_ATLAS_DEMO_DB) copyFileSync(process.env.LAGEBILD_ATLAS_DEMO_DB, file);
    store = await openStore(`sqlite:${file}`);
    await store.migrate();
    await loadDemo(store, () => undefined);
    app = await buildApp(
      createAppContext(store, {
        version: 'e2e',
        uploadLimitBytes: 1024 * 1024,
        routing: { url: routing[1], profiles: ['foot', 'car'], timeoutMs: 5000 },
        geocoder: { service: 'photon', url: geocoder[1] },
      }),
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    for (const [server] of [routing, geocoder]) await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}/wegweiser`);
    await page.locator('.ww-tile').first().waitFor();
    return { page, errors };
  }

  it('finds care homes around a typed address by keyboard, with travel times and cluster counts', async () => {
    const { page, errors } = await open();
    await tabTo(page, '.ww-tile[data-category="care"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '#ww-address');
    expect(await page.locator('#ww-address').getAttribute('role')).toBe('combobox');
    await page.keyboard.type('Karl-Marx-Str. 10, Neukölln');
    const option = page.locator('#ww-address-options [role="option"][data-place^="addr:"]');
    await option.first().waitFor();
    expect(await page.locator('#ww-address').getAttribute('aria-expanded')).toBe('true');
    expect(await option.first().textContent()).toBe('Karl-Marx-Straße 10, 12043 Berlin, Neukölln');
    // Arrow keys move the active option; the focus stays in the field.
    const options = await page.locator('#ww-address-options [role="option"]').count();
    for (let i = 0; i < options; i++) {
      await page.keyboard.press('ArrowDown');
      const active = await page.locator('#ww-address').getAttribute('aria-activedescendant');
      if ((await page.locator(`#${active}`).getAttribute('data-place'))?.startsWith('addr:')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ww-address');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'wegweiser-address-suggestions');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => new URL(page.url()).searchParams.get('place'))
      .toMatch(/^addr:Karl-Marx-Straße 10/);
    const url = new URL(page.url()).searchParams;
    expect([url.get('lat'), url.get('lon'), url.get('radius')]).toEqual(['52.47970', '13.43860', '5']);
    await expect.poll(() => page.locator('.ww-around').textContent()).toContain('Karl-Marx-Straße 10');

    // The list equals the API's answer, and every card shows the travel times it gives.
    const query = new URLSearchParams({ category: 'care', lat: '52.47970', lon: '13.43860', radiusKm: '5' });
    await page.locator(`#ww-results[data-key="${query}"]`).waitFor();
    const expected = await api<{ total: number; items: Item[] }>(
      `/api/v1/directory/services?${query}&limit=25`,
    );
    expect(expected.total).toBeGreaterThan(10);
    const cards = page.locator('.ww-card');
    await expect.poll(() => cards.count()).toBe(expected.items.length);
    for (const [i, item] of expected.items.entries()) {
      const metres = roadMetres(KARL_MARX, item.facility.location);
      const minutes = (speed: number) => Math.max(1, Math.round((metres / 1000 / speed) * 60));
      expect(item.travel!.map((t) => t.profile)).toEqual(['foot', 'car']);
      const card = cards.nth(i);
      expect(await card.getAttribute('data-id')).toBe(item.id);
      const walk = minutes(SPEED.foot!);
      const drive = minutes(SPEED.car!);
      const time = (m: number) => (m < 60 ? `${m} Min.` : `${Math.floor(m / 60)} Std. ${m % 60} Min.`);
      expect(await card.locator('.ww-travel').textContent()).toBe(
        `ca. ${time(walk)} zu Fuß · ${time(drive)} mit dem Auto`,
      );
      expect(await card.locator('.ww-distance').textContent()).toContain('km Luftlinie');
    }
    await shot(page, 'wegweiser-address-travel');

    // Cluster counts: text on the map, and their sum with the single points is the list.
    const clusters = page.locator('.ww-map .ww-cluster');
    await expect.poll(() => clusters.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const counts = await clusters.evaluateAll((buttons) =>
      buttons.map((b) => [b.textContent, b.getAttribute('data-count'), b.getAttribute('aria-label')]),
    );
    for (const [text, count, label] of counts) {
      expect(text).toBe(count);
      expect(label).toBe(`${count} Treffer an dieser Stelle. Vergrößern`);
    }
    expect(await axe(page)).toEqual([]);
    await page.locator('.ww-map').scrollIntoViewIfNeeded();
    await shot(page, 'wegweiser-clusters');
    const zoom = Number(await page.locator('.ww-map').getAttribute('data-zoom'));
    await tabTo(page, '.ww-map .ww-cluster');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => Number(await page.locator('.ww-map').getAttribute('data-zoom')))
      .toBeGreaterThan(zoom);
    // Focus stays on the map's cluster the entries went into, or moves to the first entry's card.
    await expect
      .poll(() =>
        page.evaluate(() => Boolean(document.activeElement?.matches('.ww-cluster, .ww-card a.ww-open'))),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('searches the places list when the text names an Ortsteil', async () => {
    const { page } = await open();
    await tabTo(page, '#ww-address');
    await page.keyboard.type('Alexanderpl');
    const place = page.locator('#ww-address-options [role="option"][data-place="berlin-bzr:010113"]');
    await place.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('berlin-bzr:010113');
    expect(await page.locator('#ww-place').inputValue()).toBe('berlin-bzr:010113');
    await page.context().close();
  }, 60_000);

  it('links a care home to its Bezirk in the atlas, where the places per 1,000 residents 65+ are shown', async () => {
    const { page } = await open();
    const search = await api<{ items: Item[] }>(
      `/api/v1/directory/services?category=care-inpatient&lat=${KARL_MARX.lat}&lon=${KARL_MARX.lon}&limit=1`,
    );
    const entry = search.items[0]!;
    // The Bezirk by the server's point-in-polygon on the full geometry: the one whose area holds it.
    let bezirk = '';
    for (let i = 1; i <= 12; i++) {
      const key = String(i).padStart(2, '0');
      const inside = await api<{ items: Item[] }>(
        `/api/v1/directory/services?category=care-inpatient&level=berlin-bezirk&area=${key}&limit=500`,
      );
      if (inside.items.some((item) => item.id === entry.id)) bezirk = key;
    }
    expect(bezirk).not.toBe('');
    await page.goto(`${baseUrl}/wegweiser?entry=${encodeURIComponent(entry.id)}`);
    const link = page.locator('.ww-atlas-link a');
    await link.waitFor();
    expect(await link.textContent()).toBe('Versorgung in diesem Bezirk im Sozialatlas');
    expect(await link.getAttribute('data-area')).toBe(bezirk);
    expect(await axe(page)).toEqual([]);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/indicator=pflegeplaetze_je_1000_65plus_berlin/);
    const values = await api<{ values: { areaKey: string; value: number }[] }>(
      '/api/v1/indicators/pflegeplaetze_je_1000_65plus_berlin/values?level=berlin-bezirk',
    );
    const value = values.values.find((v) => v.areaKey === bezirk)!.value;
    const shown = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
    await expect
      .poll(() => page.locator('.details .area-value').first().textContent(), { timeout: 30_000 })
      .toContain(shown);
    await shot(page, 'wegweiser-atlas-link');
    await page.context().close();
  }, 120_000);
});
