import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isPolygonal, pointInPolygon, type DirectoryEntry } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { directoryApp, importDemoMapping } from './directory-app.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;
let entries: DirectoryEntry[];

beforeAll(async () => {
  ({ app, store, cleanup } = await directoryApp());
  entries = await store.listDirectoryEntries();
});
afterAll(async () => cleanup());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
const get = async (url: string): Promise<{ status: number; body: any; text: string; type: string }> => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    body: type.includes('json') ? response.json() : null,
    text: response.body,
    type,
  };
};
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
const search = async (query: string) => {
  const { status, body } = await get(`/directory/services?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
};

/** Spherical law of cosines on the same sphere: independent of the haversine formula the API uses. */
function cosinesKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(a.lat * r) * Math.sin(b.lat * r) +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
  return 6371.0088 * Math.acos(Math.min(1, c));
}

describe('GET /directory/services: radius search on the 2,880 real Berlin Kitas', () => {
  const kitas = () => entries.filter((e) => e.service.categoryId === 'kita');

  for (const [place, center, radiusKm] of [
    ['Alexanderplatz', { lat: 52.5219, lon: 13.4132 }, 1.5],
    ['Rathaus Spandau', { lat: 52.5355, lon: 13.1999 }, 3],
    ['Müggelsee (edge of the city)', { lat: 52.44, lon: 13.64 }, 4],
  ] as const) {
    it(`returns exactly the Kitas within ${radiusKm} km of ${place}, nearest first`, async () => {
      const expected = kitas()
        .map((e) => ({ id: e.service.id, d: cosinesKm(center, e.facility!.location!) }))
        .filter((e) => e.d <= radiusKm)
        .sort((a, b) => a.d - b.d);
      expect(expected.length).toBeGreaterThan(5);
      const body = await search(
        `category=kita&lat=${center.lat}&lon=${center.lon}&radiusKm=${radiusKm}&limit=500`,
      );
      expect(body.total).toBe(expected.length);
      expect(ids(body)).toEqual(expected.map((e) => e.id));
      body.items.forEach((item: { distanceKm: number }, i: number) =>
        expect(Math.abs(item.distanceKm - expected[i]!.d)).toBeLessThanOrEqual(0.0005),
      );
    });
  }

  it('pages through the sorted result and sorts everything by distance without a radius', async () => {
    const all = await search('category=kita&lat=52.5219&lon=13.4132&radiusKm=5&limit=500');
    const page = await search('category=kita&lat=52.5219&lon=13.4132&radiusKm=5&limit=25&offset=50');
    expect([page.total, page.limit, page.offset]).toEqual([all.total, 25, 50]);
    expect(ids(page)).toEqual(ids(all).slice(50, 75));
    const everything = await search('lat=52.5219&lon=13.4132&limit=500&offset=3400');
    expect(everything.total).toBe(entries.length);
    const distances = everything.items.map((i: { distanceKm: number }) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

describe('GET /directory/services: text and filters', () => {
  it('finds the care homes when "Pflegeheim" is misspelt, and through its synonyms', async () => {
    for (const q of ['Pflegehiem', 'Pflegeheim', 'Seniorenheim', 'vollstationäre Pflege', 'Altenheim']) {
      const body = await search(`q=${encodeURIComponent(q)}&limit=5`);
      expect(body.total, q).toBe(274);
      expect(body.facets.categories, q).toEqual({ care: 274, 'care-inpatient': 274 });
    }
  });

  it('finds the Kitas for "Kindergarden" and "Kindertagesstätte"', async () => {
    for (const q of ['Kindergarden', 'Kindertagesstätte', 'Kitas']) {
      const body = await search(`q=${encodeURIComponent(q)}&limit=3`);
      expect(body.facets.categories.kita, q).toBe(2880);
      expect(
        body.items.every((i: { category: { id: string } }) => i.category.id === 'kita'),
        q,
      ).toBe(true);
    }
  });

  it('"Jugendzentrum" finds the youth centres as "Jugendfreizeiteinrichtung" does', async () => {
    const zentrum = await search('q=Jugendzentrum&category=youth-centre&limit=500');
    const jfe = await search('q=Jugendfreizeiteinrichtung&category=youth-centre&limit=500');
    expect(zentrum.total).toBe(367);
    expect(new Set(ids(zentrum))).toEqual(new Set(ids(jfe)));
    const withoutFilter = await search('q=Jugendzentrum&limit=1');
    expect(withoutFilter.facets.categories['youth-centre']).toBe(367);
  });

  it('finds a Kita by name, street or provider and ranks name matches first', async () => {
    expect(ids(await search('q=Kita%20F.A.I.R.play'))[0]).toBe('berlin-kitas:01010010');
    const street = await search('q=Albrechtstrasse%2020&limit=50');
    expect(ids(street)).toContain('berlin-kitas:01010010');
    const provider = await search('q=GFJ&category=kita&limit=500');
    expect(provider.total).toBeGreaterThan(1);
    expect(
      provider.items.every((i: { provider: { name: string } }) => i.provider.name.startsWith('GFJ')),
    ).toBe(true);
  });

  it('filters by category with sub-categories, life phase, target group and language', async () => {
    expect((await search('category=care')).total).toBe(274);
    expect((await search('category=children-youth-family')).total).toBe(2880 + 407);
    expect((await search('lifePhase=after-working-life')).total).toBe(274);
    expect((await search('lifePhase=childhood')).total).toBe(2880 + 40);
    expect((await search('targetGroup=young-people')).total).toBe(407);
    expect((await search('language=tr')).total).toBe(0);
    expect((await search('accessible=wheelchair')).total).toBe(0);
  });

  it('an area keeps the entries inside its geometry; the Bezirke partition all entries', async () => {
    const bezirke = await store.listAreas('berlin-bezirk', { withGeometry: true });
    let sum = 0;
    for (const bezirk of bezirke) {
      const body = await search(`level=berlin-bezirk&area=${bezirk.key}&limit=0`);
      const inside = entries.filter(
        (e) =>
          isPolygonal(bezirk.geometry) &&
          pointInPolygon([e.facility!.location!.lon, e.facility!.location!.lat], bezirk.geometry),
      );
      expect(body.total, bezirk.name).toBe(inside.length);
      sum += body.total;
    }
    expect(sum).toBe(entries.length);
  });

  it('answers bad requests with the one error shape', async () => {
    const cases: [string, number, string][] = [
      ['lat=52.5', 400, 'ValidationFailed'],
      ['radiusKm=3', 400, 'ValidationFailed'],
      ['category=pflege', 400, 'ValidationFailed'],
      ['lifePhase=old', 400, 'ValidationFailed'],
      ['limit=501', 400, 'ValidationFailed'],
      ['accessible=ramp', 400, 'ValidationFailed'],
      ['level=berlin-bezirk', 400, 'ValidationFailed'],
      ['level=berlin-bezirk&area=99', 404, 'AreaNotFound'],
    ];
    for (const [query, status, code] of cases) {
      const response = await get(`/directory/services?${query}`);
      expect([response.status, response.body.code], query).toEqual([status, code]);
      expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
    }
  });
});

describe('GET /directory/services/{id} and /directory/categories', () => {
  it('returns one service with facility, provider and source', async () => {
    const { status, body } = await get('/directory/services/berlin-kitas:01010010');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'berlin-kitas:01010010',
      name: 'Kita F.A.I.R.play',
      category: { id: 'kita', name: 'Kindertagesstätte (Kita)', nameEn: 'Day-care centre (Kita)' },
      capacity: 69,
      status: 'published',
      lastVerified: '2022-12-01',
      facility: {
        address: { street: 'Albrechtstr.', postcode: '10117' },
        location: { lon: 13.384393, lat: 52.522516 },
      },
      provider: { name: expect.stringMatching(/^GFJ/), kind: 'non-profit' },
      source: { id: 'berlin-kitas', attribution: expect.stringContaining('dl-de/by-2-0') },
    });
    expect(body.distanceKm).toBeUndefined();
    const missing = await get('/directory/services/berlin-kitas:nope');
    expect([missing.status, missing.body.code]).toEqual([404, 'ServiceNotFound']);
  });

  it('lists the category tree with public entries per category', async () => {
    const { status, body } = await get('/directory/categories');
    expect(status).toBe(200);
    const count = (id: string) => body.categories.find((c: { id: string }) => c.id === id)?.count;
    expect([
      count('kita'),
      count('youth-centre'),
      count('play-and-adventure'),
      count('care-inpatient'),
    ]).toEqual([2880, 367, 40, 274]);
    expect(count('children-youth-family')).toBe(3287);
    expect(count('debt-counselling')).toBe(0);
    expect(body.lifePhases.map((p: { id: string }) => p.id)).toEqual([
      'childhood',
      'youth',
      'family-and-working-life',
      'after-working-life',
    ]);
    expect(body.uncategorised).toEqual({});
    expect(body.targetGroups).toContainEqual({
      id: 'seniors',
      name: 'Seniorinnen und Senioren',
      nameEn: 'Older people',
    });
  });
});

describe('open data exports', () => {
  it('CSV: German Excel format, one row per published service, with source and dates', async () => {
    const { status, text, type } = await get('/directory/services.csv?category=care-inpatient');
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(275);
    const header = lines[0]!.split(';');
    expect(header.slice(0, 4)).toEqual(['ID', 'Name', 'Kategorie-ID', 'Kategorie']);
    expect(header).toEqual(
      expect.arrayContaining([
        'Plätze',
        'Längengrad',
        'Quelle',
        'Quellenvermerk',
        'Zuletzt geprüft',
        'Abgerufen',
      ]),
    );
    const rows = lines.slice(1).map((line) => parseCsvLine(line));
    const places = header.indexOf('Plätze');
    expect(rows.reduce((sum, row) => sum + Number(row[places]), 0)).toBe(31154);
    const lon = header.indexOf('Längengrad');
    expect(rows.every((row) => /^13,\d+$/.test(row[lon]!))).toBe(true);
    expect(rows.every((row) => row[header.indexOf('Quelle')] === 'Pflegeeinrichtungen in Berlin')).toBe(true);
    expect(rows.every((row) => row[header.indexOf('Zuletzt geprüft')] === '2023-07-01')).toBe(true);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.at(-1)!))).toBe(true);
  });

  it('CSV in English uses commas and decimal points; a point adds the distance', async () => {
    const { text } = await get(
      '/directory/services.csv?locale=en&category=kita&lat=52.5219&lon=13.4132&radiusKm=1',
    );
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    const header = parseCsvLine(lines[0]!, ',');
    expect(header[0]).toBe('ID');
    const first = parseCsvLine(lines[1]!, ',');
    expect(first[header.indexOf('Longitude')]).toMatch(/^13\.\d+$/);
    expect(Number(first[header.indexOf('Distance (km)')])).toBeLessThanOrEqual(1);
  });

  it('GeoJSON: points in WGS84 with the sources and each entry’s source and dates', async () => {
    const { status, type, text } = await get('/directory/services.geojson?targetGroup=young-people');
    expect(status).toBe(200);
    expect(type).toContain('application/geo+json');
    const body = JSON.parse(text);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(407);
    expect(body.metadata.sources).toEqual([
      expect.objectContaining({
        id: 'berlin-jugendfreizeit',
        attribution: expect.stringContaining('dl-de/by-2-0'),
      }),
    ]);
    const feature = body.features.find((f: { id: string }) => f.id === 'berlin-jugendfreizeit:01010003');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [13.40527, 52.538041] });
    expect(feature.properties).toMatchObject({
      name: 'Freizeithaus am Mauerpark',
      source: { id: 'berlin-jugendfreizeit' },
      lastVerified: '2022-12-01',
      exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });
});

describe('the index follows the data', () => {
  it('serves only published entries valid today, and an undo takes entries out at once', async () => {
    const before = (await search('category=care')).total;
    expect(before).toBe(274);
    const pflege = (await store.listBatches()).find((b) => b.file === 'pflegeeinrichtungen.geojson')!;
    await store.undoBatch(pflege.id);
    expect((await search('category=care')).total).toBe(0);
    expect((await get('/directory/services/berlin-pflege:511100229')).status).toBe(404);
    await importDemoMapping(store, 'mappings/berlin-pflege-wegweiser.yaml');
    expect((await search('category=care')).total).toBe(274);
  });

  it('documents every route in the OpenAPI document with the directory:read permission', async () => {
    const { body } = await get('/openapi.json');
    for (const path of [
      '/api/v1/directory/categories',
      '/api/v1/directory/services',
      '/api/v1/directory/services/{id}',
      '/api/v1/directory/services.csv',
      '/api/v1/directory/services.geojson',
    ])
      expect(body.paths[path].get['x-permission'], path).toBe('directory:read');
  });
});

/** One CSV line split at the separator, honouring quotes. */
function parseCsvLine(line: string, separator = ';'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === separator) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
