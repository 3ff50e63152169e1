/**
 * The small geographic fixtures in test/fixtures/geo/, defined here in WGS84 so every test knows the
 * expected lon/lat exactly. The files hold the same shapes projected to EPSG:25832 (rounded to mm, so
 * the bytes are reproducible); `REGENERATE_GEO_FIXTURES=1 npx vitest run … fixtures.test.ts` rewrites them.
 */
import { fileURLToPath } from 'node:url';
import proj4 from 'proj4';
import type { Position } from '@lagebild/core';
import { BUILT_IN_CRS } from '../../src/readers/crs.ts';
import { writeShapefile, type DbfField, type WrittenShapefile } from './shapefile-writer.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/geo/', import.meta.url));
export const FIXTURE_STEM = 'three-gemeinden';

/** Clockwise rectangle from (x0, y0) to (x1, y1), closed: the shapefile orientation of an outer ring. */
export const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x0, y1],
  [x1, y1],
  [x1, y0],
  [x0, y0],
];

export interface FixtureFeature {
  properties: { AGS: string; GEN: string; BEZ: string; EWZ: number | null };
  /** Polygons (outer ring + holes), lon/lat. */
  polygons: Position[][][];
}

export const FIXTURE_FEATURES: FixtureFeature[] = [
  {
    properties: { AGS: '09999001', GEN: 'Großdorf', BEZ: 'Markt', EWZ: 1234 },
    polygons: [[rect(9.0, 50.0, 9.1, 50.1), rect(9.04, 50.04, 9.06, 50.06).reverse()]],
  },
  {
    properties: { AGS: '09999002', GEN: 'Überau', BEZ: 'Gemeinde', EWZ: 567 },
    polygons: [[rect(9.1, 50.0, 9.2, 50.1)]],
  },
  {
    properties: { AGS: '09999003', GEN: 'Kleinöd', BEZ: 'Gemeinde', EWZ: null },
    polygons: [[rect(9.2, 50.0, 9.3, 50.1)], [rect(9.35, 50.0, 9.4, 50.05)]],
  },
];

export const FIXTURE_FIELDS: DbfField[] = [
  { name: 'AGS', type: 'C', length: 8 },
  { name: 'GEN', type: 'C', length: 40 },
  { name: 'BEZ', type: 'C', length: 20 },
  { name: 'EWZ', type: 'N', length: 10 },
];

/** An ESRI-style .prj without AUTHORITY, as ArcGIS writes it: the EPSG code must come from the name. */
export const PRJ_25832 =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const toUtm32 = proj4('WGS84', BUILT_IN_CRS['EPSG:25832']!);
const mm = (v: number) => Math.round(v * 1000) / 1000;

export function projectTo25832(p: Position): Position {
  const [x, y] = toUtm32.forward([p[0]!, p[1]!]);
  return [mm(x!), mm(y!)];
}

const project = (polygons: Position[][][]) =>
  polygons.map((polygon) => polygon.map((ring) => ring.map(projectTo25832)));

export function buildFixtureShapefile(encode?: (t: string) => Uint8Array): WrittenShapefile {
  const shapes = FIXTURE_FEATURES.map((f) => ({
    type: 'Polygon' as const,
    rings: project(f.polygons).flat(),
  }));
  const rows = FIXTURE_FEATURES.map((f) => [
    f.properties.AGS,
    f.properties.GEN,
    f.properties.BEZ,
    f.properties.EWZ,
  ]);
  return writeShapefile(shapes, FIXTURE_FIELDS, rows, encode);
}

export function buildFixtureGeoJson(): string {
  const features = FIXTURE_FEATURES.map((f) => {
    const coordinates = project(f.polygons);
    const geometry =
      coordinates.length === 1
        ? { type: 'Polygon', coordinates: coordinates[0] }
        : { type: 'MultiPolygon', coordinates };
    return { type: 'Feature', properties: f.properties, geometry };
  });
  const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
  return `${JSON.stringify({ type: 'FeatureCollection', name: FIXTURE_STEM, crs, features }, null, 1)}\n`;
}
