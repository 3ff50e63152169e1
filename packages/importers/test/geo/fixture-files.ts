import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, FIXTURE_STEM } from './geo-fixtures.ts';

/** The committed three-Gemeinden shapefile set, as the pipeline would hand it to the reader. */
export function fixtureShapefileParts() {
  const read = (ext: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, `${FIXTURE_STEM}.${ext}`)));
  return { shp: read('shp'), shx: read('shx'), dbf: read('dbf'), prj: read('prj'), cpg: read('cpg') };
}

export function fixtureGeoJson(): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, `${FIXTURE_STEM}-25832.geojson`)));
}
