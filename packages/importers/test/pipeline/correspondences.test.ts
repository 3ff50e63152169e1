import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@lagebild/store';
import { importFiles } from '../../src/index.ts';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 50],
      [x + 1, 50],
      [x + 1, 51],
      [x, 51],
      [x, 50],
    ],
  ],
});
const level = (id: string, keys: string[]) => ({
  files: [
    {
      name: `${id}.geojson`,
      bytes: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: keys.map((k, i) => ({ type: 'Feature', properties: { k }, geometry: square(i) })),
        }),
      ),
    },
  ],
  mapping: { format: 'geojson', level: { id, name: id, kind: 'planning' }, key: 'k', name: 'k' },
});
const csv = (text: string) => [{ name: 'anteile.csv', bytes: Buffer.from(text) }];
const mapping = {
  format: 'correspondence',
  source: 'csv',
  from: { level: 'schulbezirk', column: 'schule' },
  to: { level: 'stadtteil', column: 'stadtteil' },
  weight: { column: 'anteil', percent: true },
};

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-corr-'));
  store = await openStore(`sqlite:${join(dir, 'c.db')}`);
  await store.migrate();
  for (const { files, mapping: m } of [
    level('schulbezirk', ['S1', 'S2']),
    level('stadtteil', ['T1', 'T2', 'T3']),
  ]) {
    await importFiles(store, files, m, { apply: true, acceptExclusions: false });
  }
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('weighted correspondences', () => {
  it('imports shares between two levels and reads them back', async () => {
    const report = await importFiles(
      store,
      csv('schule;stadtteil;anteil\nS1;T1;60\nS1;T2;40\nS2;T3;100\n'),
      mapping,
      { apply: true, acceptExclusions: false },
    );
    expect(report.diff.correspondences.inserted).toBe(3);
    const list = await store.listCorrespondences('schulbezirk', 'stadtteil');
    expect(list.map((c) => [c.fromKey, c.toKey, c.weight, c.basis])).toEqual([
      ['S1', 'T1', 0.6, 'population'],
      ['S1', 'T2', 0.4, 'population'],
      ['S2', 'T3', 1, 'population'],
    ]);
  });

  it('names unknown keys and bad weights, and warns when shares do not add up', async () => {
    const report = await importFiles(
      store,
      csv('schule;stadtteil;anteil\nS1;T9;60\nS2;T3;viel\nS1;T2;30\n'),
      mapping,
      { apply: false, acceptExclusions: false },
    );
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UnknownArea', row: 2, column: 'stadtteil', found: 'T9' }),
        expect.objectContaining({ code: 'NotANumber', row: 3, column: 'anteil', found: 'viel' }),
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringContaining('S1 add up to 0.3000'),
        }),
      ]),
    );
    await expect(
      importFiles(store, csv('schule;stadtteil;anteil\nS1;T9;60\n'), mapping, {
        apply: true,
        acceptExclusions: false,
      }),
    ).rejects.toThrow(/nothing was written/);
    expect(await store.listCorrespondences('schulbezirk', 'stadtteil')).toEqual([]);
  });
});
