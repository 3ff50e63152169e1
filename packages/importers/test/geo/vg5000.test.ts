import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bbox, countPositions, isPolygonal, simplifyGeometry, type Geometry } from '@lagebild/core';
import { mapFeatures } from '../../src/mapping/area-mapping.ts';
import { areaMappingSchema, type AreaMappingInput } from '../../src/mapping/area-mapping.schema.ts';
import type { GeoTable } from '../../src/readers/geo-table.ts';
import { readGeoJson } from '../../src/readers/geojson.reader.ts';
import { readShapefile, readShapefileZip } from '../../src/readers/shapefile.reader.ts';
import { bytesOf, centroid, SHARED_DATA, vertexDeviations } from './real-data.ts';

const dir = join(SHARED_DATA, 'de-vg5000-2021');
const shape = (layer: string, ext: string) => join(dir, 'shape', `${layer}.${ext}`);
const parts = (layer: string) => ({
  shp: bytesOf(shape(layer, 'shp')),
  dbf: bytesOf(shape(layer, 'dbf')),
  prj: bytesOf(shape(layer, 'prj')),
  cpg: bytesOf(shape(layer, 'cpg')),
});

const mapping = (
  level: string,
  keyLength: number,
  extra: Partial<AreaMappingInput> = {},
  parentLevelId: string | null = null,
) =>
  areaMappingSchema.parse({
    format: 'shapefile',
    level: { id: level, name: level, kind: 'administrative', parentLevelId, sortOrder: 10 },
    key: { property: 'AGS', pad: keyLength },
    name: { property: 'GEN' },
    ...extra,
  });

function expectInGermany(geometries: (Geometry | null)[]): void {
  const [minLon, minLat, maxLon, maxLat] = bbox(geometries)!;
  expect(minLon).toBeGreaterThan(5.8);
  expect(maxLon).toBeLessThan(15.1);
  expect(minLat).toBeGreaterThan(47.2);
  expect(maxLat).toBeLessThan(55.1);
}

function expectValidRings(geometry: Geometry | null): void {
  if (!isPolygonal(geometry)) throw new Error('expected a polygon');
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const ring of polygons.flat()) {
    if (ring.length < 4 || ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1])
      throw new Error('invalid ring');
  }
}

describe.skipIf(!existsSync(dir))(
  'VG5000 2021 shapefiles, EPSG:31467 (needs ../shared/data/de-vg5000-2021)',
  () => {
    let gem: GeoTable;
    beforeAll(async () => {
      gem = await readShapefile(parts('VG5000_GEM'), { file: 'VG5000_GEM.shp' });
    });

    it('reads 10,997 Gemeinden with unique AGS, reprojected into Germany', () => {
      expect(gem.sourceCrs).toBe('EPSG:31467');
      expect(gem.issues).toEqual([]);
      const mapped = mapFeatures(
        gem,
        mapping('gemeinde', 8, { parent: { property: 'AGS', slice: [0, 5] } }, 'kreis'),
      );
      expect(mapped.issues).toEqual([]);
      expect(mapped.areas).toHaveLength(10_997);
      expect(new Set(mapped.areas.map((a) => a.key)).size).toBe(10_997);
      expect(mapped.areas.every((a) => a.sourceCrs === 'EPSG:31467' && a.geometry !== null)).toBe(true);
      expectInGermany(mapped.areas.map((a) => a.geometry));
      const berlin = mapped.areas.find((a) => a.key === '11000000')!;
      expect(berlin).toMatchObject({ name: 'Berlin', parentKey: '11000' });
      const [lon, lat] = centroid(berlin.geometry as Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>);
      expect(Math.abs(lon! - 13.4)).toBeLessThan(0.1);
      expect(Math.abs(lat! - 52.5)).toBeLessThan(0.1);
    });

    it('reads 401 Kreise that agree with the CRS84 GeoJSON conversion to within a few metres', async () => {
      const krs = await readShapefile(parts('VG5000_KRS'), { file: 'VG5000_KRS.shp' });
      const areas = mapFeatures(krs, mapping('kreis', 5)).areas;
      expect(areas).toHaveLength(401);
      expect(areas.some((a) => a.key === '16056')).toBe(true);
      const reference = readGeoJson(bytesOf(join(dir, 'geojson', 'Ebene_Kreise.geojson')), {
        file: 'Ebene_Kreise.geojson',
      });
      const byKey = new Map(areas.map((a) => [a.key, a.geometry!]));
      const deviations = reference.features.flatMap((f) =>
        vertexDeviations(f.geometry!, byKey.get(String(f.properties.ARS))!),
      );
      // Measured: max 3.1 m, mean 0.8 m over 40,835 vertices. Without the DHDN datum shift it would be ~100 m.
      expect(deviations.length).toBeGreaterThan(40_000);
      expect(Math.max(...deviations)).toBeLessThan(5);
      expect(deviations.reduce((s, d) => s + d, 0) / deviations.length).toBeLessThan(1.5);
    });

    it('dissolves the 25 Länder records into 16 Länder; without dissolve the repeats are DuplicateRow errors', async () => {
      const lan = await readShapefile(parts('VG5000_LAN'), { file: 'VG5000_LAN.shp' });
      expect(lan.features).toHaveLength(25);
      const dissolved = mapFeatures(lan, mapping('land', 2, { dissolve: true }));
      expect(dissolved.issues).toEqual([]);
      expect(dissolved.areas.map((a) => a.key).sort()).toEqual(
        Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')),
      );
      expectInGermany(dissolved.areas.map((a) => a.geometry));
      const strict = mapFeatures(lan, mapping('land', 2));
      expect(strict.issues).toHaveLength(9);
      expect(strict.issues.every((i) => i.code === 'DuplicateRow')).toBe(true);
      const landOnly = mapFeatures(lan, mapping('land', 2, { filter: { GF: [9] } }));
      expect([landOnly.areas.length, landOnly.skipped, landOnly.issues.length]).toEqual([16, 9, 0]);
    });

    it('reads the same shapefile zipped in memory identically', async () => {
      const files = parts('VG5000_KRS');
      const zip = zipSync({
        'vg5000/VG5000_KRS.shp': files.shp,
        'vg5000/VG5000_KRS.dbf': files.dbf,
        'vg5000/VG5000_KRS.prj': files.prj,
        'vg5000/VG5000_KRS.cpg': files.cpg,
      });
      const zipped = await readShapefileZip(zip, { file: 'vg5000.zip' });
      const loose = await readShapefile(files, { file: 'vg5000.zip/vg5000/VG5000_KRS.shp' });
      expect(zipped.features).toEqual(loose.features);
      expect(zipped.sourceCrs).toBe('EPSG:31467');
    });

    it('simplification keeps every Gemeinde a valid polygon and reduces the vertex count', () => {
      const geometries = gem.features.map((f) => f.geometry!);
      const before = geometries.reduce((n, g) => n + countPositions(g), 0);
      const simplified = geometries.map((g) => simplifyGeometry(g, 0.001));
      simplified.forEach(expectValidRings);
      const after = simplified.reduce((n, g) => n + countPositions(g), 0);
      // VG5000 is already generalised for 1:5,000,000, so 0.001° (~100 m) removes only ~2%; 0.01° halves it.
      expect(after / before).toBeLessThan(0.99);
      expect(simplified.filter((g) => g === null)).toEqual([]);
      const coarse = geometries.reduce((n, g) => n + countPositions(simplifyGeometry(g, 0.01)), 0);
      expect(coarse / before).toBeLessThan(0.6);
    });
  },
);
