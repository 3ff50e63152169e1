import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbox, pointInPolygon, type Geometry } from '@lagebild/core';
import { mapFeatures } from '../../src/mapping/area-mapping.ts';
import { areaMappingSchema, type AreaMappingInput } from '../../src/mapping/area-mapping.schema.ts';
import { readGeoJson } from '../../src/readers/geojson.reader.ts';
import { bytesOf, SHARED_DATA } from './real-data.ts';

const lorDir = join(SHARED_DATA, 'berlin-lor-geodata');
const facilitiesDir = join(SHARED_DATA, 'berlin-social-facilities');
const lor = (name: string) =>
  readGeoJson(bytesOf(join(lorDir, `berlin-lor-${name}.geojson`)), { file: `berlin-lor-${name}.geojson` });

const mapping = (id: string, extra: Partial<AreaMappingInput> = {}, parentLevelId: string | null = null) =>
  areaMappingSchema.parse({
    format: 'geojson',
    level: { id, name: id, kind: 'planning', parentLevelId, sortOrder: 50 },
    key: { property: 'id' },
    name: { property: 'name' },
    ...extra,
  });

/**
 * The PLR source has 06010102 "Schloßstraße" twice; the one in Charlottenburg is really 04030417.
 * The point must lie inside that polygon: (13.293, 52.514) lies within its bounding box but inside the
 * neighbouring 04030416, so a point well inside the polygon (~180 m from its edge) is used.
 */
const SCHLOSSSTRASSE_FIX = {
  key: '06010102',
  containsLonLat: [13.2988, 52.5125] as [number, number],
  newKey: '04030417',
  reason: 'duplicate ID in the LOR source; this feature is Schloßstraße in Charlottenburg',
};

describe.skipIf(!existsSync(lorDir))('Berlin LOR GeoJSON (needs ../shared/data/berlin-lor-geodata)', () => {
  it('reads 12 Bezirke and 138 Bezirksregionen with unique keys', () => {
    const bezirke = lor('districts');
    expect(bezirke.sourceCrs).toBe('EPSG:4326');
    const b = mapFeatures(bezirke, mapping('berlin-bezirk'));
    expect(b.issues).toEqual([]);
    expect(b.areas.map((a) => a.key).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    const bzr = mapFeatures(lor('district-regions-until-2020'), mapping('berlin-bzr'));
    expect(bzr.issues).toEqual([]);
    expect(new Set(bzr.areas.map((a) => a.key)).size).toBe(138);
  });

  // 447 distinct source IDs plus the recovered 04030417: every one of the 448 features gets its own key.
  it('reads 448 Planungsräume; the rekey fix recovers 04030417 so all keys are unique', () => {
    const plr = lor('planning-areas-until-2020');
    expect(plr.features).toHaveLength(448);
    const parent = { property: 'id', slice: [0, 6] as [number, number] };
    const fixed = mapFeatures(
      plr,
      mapping('berlin-plr', { rekey: [SCHLOSSSTRASSE_FIX], parent }, 'berlin-bzr'),
    );
    expect(fixed.issues).toEqual([]);
    expect(fixed.areas).toHaveLength(448);
    expect(new Set(fixed.areas.map((a) => a.key)).size).toBe(448);
    const rekeyed = fixed.areas.find((a) => a.key === '04030417')!;
    expect(rekeyed).toMatchObject({
      name: 'Schloßstraße',
      parentKey: '040304',
      attributes: { sourceKey: '06010102' },
    });
    const [minLon, minLat, maxLon, maxLat] = bbox(rekeyed.geometry!)!;
    expect([minLon, minLat, maxLon, maxLat].map((v) => Math.round(v * 1000) / 1000)).toEqual([
      13.285, 52.51, 13.302, 52.519,
    ]);
    expect(fixed.areas.find((a) => a.key === '06010102')!.geometry).not.toEqual(rekeyed.geometry);
  });

  it('without the fix, reports 06010102 as DuplicateRow naming both records', () => {
    const { areas, issues } = mapFeatures(lor('planning-areas-until-2020'), mapping('berlin-plr'));
    expect(new Set(areas.map((a) => a.key)).size).toBe(447);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'DuplicateRow',
        found: '06010102',
        row: 205,
        message: expect.stringContaining('record 124 and record 205'),
      }),
    ]);
  });
});

describe.skipIf(!existsSync(facilitiesDir))(
  'Berlin care homes, EPSG:25833 (needs ../shared/data/berlin-social-facilities)',
  () => {
    it('reads 274 points, all inside Berlin after reprojection', () => {
      const homes = readGeoJson(
        bytesOf(join(facilitiesDir, 'pflegeeinrichtungen', 'pflegeeinrichtungen.geojson')),
        { file: 'pflegeeinrichtungen.geojson' },
      );
      expect(homes.sourceCrs).toBe('EPSG:25833');
      expect(homes.issues).toEqual([]);
      expect(homes.features).toHaveLength(274);
      const points = homes.features.map((f) => f.geometry as Extract<Geometry, { type: 'Point' }>);
      expect(points.every((p) => p.type === 'Point')).toBe(true);
      const [minLon, minLat, maxLon, maxLat] = bbox(points)!;
      // Berlin's bounding box (berlin-lor-city.geojson): 13.088–13.761 / 52.338–52.676.
      expect(minLon).toBeGreaterThan(13.088);
      expect(maxLon).toBeLessThan(13.762);
      expect(minLat).toBeGreaterThan(52.338);
      expect(maxLat).toBeLessThan(52.676);
      expect(homes.features.reduce((sum, f) => sum + Number(f.properties.platzzahl ?? 0), 0)).toBe(31_154);
      if (existsSync(lorDir)) {
        const city = lor('city').features[0]!.geometry as Extract<Geometry, { type: 'Polygon' }>;
        expect(points.filter((p) => pointInPolygon(p.coordinates, city))).toHaveLength(274);
      }
    });
  },
);
