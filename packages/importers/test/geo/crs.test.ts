import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CRS,
  crsFromEpsg,
  crsFromWkt,
  epsgFromName,
  epsgFromWkt,
  resolveCrs,
} from '../../src/readers/crs.ts';

const VG5000_PRJ =
  'PROJCS["DHDN_3_Degree_Gauss_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",' +
  'SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",3500000.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],' +
  'UNIT["Meter",1.0],AUTHORITY["EPSG",31467]]';

/** Metres between two lon/lat positions (equirectangular; fine for the short distances compared here). */
const metres = (a: number[], b: number[]) =>
  Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

describe('CRS names', () => {
  it.each([
    ['EPSG:25833', 'EPSG:25833'],
    ['25832', 'EPSG:25832'],
    ['urn:ogc:def:crs:EPSG::25833', 'EPSG:25833'],
    ['urn:ogc:def:crs:EPSG:6.6:31467', 'EPSG:31467'],
    ['http://www.opengis.net/def/crs/EPSG/0/3035', 'EPSG:3035'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['OGC:CRS84', 'EPSG:4326'],
    ['Gauss-Krüger', null],
  ])('%s → %s', (name, code) => expect(epsgFromName(name)).toBe(code));

  it('finds the EPSG code of a WKT from its outermost AUTHORITY or ID, not from nested ones', () => {
    expect(epsgFromWkt(VG5000_PRJ)).toBe('EPSG:31467');
    const nestedOnly =
      'PROJCS["Custom",GEOGCS["x",AUTHORITY["EPSG","4314"]],UNIT["metre",1,AUTHORITY["EPSG","9001"]]]';
    expect(epsgFromWkt(nestedOnly)).toBeNull();
    expect(
      epsgFromWkt('PROJCRS["ETRS89 / UTM zone 33N",BASEGEOGCRS["ETRS89",ID["EPSG",4258]],ID["EPSG",25833]]'),
    ).toBe('EPSG:25833');
  });

  it('recognises ESRI and EPSG names when a .prj has no AUTHORITY', () => {
    expect(epsgFromWkt('PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989"]]')).toBe('EPSG:25833');
    expect(epsgFromWkt('PROJCS["DHDN / 3-degree Gauss-Kruger zone 4",GEOGCS["DHDN"]]')).toBe('EPSG:31468');
    expect(epsgFromWkt('PROJCS["ETRS89-extended / LAEA Europe",GEOGCS["ETRS89"]]')).toBe('EPSG:3035');
    expect(epsgFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]')).toBe('EPSG:4326');
    expect(epsgFromWkt('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]')).toBe(
      'EPSG:3857',
    );
    expect(epsgFromWkt('PROJCS["ETRS89 / UTM zone 32N (zE-N)",GEOGCS["ETRS89"]]')).toBeNull();
  });
});

describe('transformations', () => {
  it('has the required built-in definitions, DHDN with the standard 7-parameter shift', () => {
    for (const code of [
      'EPSG:25832',
      'EPSG:25833',
      'EPSG:31467',
      'EPSG:31468',
      'EPSG:31469',
      'EPSG:3035',
      'EPSG:4326',
      'EPSG:3857',
    ]) {
      expect(crsFromEpsg(code)?.code).toBe(code);
    }
    expect(BUILT_IN_CRS['EPSG:31467']).toContain('+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7');
    expect(crsFromEpsg('EPSG:2000')).toBeNull();
  });

  it('maps the projections’ own anchor points exactly', () => {
    const at = (code: string, x: number, y: number) => crsFromEpsg(code)!.toWgs84(x, y);
    expect(at('EPSG:4326', 13.4, 52.5)).toEqual([13.4, 52.5]);
    expect(at('EPSG:3035', 4_321_000, 3_210_000)[0]).toBeCloseTo(10, 9);
    expect(at('EPSG:3035', 4_321_000, 3_210_000)[1]).toBeCloseTo(52, 9);
    expect(at('EPSG:25832', 500_000, 5_500_000)[0]).toBeCloseTo(9, 9);
    expect(at('EPSG:25833', 500_000, 5_800_000)[0]).toBeCloseTo(15, 9);
    expect(at('EPSG:5650', 33_500_000, 5_800_000)).toEqual(at('EPSG:25833', 500_000, 5_800_000));
    // Spherical Web Mercator, computed from its closed formula.
    const [lon, lat] = at('EPSG:3857', 1_491_681.2, 6_891_041.8);
    expect(lon).toBeCloseTo((1_491_681.2 / 6_378_137) * (180 / Math.PI), 9);
    expect(lat).toBeCloseTo(
      (2 * Math.atan(Math.exp(6_891_041.8 / 6_378_137)) - Math.PI / 2) * (180 / Math.PI),
      9,
    );
  });

  it('uses the built-in DHDN definition for a recognised .prj; the bare WKT would be ~100 m off and warns', () => {
    const fromPrj = crsFromWkt(VG5000_PRJ)!;
    expect(fromPrj).toMatchObject({ code: 'EPSG:31467', warning: null });
    const anonymous = crsFromWkt(
      VG5000_PRJ.replace(',AUTHORITY["EPSG",31467]', '').replace('DHDN_3_Degree_Gauss_Zone_3', 'Custom'),
    )!;
    expect(anonymous.code).toBe('WKT');
    expect(anonymous.warning).toMatch(/datum shift/);
    const shifted = fromPrj.toWgs84(3_500_000, 5_600_000);
    const unshifted = anonymous.toWgs84(3_500_000, 5_600_000);
    expect(metres(shifted, unshifted)).toBeGreaterThan(80);
    expect(metres(shifted, unshifted)).toBeLessThan(200);
  });

  it('resolves any notation, and returns null for what it cannot read', () => {
    expect(resolveCrs('urn:ogc:def:crs:EPSG::25833')?.code).toBe('EPSG:25833');
    expect(resolveCrs(VG5000_PRJ)?.code).toBe('EPSG:31467');
    expect(resolveCrs('EPSG:99999')).toBeNull();
    expect(resolveCrs('PROJCS["broken"')).toBeNull();
  });
});
