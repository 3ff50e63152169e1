import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadMappingFile } from '@lagebild/importers';
import { DEMO_PYRAMIDS, loadPyramids } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'lagebild-pyramids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('pyramid files', () => {
  it('reads the demo pyramid: 21 bands from 0 to 90 and more, each band of the import mapping', () => {
    const [pyramid, ...rest] = loadPyramids([DEMO_PYRAMIDS]);
    expect(rest).toEqual([]);
    expect(pyramid!.bands).toHaveLength(21);
    expect(pyramid!.bands.map((b) => b.ageFrom)).toEqual([
      0, 3, 6, 10, 15, 18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    ]);
    expect(pyramid!.bands.at(-1)).toMatchObject({ label: '90 Jahre und mehr', ageTo: null });
    expect(pyramid!.openBandTo).toBe(100);
    // every band indicator is written by the demo's import of 12411-03-03-4, under the band's label
    const mapping = loadMappingFile(
      new URL('../../../demo/mappings/genesis-12411-altersaufbau.yaml', import.meta.url).pathname,
      {},
    ).raw as { values: { indicator: { map: Record<string, string> } }[] };
    const [male, female] = mapping.values.map((v) => v.indicator.map);
    for (const band of pyramid!.bands) {
      expect(male![band.label]).toBe(band.male);
      expect(female![band.label]).toBe(band.female);
    }
    // and declared in the catalogue
    const catalogue = parseYaml(
      readFileSync(new URL('../../../demo/catalogue.yaml', import.meta.url), 'utf8'),
    ) as { indicators: { id: string }[] };
    const ids = new Set(catalogue.indicators.map((i) => i.id));
    for (const band of pyramid!.bands) expect(ids.has(band.male) && ids.has(band.female)).toBe(true);
  });

  it('names the file, the entry and the field of a mistake', () => {
    const file = write(
      'bad.yaml',
      'pyramids:\n  - id: p\n    name: P\n    bands:\n      - { label: a, ageFrom: 0, ageTo: 5, male: m1, female: w1 }\n      - { label: b, ageFrom: 6, ageTo: 9, male: m2, female: w2 }\n',
    );
    expect(() => loadPyramids([file])).toThrow(
      `${file}: pyramids[0].bands[1].ageFrom: expected 5 (where the band before ends), found 6`,
    );
    expect(() => loadPyramids([join(dir, 'none.yaml')])).toThrow(/pyramid file .*none\.yaml does not exist/);
    const broken = write('broken.yaml', 'pyramids: [\n');
    expect(() => loadPyramids([broken])).toThrow(new RegExp(`^${broken}: `));
  });

  it('refuses an id configured in two files', () => {
    expect(() => loadPyramids([DEMO_PYRAMIDS, DEMO_PYRAMIDS])).toThrow(
      'pyramid id "altersaufbau-21" is used twice',
    );
  });
});
