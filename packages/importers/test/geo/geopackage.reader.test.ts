import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from '@lagebild/core';
import { parseWkb, readGeoPackage } from '../../src/readers/geopackage.reader.ts';
import { FIXTURE_FEATURES, PRJ_25832, projectTo25832, rect } from './geo-fixtures.ts';
import { buildGeoPackage, gpkgBlob, wkb, type LayerSpec, type SrsRow } from './gpkg-writer.ts';

/**
 * GRS80 meridian arc length to latitude φ (numerical integration, independent of proj4). On the
 * central meridian of UTM zone 32 (E = 500 000) the northing is 0.9996 · M(φ) and the longitude 9° exactly.
 */
function meridianArc(latDeg: number): number {
  const a = 6_378_137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const steps = 10_000;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const t = (phi * i) / steps;
    const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * (1 - e2 * Math.sin(t) ** 2) ** -1.5;
  }
  return a * (1 - e2) * (phi / steps / 3) * sum;
}

const utmAnchor: Position = [500_000, 0.9996 * meridianArc(50)];
const project = (rings: Position[][]) => rings.map((r) => r.map(projectTo25832));

const EPSG_25832: SrsRow = { srsId: 25832, organization: 'EPSG', code: 25832, definition: PRJ_25832 };
const DHDN_BY_NAME_ONLY: SrsRow = {
  srsId: 100,
  organization: 'NONE',
  code: 100,
  definition:
    'PROJCS["DHDN_3_Degree_Gauss_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",' +
    'SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
    'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",3500000.0],PARAMETER["False_Northing",0.0],' +
    'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
};

const [grossdorf, ueberau, kleinoed] = FIXTURE_FEATURES.map((f) => f.polygons);
const anchorSquare: Position[][] = [
  [
    utmAnchor,
    projectTo25832([9.0, 50.01]),
    projectTo25832([9.01, 50.01]),
    projectTo25832([9.01, 50.0]),
    utmAnchor,
  ],
];

const gemeinden: LayerSpec = {
  table: 'gemeinden',
  srsId: 25832,
  columns: { ags: 'TEXT', name: 'TEXT', ewz: 'INTEGER', flaeche: 'REAL', photo: 'BLOB' },
  rows: [
    // Inserted out of fid order: features come back ordered by the primary key.
    {
      fid: 2,
      geom: gpkgBlob({ type: 'Polygon', coordinates: project(ueberau![0]!) }, 25832, {
        littleEndian: false,
        envelope: 1,
      }),
      ags: '09999002',
      name: 'Überau',
      ewz: 567,
      flaeche: 7.5,
      photo: new Uint8Array([1, 2]),
    },
    {
      fid: 1,
      geom: gpkgBlob({ type: 'Polygon', coordinates: project(grossdorf![0]!) }, 25832),
      ags: '09999001',
      name: 'Großdorf',
      ewz: 1234,
      flaeche: 77.25,
    },
    {
      fid: 3,
      geom: gpkgBlob({ type: 'MultiPolygon', coordinates: kleinoed!.map(project) }, 25832, {
        envelope: 2,
        z: 112.5,
      }),
      ags: '09999003',
      name: 'Kleinöd',
    },
    {
      fid: 4,
      geom: gpkgBlob({ type: 'Polygon', coordinates: anchorSquare }, 25832, { envelope: 4 }),
      ags: '09999004',
      name: 'Anker',
    },
    {
      fid: 5,
      geom: gpkgBlob({ type: 'Point', coordinates: [0, 0] }, 25832, { empty: true }),
      ags: '09999005',
      name: 'Leer',
    },
    { fid: 6, geom: null, ags: '09999006', name: 'Ohne' },
    {
      fid: 7,
      geom: new Uint8Array([0x47, 0x50, 0, 1, 0, 0, 0, 0, 1, 99, 0, 0, 0]),
      ags: '09999007',
      name: 'Kaputt',
    },
  ],
};

const punkte: LayerSpec = {
  table: 'punkte',
  srsId: 0,
  columns: { label: 'TEXT' },
  rows: [
    {
      fid: 1,
      geom: gpkgBlob(
        {
          type: 'MultiPoint',
          coordinates: [
            [13.4, 52.5],
            [13.5, 52.6],
          ],
        },
        0,
      ),
      label: 'x',
    },
  ],
};

