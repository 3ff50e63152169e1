import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@lagebild/store';
import { importFiles } from '../../src/index.ts';

const geojson = (value: unknown) => ({ name: 'x.geojson', bytes: Buffer.from(JSON.stringify(value)) });
const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 50],
      [x + 1, 50],
      [x + 1, 51],
      [x, 51],
      [x, 50],
    ],
  ],
});
const point = (x: number, y: number, places: unknown) => ({
  type: 'Feature',
  properties: { places },
  geometry: { type: 'Point', coordinates: [x, y] },
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-points-'));
  store = await openStore(`sqlite:${join(dir, 'p.db')}`);
  await store.migrate();
  const areas = {
    type: 'FeatureCollection',
    features: [0, 1, 2].map((i) => ({
      type: 'Feature',
      properties: { id: `0${i}`, name: `Bezirk ${i}` },
      geometry: square(10 + i),
    })),
  };
  await importFiles(
    store,
    [geojson(areas)],
    {
      format: 'geojson',
      level: { id: 'bezirk', name: 'Bezirke', kind: 'administrative' },
      key: 'id',
      name: 'name',
    },
    { apply: true, acceptExclusions: false },
  );
  await importFiles(
    store,
    [{ name: 'c.yaml', bytes: Buffer.from('') }],
    {
      format: 'catalogue',
      indicators: [
        { id: 'heime', name: 'Heime', unit: 'Einrichtungen', kind: 'count' },
        { id: 'plaetze', name: 'Plätze', unit: 'Plätze', kind: 'count' },
      ],
    },
    { apply: true, acceptExclusions: false },
  );
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const mapping = {
  format: 'points',
  source: 'geojson',
  level: 'bezirk',
  period: '2023-07-01',
  count: { indicator: 'heime' },
  sum: [{ property: 'places', indicator: 'plaetze' }],
};

describe('point data per area', () => {
  it('counts points and sums a property per area, with a real 0 where there are none', async () => {
    const points = {
      type: 'FeatureCollection',
      features: [point(10.5, 50.5, 80), point(10.2, 50.1, 20), point(11.5, 50.5, '35')],
    };
    const report = await importFiles(store, [geojson(points)], mapping, {
      apply: true,
      acceptExclusions: false,
    });
    expect(report.errors).toBe(0);
    const heime = await store.getValues({ indicatorId: 'heime', levelId: 'bezirk' });
    expect(heime.map((v) => [v.areaKey, v.value])).toEqual([
      ['00', 2],
      ['01', 1],
      ['02', 0],
    ]);
    const plaetze = await store.getValues({ indicatorId: 'plaetze', levelId: 'bezirk' });
    expect(plaetze.map((v) => [v.areaKey, v.value, v.status])).toEqual([
      ['00', 100, 'final'],
      ['01', 35, 'final'],
      ['02', 0, 'final'],
    ]);
  });

  it('names points outside every area and marks sums with a missing value as estimated', async () => {
    const points = {
      type: 'FeatureCollection',
      features: [point(10.5, 50.5, null), point(10.5, 50.6, 10), point(30, 50, 5)],
    };
    const report = await importFiles(store, [geojson(points)], mapping, {
      apply: true,
      acceptExclusions: false,
    });
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'warning', code: 'UnknownArea', row: 3 }),
        expect.objectContaining({ severity: 'warning', code: 'NotANumber', row: 1, column: 'places' }),
      ]),
    );
    const plaetze = await store.getValues({ indicatorId: 'plaetze', levelId: 'bezirk', areaKeys: ['00'] });
    expect(plaetze[0]).toMatchObject({ value: 10, status: 'estimated' });
  });
});
