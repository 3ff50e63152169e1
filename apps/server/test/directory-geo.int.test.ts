import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { greatCircleKm, type GeoPoint } from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { createAppContext } from '../src/app-context-factory.ts';
import { AddressSearch } from '../src/directory/address-search.ts';
import { createTravelTimes } from '../src/directory/travel-times.ts';
import { importDemoMapping, WEGWEISER_MAPPINGS } from './directory-app.ts';

/**
 * Travel times and address search of the Wegweiser against local HTTP servers that answer in the
 * documented formats of OSRM's `table` service, Photon and Nominatim. No OSRM, Photon or Nominatim
 * runs here (and tests must not depend on public instances), so these servers stand in for them:
 * they compute their answers from the coordinates in the request, so a mix-up of points is visible.
 */

type Mode = 'ok' | 'slow' | 'invalid' | 'http-500' | 'garbage';
const SPEED = { foot: 5, car: 30 } as Record<string, number>; // km/h, as the stand-in's profiles

let mode: Mode = 'ok';
const routingRequests: string[] = [];
const geocoderRequests: URL[] = [];

function answer(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** OSRM `table` with `sources=0`: one row, the origin's own column first. */
function osrm(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://x');
  routingRequests.push(url.pathname + url.search);
  const match = /^\/table\/v1\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (mode === 'slow') return; // never answers; the client's deadline must end the wait
  if (mode === 'http-500') return res.writeHead(500).end('upstream failed');
  if (mode === 'garbage') return answer(res, 200, { code: 'Ok', durations: [[0]] });
  if (mode === 'invalid' || !match || url.searchParams.get('sources') !== '0')
    return answer(res, 400, { code: 'InvalidQuery', message: 'Query string malformed close to position 0' });
  const [, profile, coordinates] = match;
  const points = coordinates!.split(';').map((c) => {
    const [lon, lat] = c.split(',').map(Number);
    return { lon: lon!, lat: lat! };
  });
  const metres = points.map((p) => Math.round(greatCircleKm(points[0]!, p) * 1300)); // roads: +30 %
  answer(res, 200, {
    code: 'Ok',
    durations: [metres.map((m) => Math.round((m / 1000 / SPEED[profile!]!) * 3600 * 10) / 10)],
    distances: [metres],
    sources: [{ location: [points[0]!.lon, points[0]!.lat], name: '' }],
    destinations: points.map((p) => ({ location: [p.lon, p.lat], name: '' })),
  });
}

const KARL_MARX = { lon: 13.4386, lat: 52.4797 };
const MUNICH = { lon: 11.5755, lat: 48.1374 };

/** Photon (/api, GeoJSON) and Nominatim (/search, JSON list); one hit lies outside Berlin. */
function geocoder(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://x');
  geocoderRequests.push(url);
  if (mode === 'http-500') return res.writeHead(503).end('overloaded');
  if (mode === 'slow') return;
  const q = url.searchParams.get('q') ?? '';
  const hits = /karl-marx/i.test(q)
    ? [
        {
          ...KARL_MARX,
          street: 'Karl-Marx-Straße',
          housenumber: '10',
          postcode: '12043',
          district: 'Neukölln',
        },
        { ...MUNICH, street: 'Karl-Marx-Straße', housenumber: '10', postcode: '80331', district: 'Altstadt' },
      ]
    : [];
  if (url.pathname === '/api')
    return answer(res, 200, {
      type: 'FeatureCollection',
      features: hits.map(({ lon, lat, ...p }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { ...p, city: p.postcode === '80331' ? 'München' : 'Berlin', type: 'house' },
      })),
    });
  if (url.pathname === '/search')
    return answer(
      res,
      200,
      hits.map((h, i) => ({
        place_id: i,
        lat: String(h.lat),
        lon: String(h.lon),
        display_name: `${h.housenumber}, ${h.street}, ${h.district}, ${h.postcode}`,
      })),
    );
  res.writeHead(404).end();
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<[Server, string]> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`];
}

let app: FastifyInstance;
let ctx: AppContext;
let store: Store;
let dir: string;
let routing: [Server, string];
let geocoding: [Server, string];

beforeAll(async () => {
  routing = await listen(osrm);
  geocoding = await listen(geocoder);
  dir = mkdtempSync(join(tmpdir(), 'lagebild-directory-geo-'));
  store = await openStore(`sqlite:${join(dir, 'wegweiser.db')}`);
  await store.migrate();
  for (const mapping of WEGWEISER_MAPPINGS) await importDemoMapping(store, mapping);
  // The Bezirksregionen nest in the Bezirke: that makes the Bezirke the portal's places level.
  await importDemoMapping(store, 'mappings/berlin-bzr.yaml');
  ctx = createAppContext(store, {
    version: 'test',
    uploadLimitBytes: 1024 * 1024,
    routing: { url: routing[1], profiles: ['foot', 'car'], timeoutMs: 500, maxCoordinates: 40 },
    geocoder: { service: 'photon', url: geocoding[1], timeoutMs: 500 },
  });
  app = await buildApp(ctx);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
  // The stand-ins keep the deliberately unanswered requests open: end them with the servers.
  for (const [server] of [routing, geocoding]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
beforeEach(() => {
  mode = 'ok';
  routingRequests.length = 0;
  geocoderRequests.length = 0;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
async function get(url: string): Promise<{ status: number; body: any }> {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
}

const ALEX: GeoPoint = { lat: 52.5219, lon: 13.4132 };
const near = `lat=${ALEX.lat}&lon=${ALEX.lon}`;

describe('travel times through an OSRM-compatible routing service', () => {
  it('gives every located result its travel time and road distance per profile, from chunked table requests', async () => {
    const { status, body } = await get(`/directory/services?category=kita&${near}&radiusKm=3&limit=100`);
    expect(status).toBe(200);
    expect(body.travelError).toBeUndefined();
    expect(body.items).toHaveLength(100);
    // 100 destinations, 39 per request (40 coordinates with the origin), two profiles: 3 × 2 requests.
    expect(routingRequests).toHaveLength(6);
    const coordinates = routingRequests.map((p) => p.split('?')[0]!.split('/').at(-1)!.split(';').length);
    expect(coordinates.sort((a, b) => a - b)).toEqual([23, 23, 40, 40, 40, 40]);
    for (const item of body.items) {
      const metres = Math.round(greatCircleKm(ALEX, item.facility.location) * 1300);
      expect(item.travel).toEqual([
        {
          profile: 'foot',
          durationSeconds: Math.round((metres / 1000 / 5) * 36000) / 10,
          distanceMeters: metres,
        },
        {
          profile: 'car',
          durationSeconds: Math.round((metres / 1000 / 30) * 36000) / 10,
          distanceMeters: metres,
        },
      ]);
      // The straight-line distance stays, next to the road distance.
      expect(item.distanceKm).toBeCloseTo(greatCircleKm(ALEX, item.facility.location), 3);
    }
  });

  it('asks nothing without a search point', async () => {
    const { body } = await get('/directory/services?category=kita&limit=5');
    expect(routingRequests).toEqual([]);
    expect(body.items.every((i: { travel?: unknown }) => i.travel === undefined)).toBe(true);
  });

  for (const [failure, message] of [
    ['slow', /no answer within 500 ms/],
    ['invalid', /answered code "InvalidQuery": Query string malformed/],
    ['http-500', /HTTP 500/],
    ['garbage', /expected durations as one row of \d+ values, got an array of 1/],
  ] as const) {
    it(`answers with straight-line distances and a travelError when the service is ${failure}`, async () => {
      mode = failure;
      const { status, body } = await get(`/directory/services?category=care&${near}&radiusKm=5&limit=10`);
      expect(status).toBe(200);
      expect(body.travelError).toMatch(message);
      expect(body.travelError).toContain(routing[1]);
      expect(body.items).toHaveLength(10);
      for (const item of body.items) {
        expect(item.travel).toBeUndefined();
        expect(item.distanceKm).toBeLessThanOrEqual(5);
      }
    });
  }

  it('says so when the service cannot be reached', async () => {
    const saved = ctx.travelTimes;
    ctx.travelTimes = createTravelTimes({ url: 'http://127.0.0.1:9', profiles: ['car'], timeoutMs: 2000 });
    try {
      const { status, body } = await get(`/directory/services?category=care&${near}&limit=3`);
      expect(status).toBe(200);
      expect(body.travelError).toMatch(/^routing service http:\/\/127\.0\.0\.1:9: /);
    } finally {
      ctx.travelTimes = saved;
    }
  });
});

describe('GET /directory/geocode', () => {
  it('finds an address through Photon inside the area of the places level (the Berlin Bezirke)', async () => {
    const { status, body } = await get(
      `/directory/geocode?q=${encodeURIComponent('Karl-Marx-Str. 10, Neukölln')}`,
    );
    expect(status).toBe(200);
    expect(body.geocoder).toBe('photon');
    expect(body.places).toEqual([{ label: 'Karl-Marx-Straße 10, 12043 Berlin, Neukölln', ...KARL_MARX }]);
    // The box sent is the box of the 12 Bezirke (independently: the extremes of their bboxes).
    const areas = await store.listAreas('berlin-bezirk');
    const expected = [
      Math.min(...areas.map((a) => a.bbox![0])),
      Math.min(...areas.map((a) => a.bbox![1])),
      Math.max(...areas.map((a) => a.bbox![2])),
      Math.max(...areas.map((a) => a.bbox![3])),
    ];
    const sent = geocoderRequests[0]!.searchParams.get('bbox')!.split(',').map(Number);
    sent.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-4));
    expect([
      sent[0]! <= expected[0]!,
      sent[1]! <= expected[1]!,
      sent[2]! >= expected[2]!,
      sent[3]! >= expected[3]!,
    ]).toEqual([true, true, true, true]);
    expect(body.bbox).toEqual(sent);
    expect(geocoderRequests[0]!.searchParams.get('lang')).toBe('de');
  });

  it('finds an address through Nominatim with a bounded viewbox', async () => {
    const saved = ctx.addressSearch;
    ctx.addressSearch = new AddressSearch(store, {
      service: 'nominatim',
      url: geocoding[1],
      box: [13.0883, 52.3382, 13.7611, 52.6755],
      timeoutMs: 500,
    });
    try {
      const { body } = await get(`/directory/geocode?q=Karl-Marx-Str.%2010&lang=en&limit=3`);
      expect(body.geocoder).toBe('nominatim');
      expect(body.places).toEqual([{ label: '10, Karl-Marx-Straße, Neukölln, 12043', ...KARL_MARX }]);
      const sent = geocoderRequests[0]!;
      expect(sent.pathname).toBe('/search');
      expect(Object.fromEntries(sent.searchParams)).toMatchObject({
        format: 'jsonv2',
        viewbox: '13.0883,52.3382,13.7611,52.6755',
        bounded: '1',
        limit: '3',
        'accept-language': 'en',
      });
    } finally {
      ctx.addressSearch = saved;
    }
  });

  it('answers an empty list for an unknown address and an error for a failing geocoder, never an HTTP error', async () => {
    expect((await get('/directory/geocode?q=Nirgendwostra%C3%9Fe')).body.places).toEqual([]);
    mode = 'http-500';
    const failing = await get('/directory/geocode?q=Karl-Marx-Str');
    expect(failing.status).toBe(200);
    expect(failing.body).toMatchObject({ geocoder: 'photon', places: [] });
    expect(failing.body.error).toMatch(/answered HTTP 503/);
    mode = 'slow';
    const slow = await get('/directory/geocode?q=Karl-Marx-Str');
    expect(slow.body.error).toMatch(/no answer within 500 ms/);
  });

  it('says there is no geocoder when none is configured, and refuses too short a text', async () => {
    const saved = ctx.addressSearch;
    ctx.addressSearch = null;
    try {
      expect((await get('/directory/geocode?q=Neuk%C3%B6lln')).body).toEqual({
        geocoder: null,
        bbox: null,
        places: [],
      });
    } finally {
      ctx.addressSearch = saved;
    }
    const short = await get('/directory/geocode?q=K');
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toMatch(/q/);
  });
});