describe('readGeoPackage', () => {
  const bytes = buildGeoPackage([EPSG_25832, DHDN_BY_NAME_ONLY], [gemeinden, punkte]);

  it('reads a layer in EPSG:25832 into exact WGS84, whatever the byte order, envelope or Z', () => {
    const table = readGeoPackage(bytes, { file: 'test.gpkg', layer: 'gemeinden' });
    expect(table).toMatchObject({ file: 'test.gpkg', format: 'geopackage', sourceCrs: 'EPSG:25832' });
    expect(table.features.map((f) => f.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(table.features.map((f) => f.properties.ags)).toEqual([
      '09999001',
      '09999002',
      '09999003',
      '09999004',
      '09999005',
      '09999006',
      '09999007',
    ]);
    expect(table.features[0]!.properties).toEqual({
      fid: 1,
      ags: '09999001',
      name: 'Großdorf',
      ewz: 1234,
      flaeche: 77.25,
      photo: null,
    });
    expect(table.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: grossdorf![0] });
    expect(table.features[1]!.geometry).toEqual({ type: 'Polygon', coordinates: ueberau![0] });
    expect(table.features[2]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: kleinoed });
  });

  it('puts the independently computed UTM anchor at exactly 9°E 50°N', () => {
    expect(utmAnchor[1]).toBeCloseTo(5_538_630.7, 1);
    const table = readGeoPackage(bytes, { file: 'test.gpkg', layer: 'gemeinden' });
    const anchor = table.features[3]!.geometry as Extract<Geometry, { type: 'Polygon' }>;
    expect(anchor.coordinates[0]![0]).toEqual([9, 50]);
  });

  it('returns null for empty and missing geometry and reports undecodable blobs by row', () => {
    const table = readGeoPackage(bytes, { file: 'test.gpkg', layer: 'gemeinden' });
    expect(table.features.slice(4).map((f) => f.geometry)).toEqual([null, null, null]);
    expect(table.issues).toEqual([
      expect.objectContaining({ code: 'InvalidGeometry', row: 7, file: 'test.gpkg' }),
    ]);
  });

  it('asks for the layer when there are several, and reads srs_id 0 as lon/lat', () => {
    const ambiguous = readGeoPackage(bytes, { file: 'test.gpkg' });
    expect(ambiguous.features).toEqual([]);
    expect(ambiguous.issues).toEqual([
      expect.objectContaining({ code: 'Unreadable', expected: 'layer: one of gemeinden, punkte' }),
    ]);
    const points = readGeoPackage(bytes, { file: 'test.gpkg', layer: 'PUNKTE' });
    expect(points.sourceCrs).toBe('EPSG:4326');
    expect(points.features[0]!.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [13.4, 52.5],
        [13.5, 52.6],
      ],
    });
  });

  it('recognises a CRS from the WKT definition and refuses the undefined Cartesian one', () => {
    const dhdnPoint = gpkgBlob({ type: 'Point', coordinates: [3_500_000, 5_600_000] }, 100);
    const gk = buildGeoPackage(
      [DHDN_BY_NAME_ONLY],
      [{ table: 'gk', srsId: 100, columns: {}, rows: [{ fid: 1, geom: dhdnPoint }] }],
    );
    const table = readGeoPackage(gk, { file: 'gk.gpkg' });
    expect(table.sourceCrs).toBe('EPSG:31467');
    const [lon, lat] = (table.features[0]!.geometry as { coordinates: number[] }).coordinates;
    // The datum shift moves the DHDN central meridian about 75 m west of 9°E.
    expect(lon).toBeGreaterThan(8.998);
    expect(lon).toBeLessThan(8.9995);
    expect(lat).toBeCloseTo(50.53, 1);

    const cartesian = buildGeoPackage(
      [],
      [{ table: 'c', srsId: -1, columns: {}, rows: [{ fid: 1, geom: dhdnPoint }] }],
    );
    const refused = readGeoPackage(cartesian, { file: 'c.gpkg' });
    expect(refused.features).toEqual([]);
    expect(refused.issues[0]).toMatchObject({ code: 'MissingProjection', file: 'c.gpkg' });
    expect(readGeoPackage(cartesian, { file: 'c.gpkg', sourceCrs: 'EPSG:31467' }).features).toHaveLength(1);
  });

  it('reports files that are no GeoPackage', () => {
    expect(
      readGeoPackage(new TextEncoder().encode('not sqlite at all'), { file: 'x.gpkg' }).issues[0],
    ).toMatchObject({ code: 'Unreadable' });
    const plainSqlite = buildGeoPackage([], []);
    expect(readGeoPackage(plainSqlite, { file: 'y.gpkg' }).issues[0]).toMatchObject({
      code: 'Unreadable',
      found: 'no feature table',
    });
  });
});

describe('parseWkb', () => {
  it('reads lines and both byte orders, and rejects truncated or unsupported data', () => {
    const line: Geometry = {
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    };
    expect(parseWkb(wkb(line, false))).toEqual(line);
    expect(
      parseWkb(
        wkb(
          {
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
          true,
          9,
        ),
      ),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseWkb(wkb({ type: 'Point', coordinates: [Number.NaN, Number.NaN] }, true))).toBeNull();
    const polygon = wkb({ type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] }, true);
    expect(() => parseWkb(polygon.subarray(0, polygon.length - 3))).toThrow();
    expect(() => parseWkb(new Uint8Array([1, 7, 0, 0, 0, 0, 0, 0, 0]))).toThrow(
      /unsupported WKB geometry type 7/,
    );
    const hugeCount = new Uint8Array([1, 2, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f]);
    expect(() => parseWkb(hugeCount)).toThrow(/exceeds/);
  });
});
