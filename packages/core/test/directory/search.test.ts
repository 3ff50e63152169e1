import { describe, expect, it } from 'vitest';
import {
  DirectoryIndex,
  DomainError,
  EARTH_RADIUS_KM,
  searchDirectory,
  type DirectoryQuery,
  type Geometry,
} from '../../src/index.ts';
import { defaultConfig, entry, seeded } from './entries.ts';

const config = defaultConfig();

const ENTRIES = [
  entry({
    id: 'Haus Abendsonne',
    categoryId: 'care-inpatient',
    targetGroups: ['seniors'],
    lifePhases: ['after-working-life'],
    lon: 13.4,
    lat: 52.52,
    accessibility: ['wheelchair', 'lift'],
  }),
  entry({
    id: 'Seniorenheim Am See',
    categoryId: 'care-inpatient',
    targetGroups: ['seniors'],
    lifePhases: ['after-working-life'],
    lon: 13.3,
    lat: 52.45,
  }),
  entry({
    id: 'Tagespflege Lindenhof',
    categoryId: 'care-day',
    targetGroups: ['seniors', 'carers'],
    lifePhases: ['after-working-life'],
    languages: ['de', 'tr'],
    lon: 13.45,
    lat: 52.5,
  }),
  entry({
    id: 'Kita Sonnenschein',
    categoryId: 'kita',
    targetGroups: ['children'],
    lifePhases: ['childhood'],
    lon: 13.41,
    lat: 52.53,
    provider: 'Diakonisches Werk',
  }),
  entry({
    id: 'Kindergarten Regenbogen',
    categoryId: 'kita',
    targetGroups: ['children'],
    lifePhases: ['childhood'],
    languages: ['de', 'en'],
    lon: 13.2,
    lat: 52.4,
  }),
  entry({
    id: 'Freizeithaus am Mauerpark',
    categoryId: 'youth-centre',
    targetGroups: ['young-people'],
    lifePhases: ['youth'],
    lon: 13.402,
    lat: 52.541,
  }),
  entry({
    id: 'Schuldnerberatung Mitte',
    categoryId: 'debt-counselling',
    description: 'Hilfe bei Schulden und Privatinsolvenz in einfacher Sprache.',
    languages: ['de', 'ar'],
  }),
  entry({
    id: 'Beratungsstelle Nord',
    categoryId: 'addiction-counselling',
    description: 'Wir beraten auch zu Pflegeheimen.',
    lon: 13.35,
    lat: 52.58,
    street: 'Müllerstraße',
  }),
];
const index = new DirectoryIndex(ENTRIES, config);
const names = (query: DirectoryQuery) =>
  searchDirectory(index, { limit: 100, ...query }).items.map((h) => h.entry.service.name);

describe('text search', () => {
  it('finds misspelt words: Pflegehiem, Kindergarden, Montesori-like typos within the allowed edits', () => {
    expect(names({ text: 'Pflegehiem' }).slice(0, 2).sort()).toEqual([
      'Haus Abendsonne',
      'Seniorenheim Am See',
    ]);
    expect(names({ text: 'Kindergarden' })).toEqual(['Kindergarten Regenbogen', 'Kita Sonnenschein']);
    expect(names({ text: 'Schuldnerbratung' })).toEqual(['Schuldnerberatung Mitte']);
  });

  it('knows synonyms and word forms: Seniorenheim ~ Pflegeheim ~ vollstationäre Pflege, Jugendzentrum ~ Jugendfreizeiteinrichtung', () => {
    const careHomes = ['Haus Abendsonne', 'Seniorenheim Am See'];
    expect(names({ text: 'Pflegeheim', category: 'care' }).sort()).toEqual(careHomes);
    expect(names({ text: 'Pflegeheime', category: 'care' }).sort()).toEqual(careHomes);
    expect(names({ text: 'vollstationäre Pflege' }).slice(0, 2).sort()).toEqual(careHomes);
    expect(names({ text: 'Altenheim' }).slice(0, 2).sort()).toEqual(careHomes);
    expect(names({ text: 'Jugendzentrum' })).toEqual(['Freizeithaus am Mauerpark']);
    expect(names({ text: 'Jugendfreizeiteinrichtung' })).toEqual(['Freizeithaus am Mauerpark']);
    expect(names({ text: 'Kindertagesstätte' }).sort()).toEqual([
      'Kindergarten Regenbogen',
      'Kita Sonnenschein',
    ]);
  });

  it('ranks a match in the name or category above one in the description', () => {
    const hits = names({ text: 'Pflegeheim' });
    expect(hits.at(-1)).toBe('Beratungsstelle Nord');
  });

  it('folds ß and umlauts, matches prefixes and searches the provider and the address', () => {
    expect(names({ text: 'Mullerstrasse' })).toEqual(['Beratungsstelle Nord']);
    expect(names({ text: 'Sonnen' })).toEqual(['Kita Sonnenschein']);
    expect(names({ text: 'Diakonisches Werk' })).toEqual(['Kita Sonnenschein']);
  });

  it('needs every word (AND); a word found nowhere gives no result', () => {
    expect(names({ text: 'Kita Regenbogen' })).toEqual(['Kindergarten Regenbogen']);
    expect(names({ text: 'Kita Xylophon' })).toEqual([]);
    expect(names({ text: '   ' })).toHaveLength(ENTRIES.length);
  });
});

