import { describe, expect, it } from 'vitest';
import { readShapefile } from '../../src/readers/shapefile.reader.ts';
import { buildFixtureShapefile, FIXTURE_FEATURES, projectTo25832, rect } from './geo-fixtures.ts';
import { fixtureShapefileParts } from './fixture-files.ts';
import { writeShapefile } from './shapefile-writer.ts';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ascii = (text: string) => new TextEncoder().encode(text);

describe('readShapefile', () => {
  it('reads the fixture, recognises EPSG:25832 from the .prj name and returns exact WGS84 coordinates', async () => {
    const table = await readShapefile(fixtureShapefileParts(), { file: 'three-gemeinden.shp' });
    expect(table.issues).toEqual([]);
    expect(table).toMatchObject({
      file: 'three-gemeinden.shp',
      format: 'shapefile',
      sourceCrs: 'EPSG:25832',
    });
    expect(table.features.map((f) => f.index)).toEqual([1, 2, 3]);
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

  it('reports a missing .prj as MissingProjection on <name>.prj and returns no features', async () => {
    const { prj: _prj, ...parts } = fixtureShapefileParts();
    const table = await readShapefile(parts, { file: 'three-gemeinden.shp' });
    expect(table.features).toEqual([]);
    expect(table.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'MissingProjection',
        file: 'three-gemeinden.prj',
        expected: 'a .prj file or sourceCrs in the mapping',
      }),
    ]);
  });

  it('uses sourceCrs when there is no .prj, and lets it override a declared one with a warning', async () => {
    const { prj: _prj, ...parts } = fixtureShapefileParts();
    const fallback = await readShapefile(parts, { file: 'x.shp', sourceCrs: 'EPSG:25832' });
    expect(fallback.issues).toEqual([]);
    expect(fallback.features[1]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: FIXTURE_FEATURES[1]!.polygons[0],
    });

    const override = await readShapefile(fixtureShapefileParts(), { file: 'x.shp', sourceCrs: '25833' });
    expect(override.sourceCrs).toBe('EPSG:25833');
    expect(override.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'MissingProjection',
        expected: 'EPSG:25832',
        found: 'EPSG:25833',
      }),
    ]);
  });

  it('refuses an unknown sourceCrs instead of guessing', async () => {
    const table = await readShapefile(fixtureShapefileParts(), { file: 'x.shp', sourceCrs: 'EPSG:99999' });
    expect(table.features).toEqual([]);
    expect(table.issues[0]).toMatchObject({ code: 'MissingProjection', found: 'EPSG:99999' });
  });

  it('decodes the .dbf as the .cpg says, and as windows-1252 without one', async () => {
    const { shp, dbf } = buildFixtureShapefile(latin1);
    const prj = ascii('PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89"],AUTHORITY["EPSG","25832"]]');
    const withCpg = await readShapefile({ shp, dbf, prj, cpg: ascii('ISO-8859-1\r\n') }, { file: 'l.shp' });
    expect(withCpg.features.map((f) => f.properties.GEN)).toEqual(['Großdorf', 'Überau', 'Kleinöd']);
    const without = await readShapefile({ shp, dbf, prj }, { file: 'l.shp' });
    expect(without.features.map((f) => f.properties.GEN)).toEqual(['Großdorf', 'Überau', 'Kleinöd']);
    expect(without.issues).toEqual([]);
  });

  it('reads a UTF-8 .dbf without .cpg as UTF-8 and says so', async () => {
    const { prj, cpg: _cpg, ...parts } = fixtureShapefileParts();
    const table = await readShapefile({ ...parts, prj }, { file: 'u.shp' });
    expect(table.features[1]!.properties.GEN).toBe('Überau');
    expect(table.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'EncodingMismatch', file: 'u.dbf' }),
    ]);
  });

  it('keeps null shapes as features without geometry, and points as points', async () => {
    const point = projectTo25832([13.4, 52.5]);
    const written = writeShapefile(
      [{ type: 'Point', coordinates: point }, null],
      [{ name: 'ID', type: 'N', length: 4 }],
      [[1], [2]],
    );
    const table = await readShapefile(written, { file: 'p.shp', sourceCrs: 'EPSG:25832' });
    expect(table.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [13.4, 52.5] },
      null,
    ]);
    expect(table.features.map((f) => f.properties.ID)).toEqual([1, 2]);
  });

  it('flags geometry that does not fit the CRS', async () => {
    const written = writeShapefile(
      [{ type: 'Polygon', rings: [rect(500000, 5500000, 501000, 5501000)] }],
      [],
      [[]],
    );
    const table = await readShapefile(written, { file: 'w.shp', sourceCrs: 'EPSG:4326' });
    expect(table.features[0]!.geometry).toBeNull();
    expect(table.issues).toEqual([
      expect.objectContaining({ code: 'InvalidGeometry', row: 1, file: 'w.shp' }),
    ]);
  });

  it('reports a truncated .shp as Unreadable', async () => {
    const { shp, ...rest } = fixtureShapefileParts();
    const table = await readShapefile({ ...rest, shp: shp.subarray(0, 60) }, { file: 'broken.shp' });
    expect(table.features).toEqual([]);
    expect(table.issues).toEqual([expect.objectContaining({ code: 'Unreadable', file: 'broken.shp' })]);
  });
});
