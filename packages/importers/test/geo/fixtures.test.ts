import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildFixtureGeoJson,
  buildFixtureShapefile,
  FIXTURE_DIR,
  FIXTURE_STEM,
  PRJ_25832,
} from './geo-fixtures.ts';

/** The committed fixture files are exactly what geo-fixtures.ts describes (or are rewritten on request). */
describe('committed geo fixtures', () => {
  const { shp, shx, dbf } = buildFixtureShapefile();
  const expected: Record<string, Uint8Array | string> = {
    [`${FIXTURE_STEM}.shp`]: shp,
    [`${FIXTURE_STEM}.shx`]: shx,
    [`${FIXTURE_STEM}.dbf`]: dbf,
    [`${FIXTURE_STEM}.prj`]: PRJ_25832,
    [`${FIXTURE_STEM}.cpg`]: 'UTF-8',
    [`${FIXTURE_STEM}-25832.geojson`]: buildFixtureGeoJson(),
  };
  if (process.env.REGENERATE_GEO_FIXTURES) {
    for (const [name, content] of Object.entries(expected)) writeFileSync(join(FIXTURE_DIR, name), content);
  }
  it.each(Object.keys(expected))('%s is up to date', (name) => {
    const content = expected[name]!;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    expect(new Uint8Array(readFileSync(join(FIXTURE_DIR, name)))).toEqual(bytes);
  });
});