describe('filters', () => {
  it('category includes the sub-categories', () => {
    expect(names({ category: 'care' })).toEqual([
      'Haus Abendsonne',
      'Seniorenheim Am See',
      'Tagespflege Lindenhof',
    ]);
    expect(names({ category: 'care-day' })).toEqual(['Tagespflege Lindenhof']);
    expect(names({ category: 'counselling' })).toEqual(['Beratungsstelle Nord', 'Schuldnerberatung Mitte']);
  });

  it('target group, life phase, language and accessibility', () => {
    expect(names({ targetGroup: 'carers' })).toEqual(['Tagespflege Lindenhof']);
    expect(names({ lifePhase: 'childhood' })).toEqual(['Kindergarten Regenbogen', 'Kita Sonnenschein']);
    expect(names({ language: 'TR' })).toEqual(['Tagespflege Lindenhof']);
    expect(names({ accessibility: ['wheelchair'] })).toEqual(['Haus Abendsonne']);
    expect(names({ accessibility: ['wheelchair', 'braille'] })).toEqual([]);
    expect(names({ lifePhase: 'after-working-life', text: 'Tagespflege' })).toEqual([
      'Tagespflege Lindenhof',
    ]);
  });

  it('area: only entries whose location lies inside the polygon', () => {
    const within: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [13.38, 52.5],
          [13.42, 52.5],
          [13.42, 52.55],
          [13.38, 52.55],
          [13.38, 52.5],
        ],
      ],
    };
    expect(names({ within: within as never })).toEqual([
      'Freizeithaus am Mauerpark',
      'Haus Abendsonne',
      'Kita Sonnenschein',
    ]);
  });

  it('counts categories with every filter but the category, parents including their children', () => {
    const result = searchDirectory(index, { category: 'kita', lifePhase: 'after-working-life' });
    expect(result.total).toBe(0);
    expect(result.facets.categories).toEqual({ care: 3, 'care-inpatient': 2, 'care-day': 1 });
  });

  it('refuses a radius without a point, an unknown category or life phase, and a bad limit', () => {
    const error = (q: DirectoryQuery) => {
      try {
        searchDirectory(index, q);
      } catch (e) {
        return e instanceof DomainError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'no error';
    };
    expect(error({ radiusKm: 5 })).toBe('ValidationFailed: a radius needs a point (lat and lon)');
    expect(error({ category: 'pflege' })).toMatch(/^ValidationFailed: No category "pflege"/);
    expect(error({ lifePhase: 'old' as never })).toMatch(/^ValidationFailed: lifePhase must be one of/);
    expect(error({ limit: 501 })).toMatch(/limit must be a whole number from 0 to 500/);
    expect(error({ near: { lon: 200, lat: 0 } })).toMatch(/lon in \[-180, 180\]/);
  });
});

describe('radius search', () => {
  /** Spherical law of cosines, independent of the haversine formula the search uses. */
  const cosinesKm = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => {
    const r = Math.PI / 180;
    const c =
      Math.sin(a.lat * r) * Math.sin(b.lat * r) +
      Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
    return EARTH_RADIUS_KM * Math.acos(Math.min(1, c));
  };
  const random = seeded(42);
  const many = Array.from({ length: 3_000 }, (_, i) =>
    entry({
      id: `Angebot ${i}`,
      categoryId: i % 2 ? 'kita' : 'youth-centre',
      lon: 13.0 + random() * 0.8,
      lat: 52.3 + random() * 0.4,
    }),
  );
  const big = new DirectoryIndex([...many, entry({ id: 'ohne Ort', categoryId: 'kita' })], config);

  it('returns exactly the entries within the radius, nearest first, with their distance', () => {
    for (const [near, radiusKm] of [
      [{ lon: 13.4, lat: 52.52 }, 3],
      [{ lon: 13.1, lat: 52.35 }, 7.5],
      [{ lon: 13.4, lat: 52.5 }, 0],
    ] as const) {
      const result = searchDirectory(big, { near, radiusKm, limit: 500 });
      const expected = many
        .map((e) => ({ id: e.service.id, d: cosinesKm(near, e.facility!.location!) }))
        .filter((e) => e.d <= radiusKm)
        .sort((a, b) => a.d - b.d);
      expect(result.total).toBe(expected.length);
      expect(result.items.map((h) => h.entry.service.id)).toEqual(expected.slice(0, 500).map((e) => e.id));
      result.items.forEach((h, i) => expect(h.distanceKm).toBeCloseTo(expected[i]!.d, 6));
    }
  });

  it('combines radius, category and text, and pages through the sorted list', () => {
    const near = { lon: 13.4, lat: 52.5 };
    const all = searchDirectory(big, { near, radiusKm: 10, category: 'kita', text: 'Kita', limit: 500 });
    expect(all.total).toBeGreaterThan(100);
    expect(all.items.every((h) => h.entry.service.categoryId === 'kita' && h.distanceKm! <= 10)).toBe(true);
    const page = searchDirectory(big, {
      near,
      radiusKm: 10,
      category: 'kita',
      text: 'Kita',
      limit: 10,
      offset: 20,
    });
    expect(page.total).toBe(all.total);
    expect(page.items.map((h) => h.entry.service.id)).toEqual(
      all.items.slice(20, 30).map((h) => h.entry.service.id),
    );
  });

  it('a point without radius sorts everything by distance, entries without a location last', () => {
    const result = searchDirectory(big, { near: { lon: 13.4, lat: 52.5 }, limit: 500, offset: 2_600 });
    const distances = result.items.map((h) => h.distanceKm);
    expect(distances.at(-1)).toBeNull();
    expect(result.items.at(-1)!.entry.service.name).toBe('ohne Ort');
    const known = distances.slice(0, -1) as number[];
    expect(known).toEqual([...known].sort((a, b) => a - b));
  });
});
