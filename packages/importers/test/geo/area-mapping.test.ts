import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { countPositions, type Geometry } from '@lagebild/core';
import { mapFeatures } from '../../src/mapping/area-mapping.ts';
import { areaMappingSchema, type AreaMappingInput } from '../../src/mapping/area-mapping.schema.ts';
import type { GeoFeature, GeoTable } from '../../src/readers/geo-table.ts';
import { readShapefile } from '../../src/readers/shapefile.reader.ts';
import { FIXTURE_FEATURES, rect } from './geo-fixtures.ts';
import { fixtureShapefileParts } from './fixture-files.ts';

const EXAMPLE = `
format: shapefile
sourceCrs: EPSG:31467
level: { id: gemeinde, name: Gemeinden, nameEn: Municipalities, kind: administrative, parentLevelId: kreis, sortOrder: 30 }
key: { property: AGS, pad: 8 }
name: { property: GEN }
parent: { property: AGS, slice: [0, 5] }
filter: { GF: [4, 9] }
validFrom: '2021-01-01'
validTo: null
attributes: [BEZ, NUTS]
dissolve: true
rekey:
  - { key: '06010102', containsLonLat: [13.293, 52.514], newKey: '04030417', reason: 'duplicate ID in the LOR source' }
simplify: 0.0005
`;

const base: AreaMappingInput = {
  format: 'shapefile',
  level: { id: 'gemeinde', name: 'Gemeinden', kind: 'administrative', parentLevelId: 'kreis', sortOrder: 30 },
  key: { property: 'AGS' },
  name: { property: 'GEN' },
};
const mapping = (extra: Partial<AreaMappingInput> = {}) => areaMappingSchema.parse({ ...base, ...extra });

const table = (features: Partial<GeoFeature>[], sourceCrs = 'EPSG:25832'): GeoTable => ({
  file: 't.shp',
  format: 'shapefile',
  sourceCrs,
  issues: [],
  features: features.map((f, i) => ({ index: i + 1, properties: {}, geometry: null, ...f })),
});
const square = (x: number, y: number): Geometry => ({
  type: 'Polygon',
  coordinates: [rect(x, y, x + 1, y + 1)],
});

describe('areaMappingSchema', () => {
  it('parses the documented example and fills defaults', () => {
    const parsed = areaMappingSchema.parse(parse(EXAMPLE));
    expect(parsed.level).toEqual({
      id: 'gemeinde',
      name: 'Gemeinden',
      nameEn: 'Municipalities',
      kind: 'administrative',
      parentLevelId: 'kreis',
      sortOrder: 30,
      description: null,
    });
    expect(parsed.rekey[0]!.newKey).toBe('04030417');
    const minimal = mapping();
    expect(minimal).toMatchObject({
      attributes: [],
      dissolve: false,
      rekey: [],
      validFrom: null,
      validTo: null,
    });
    expect(areaMappingSchema.parse({ ...base, key: 'AGS', name: 'GEN' }).key).toEqual({ property: 'AGS' });
  });

  it.each([
    [
      'an unquoted key that YAML made a number',
      { rekey: [{ key: 6010102, containsLonLat: [13, 52], newKey: '04030417', reason: 'x' }] },
      'quote keys',
    ],
    ['a misspelt option', { dissolv: true }, 'dissolv'],
    [
      'a parent without parent level',
      { level: { ...base.level, parentLevelId: null }, parent: { value: '11' } },
      'parentLevelId',
    ],
    ['validTo before validFrom', { validFrom: '2021-01-01', validTo: '2020-01-01' }, 'validTo'],
    ['a bad date', { validFrom: '01.01.2021' }, 'ISO date'],
    ['an unknown format', { format: 'kml' }, 'format'],
  ])('rejects %s', (_what, extra, message) => {
    const result = areaMappingSchema.safeParse({ ...base, ...extra });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain(message);
  });
});

