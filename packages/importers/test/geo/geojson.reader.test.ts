import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../src/readers/geojson.reader.ts';
import { FIXTURE_FEATURES } from './geo-fixtures.ts';
import { fixtureGeoJson } from './fixture-files.ts';

const collection = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('readGeoJson', () => {
  it('honours a legacy crs member (EPSG:25832 fixture) and returns exact WGS84 coordinates', () => {
    const table = readGeoJson(fixtureGeoJson(), { file: 'three-gemeinden-25832.geojson' });
    expect(table.issues).toEqual([]);
    expect(table).toMatchObject({ format: 'geojson', sourceCrs: 'EPSG:25832' });
    expect(table.features.map((f) => f.properties)).toEqual(FIXTURE_FEATURES.map((f) => f.properties));
    expect(table.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: FIXTURE_FEATURES[0]!.polygons[0],
    });
    expect(table.features[2]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: FIXTURE_FEATURES[2]!.polygons,
    });
  });

  it('defaults to WGS84, rounds to 6 decimals, drops z, and accepts a single Feature with a BOM', () => {
    const text = `\uFEFF${JSON.stringify(feature({ type: 'Point', coordinates: [13.40495001, 52.52000049, 34] }, { id: 7 }))}`;
    const table = readGeoJson(text, { file: 'p.geojson' });
    expect(table.sourceCrs).toBe('EPSG:4326');
    expect(table.features).toEqual([
      { index: 1, properties: { id: 7 }, geometry: { type: 'Point', coordinates: [13.40495, 52.52] } },
    ]);
  });

  it('reads OGC CRS84 as WGS84 and flattens nested properties to text', () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };
    const props = { bounding_box: [1, 2], open: true, none: null };
    const table = readGeoJson(collection([feature({ type: 'Point', coordinates: [1, 2] }, props)], { crs }), {
      file: 'c.geojson',
    });
    expect(table.sourceCrs).toBe('EPSG:4326');
    expect(table.features[0]!.properties).toEqual({ bounding_box: '[1,2]', open: 'true', none: null });
  });

  it('refuses projected coordinates without a declared CRS, unless the mapping names one', () => {
    const text = collection([feature({ type: 'Point', coordinates: [392_000, 5_820_000] })]);
    const refused = readGeoJson(text, { file: 'facilities.geojson' });
    expect(refused.features).toEqual([]);
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'MissingProjection',
        file: 'facilities.geojson',
        found: 'projected coordinates',
      }),
    ]);
    const read = readGeoJson(text, { file: 'facilities.geojson', sourceCrs: 'EPSG:25833' });
    expect(read.issues).toEqual([]);
    const [lon, lat] = (read.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(13.4, 1);
    expect(lat).toBeCloseTo(52.5, 1);
  });

  it('keeps null geometry, and reports invalid geometry by feature number', () => {
    const text = collection([
      feature(null, { n: 1 }),
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [1, 2],
              ['x', 3],
            ],
          ],
        },
        { n: 2 },
      ),
      feature({ type: 'GeometryCollection', geometries: [] }, { n: 3 }),
    ]);
    const table = readGeoJson(text, { file: 'g.geojson' });
    expect(table.features.map((f) => f.geometry)).toEqual([null, null, null]);
    expect(table.issues.map((i) => [i.code, i.row])).toEqual([
      ['InvalidGeometry', 2],
      ['InvalidGeometry', 3],
    ]);
  });

  it('reports unreadable JSON and non-GeoJSON objects', () => {
    expect(readGeoJson('{"type": "Feat', { file: 'a.geojson' }).issues[0]).toMatchObject({
      code: 'Unreadable',
      file: 'a.geojson',
    });
    expect(readGeoJson('{"type": "Topology"}', { file: 'b.json' }).issues[0]).toMatchObject({
      code: 'Unreadable',
      found: 'Topology',
    });
    expect(readGeoJson('[1,2]', { file: 'c.json' }).issues[0]).toMatchObject({ code: 'Unreadable' });
  });

  it('reports an unknown declared CRS', () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2056' } };
    const table = readGeoJson(collection([], { crs }), { file: 'ch.geojson' });
    expect(table.issues[0]).toMatchObject({ code: 'MissingProjection', found: 'urn:ogc:def:crs:EPSG::2056' });
  });
});