describe('mapFeatures', () => {
  it('maps the fixture shapefile into areas with level, parent, validity, attributes and sourceCrs', async () => {
    const geo = await readShapefile(fixtureShapefileParts(), { file: 'three-gemeinden.shp' });
    const m = mapping({
      parent: { property: 'AGS', slice: [0, 5] },
      validFrom: '2021-01-01',
      attributes: ['BEZ', 'EWZ'],
    });
    const { level, areas, issues, skipped } = mapFeatures(geo, m);
    expect(issues).toEqual([]);
    expect(skipped).toBe(0);
    expect(level).toMatchObject({ id: 'gemeinde', parentLevelId: 'kreis', nameEn: null });
    expect(areas.map((a) => [a.key, a.name, a.parentKey])).toEqual([
      ['09999001', 'Großdorf', '09999'],
      ['09999002', 'Überau', '09999'],
      ['09999003', 'Kleinöd', '09999'],
    ]);
    expect(areas[0]).toMatchObject({
      levelId: 'gemeinde',
      validFrom: '2021-01-01',
      validTo: null,
      predecessors: [],
      sourceCrs: 'EPSG:25832',
      attributes: { BEZ: 'Markt', EWZ: 1234 },
      geometry: { type: 'Polygon', coordinates: FIXTURE_FEATURES[0]!.polygons[0] },
    });
  });

  it('filters, pads numeric keys and takes a constant parent', () => {
    const geo = table([
      { properties: { ID: 1001, N: 'a', GF: 9 }, geometry: square(0, 0) },
      { properties: { ID: 1002, N: 'b', GF: 2 }, geometry: square(1, 0) },
      { properties: { ID: '1003', N: 'c', GF: '4' }, geometry: square(2, 0) },
    ]);
    const m = mapping({
      key: { property: 'ID', pad: 5 },
      name: { property: 'N' },
      filter: { GF: [4, 9] },
      parent: { value: '01' },
    });
    const { areas, skipped, issues } = mapFeatures(geo, m);
    expect(issues).toEqual([]);
    expect(skipped).toBe(1);
    expect(areas.map((a) => [a.key, a.parentKey])).toEqual([
      ['01001', '01'],
      ['01003', '01'],
    ]);
    // A parent sliced from the key property uses the padded key, not the zero-less source value.
    const sliced = mapFeatures(
      geo,
      mapping({ ...m, filter: undefined, parent: { property: 'ID', slice: [0, 2] } }),
    );
    expect(sliced.areas.map((a) => a.parentKey)).toEqual(['01', '01', '01']);
  });

  it('reports a repeated key as DuplicateRow naming both records, or dissolves it into a MultiPolygon', () => {
    const geo = table([
      { properties: { AGS: '01', GEN: 'Land' }, geometry: square(0, 0) },
      { properties: { AGS: '02', GEN: 'Other' }, geometry: square(5, 0) },
      {
        properties: { AGS: '01', GEN: 'Land' },
        geometry: { type: 'MultiPolygon', coordinates: [[rect(2, 0, 3, 1)], [rect(3, 3, 4, 4)]] },
      },
    ]);
    const strict = mapFeatures(geo, mapping());
    expect(strict.areas.map((a) => a.key)).toEqual(['01', '02']);
    expect(strict.issues).toEqual([
      expect.objectContaining({
        code: 'DuplicateRow',
        row: 3,
        found: '01',
        message: expect.stringContaining('record 1 and record 3'),
      }),
    ]);
    const dissolved = mapFeatures(geo, mapping({ dissolve: true }));
    expect(dissolved.issues).toEqual([]);
    expect(dissolved.areas[0]!.geometry).toMatchObject({ type: 'MultiPolygon' });
    expect(
      (dissolved.areas[0]!.geometry as Extract<Geometry, { type: 'MultiPolygon' }>).coordinates,
    ).toHaveLength(3);
  });

  it('re-keys only the feature that contains the given point, and records why', () => {
    const geo = table([
      { properties: { AGS: '06010102', GEN: 'Schloßstraße' }, geometry: square(13, 52) },
      { properties: { AGS: '06010102', GEN: 'Schloßstraße' }, geometry: square(20, 52) },
    ]);
    const rule = {
      key: '06010102',
      containsLonLat: [13.5, 52.5] as [number, number],
      newKey: '04030417',
      reason: 'duplicate ID',
    };
    const { areas, issues } = mapFeatures(geo, mapping({ rekey: [rule] }));
    expect(issues).toEqual([]);
    expect(areas.map((a) => a.key)).toEqual(['04030417', '06010102']);
    expect(areas[0]!.attributes).toEqual({ sourceKey: '06010102', rekeyReason: 'duplicate ID' });
    const stale = mapFeatures(geo, mapping({ rekey: [{ ...rule, containsLonLat: [0, 0] }] }));
    expect(stale.issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'DuplicateRow'],
      ['warning', 'UnknownArea'],
    ]);
  });

  it('names the record and property of missing keys and names, and the property when no feature has it', () => {
    const geo = table([
      { properties: { AGS: '01', GEN: 'a' }, geometry: square(0, 0) },
      { properties: { AGS: null, GEN: 'b' }, geometry: square(1, 0) },
      { properties: { AGS: '03', GEN: '  ' }, geometry: square(2, 0) },
    ]);
    const { areas, issues } = mapFeatures(geo, mapping());
    expect(areas.map((a) => a.key)).toEqual(['01']);
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['MissingValue', 2, 'AGS'],
      ['MissingValue', 3, 'GEN'],
    ]);
    const wrongColumn = mapFeatures(geo, mapping({ key: { property: 'ARS' } }));
    expect(wrongColumn.areas).toEqual([]);
    expect(wrongColumn.issues).toEqual([
      expect.objectContaining({ code: 'ColumnMissing', column: 'ARS', found: 'AGS, GEN' }),
    ]);
  });

  it('warns about null and non-polygonal geometry but keeps the area, and reports keys that do not fit the pad', () => {
    const geo = table([
      { properties: { AGS: '1', GEN: 'a' }, geometry: null },
      { properties: { AGS: '2', GEN: 'b' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      { properties: { AGS: '123456', GEN: 'c' }, geometry: square(0, 0) },
    ]);
    const { areas, issues } = mapFeatures(geo, mapping({ key: { property: 'AGS', pad: 5 } }));
    expect(areas.map((a) => [a.key, a.geometry])).toEqual([
      ['00001', null],
      ['00002', null],
    ]);
    expect(issues.map((i) => [i.severity, i.code, i.row])).toEqual([
      ['warning', 'MissingCoordinates', 1],
      ['warning', 'InvalidGeometry', 2],
      ['error', 'AmbiguousKey', 3],
    ]);
  });

  it('simplifies stored geometry when asked', () => {
    const dense = Array.from({ length: 200 }, (_, i) => [
      Math.cos((i / 200) * 2 * Math.PI),
      Math.sin((i / 200) * 2 * Math.PI),
    ]);
    const ring = [...dense, dense[0]!].reverse();
    const geo = table([
      { properties: { AGS: '1', GEN: 'a' }, geometry: { type: 'Polygon', coordinates: [ring] } },
    ]);
    const { areas } = mapFeatures(geo, mapping({ simplify: 0.01 }));
    expect(countPositions(areas[0]!.geometry)).toBeLessThan(40);
  });
});
