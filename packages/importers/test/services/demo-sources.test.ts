import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  CategoryLookup,
  parseCategoryTree,
  pointInPolygon,
  isPolygonal,
  type DirectoryEntry,
} from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { importFiles, loadMappingFile, loadSourceFiles } from '../../src/index.ts';

const DEMO = fileURLToPath(new URL('../../../../demo/', import.meta.url));
const WEGWEISER = ['berlin-kitas-wegweiser', 'berlin-jugendfreizeit-wegweiser', 'berlin-pflege-wegweiser'];

async function importMapping(store: Store, path: string, vars: Record<string, string> = {}) {
  const { raw, dataPath } = loadMappingFile(join(DEMO, path), vars);
  const files = dataPath ? loadSourceFiles(dataPath) : [{ name: 'catalogue.yaml', bytes: new Uint8Array() }];
  return importFiles(store, files, raw, { apply: true, acceptExclusions: false });
}

describe('the Berlin facility registers as Wegweiser entries (demo copies of Berlin Open Data)', () => {
  let dir: string;
  let store: Store;
  let entries: DirectoryEntry[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-services-'));
    store = await openStore(`sqlite:${join(dir, 'w.db')}`);
    await store.migrate();
    for (const name of WEGWEISER) {
      const report = await importMapping(store, `mappings/${name}.yaml`);
      expect([report.errors, report.warnings], name).toEqual([0, 0]);
    }
    entries = await store.listDirectoryEntries({ publicOn: '2024-01-01' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 2,880 Kitas, 407 youth centres and 274 care homes, every one with a location', () => {
    const bySource = (id: string) => entries.filter((e) => e.service.source === id);
    expect(bySource('berlin-kitas')).toHaveLength(2880);
    expect(bySource('berlin-jugendfreizeit')).toHaveLength(407);
    expect(bySource('berlin-pflege')).toHaveLength(274);
    expect(entries.every((e) => e.facility?.location && e.provider && e.source?.attribution)).toBe(true);
  });

  it('the 274 care homes hold 31,154 places, and the Kitas 194,979', () => {
    const places = (id: string) =>
      entries.filter((e) => e.service.source === id).reduce((sum, e) => sum + e.service.capacity!, 0);
    expect(places('berlin-pflege')).toBe(31154);
    expect(places('berlin-kitas')).toBe(194979);
  });

  it('maps one Kita completely: address, provider, coordinates reprojected from EPSG:25833, description', () => {
    const kita = entries.find((e) => e.service.id === 'berlin-kitas:01010010')!;
    expect(kita.service).toMatchObject({
      name: 'Kita F.A.I.R.play',
      categoryId: 'kita',
      capacity: 69,
      targetGroups: ['children', 'parents'],
      lifePhases: ['childhood'],
      website: 'http://www.gfj-berlin.de',
      contact: { phone: '281 64 73', email: null, person: null },
      lastVerified: '2022-12-01',
      status: 'published',
      description: 'Kindertagesstätte mit 69 Plätzen. Pädagogischer Ansatz: Offene-Arbeit/Situationsansatz.',
      attributes: { ang_1: 'Offene-Arbeit/Situationsansatz', ang_2: null },
    });
    expect(kita.facility!.address).toEqual({
      street: 'Albrechtstr.',
      houseNumber: '20',
      postcode: '10117',
      city: 'Berlin',
      district: 'Mitte',
    });
    // UTM 33N (390387.4, 5820383.1): Albrechtstraße 20 in Berlin-Mitte.
    expect(kita.facility!.location).toEqual({ lon: 13.384393, lat: 52.522516 });
    expect(kita.provider).toMatchObject({
      id: 'berlin-kitas:provider:1224',
      name: 'GFJ - gemeinnützige Gesellschaft für Familien- und Jugendhilfe mbH',
      kind: 'non-profit',
      umbrella: null,
    });
  });

  it('classifies providers: Kita Eigenbetriebe are public, church Kitas name their umbrella association', () => {
    const kitas = entries.filter((e) => e.service.source === 'berlin-kitas');
    expect(kitas.filter((e) => e.provider!.kind === 'public')).toHaveLength(284);
    expect(kitas.filter((e) => e.provider!.umbrella === 'Diakonie')).toHaveLength(239);
    const youth = entries.filter((e) => e.service.source === 'berlin-jugendfreizeit');
    expect(youth.filter((e) => e.service.categoryId === 'play-and-adventure')).toHaveLength(40);
    expect(youth.filter((e) => e.provider!.kind === 'public')).toHaveLength(98);
  });

  it('every category the demo mappings use is in the shipped category tree', () => {
    const tree = new CategoryLookup(
      parseCategoryTree(parseYaml(readFileSync(join(DEMO, 'directory/categories.yaml'), 'utf8'))),
    );
    const used = new Set(entries.map((e) => e.service.categoryId));
    expect([...used].sort()).toEqual(['care-inpatient', 'kita', 'play-and-adventure', 'youth-centre']);
    for (const id of used) expect(tree.has(id), id).toBe(true);
    const groups = new Set(tree.tree.targetGroups.map((g) => g.id));
    for (const e of entries) for (const g of e.service.targetGroups) expect(groups.has(g), g).toBe(true);
  });

  it('importing the same register again changes nothing; undo removes the source', async () => {
    const again = await importMapping(store, 'mappings/berlin-pflege-wegweiser.yaml');
    expect(again.diff.directory!.services).toEqual({ inserted: 0, updated: 0, unchanged: 274, withdrawn: 0 });
    await store.undoBatch(again.batchId!);
    const first = (await store.listBatches()).find(
      (b) => b.file === 'pflegeeinrichtungen.geojson' && b.status === 'applied',
    )!;
    await store.undoBatch(first.id);
    const left = await store.listDirectoryEntries();
    expect(left.some((e) => e.service.source === 'berlin-pflege')).toBe(false);
    expect(left).toHaveLength(2880 + 407);
    await importMapping(store, 'mappings/berlin-pflege-wegweiser.yaml');
  });

  it('places per Bezirk from the points import equal the directory entries counted into each Bezirk', async () => {
    await importMapping(store, 'mappings/berlin-bezirke.yaml');
    await importMapping(store, 'directory/catalogue.yaml');
    for (const m of ['berlin-kitas-punkte', 'berlin-jugendfreizeit-punkte'])
      expect((await importMapping(store, `mappings/${m}.yaml`, { level: 'berlin-bezirk' })).errors).toBe(0);
    const bezirke = await store.listAreas('berlin-bezirk', { withGeometry: true });
    const places = await store.getValues({ indicatorId: 'kita_plaetze_berlin', levelId: 'berlin-bezirk' });
    const count = await store.getValues({ indicatorId: 'kitas_berlin', levelId: 'berlin-bezirk' });
    expect(places.reduce((s, v) => s + v.value!, 0)).toBe(194979);
    expect(count.reduce((s, v) => s + v.value!, 0)).toBe(2880);
    const kitas = entries.filter((e) => e.service.source === 'berlin-kitas');
    for (const bezirk of bezirke) {
      const inside = kitas.filter(
        (e) =>
          isPolygonal(bezirk.geometry) &&
          pointInPolygon([e.facility!.location!.lon, e.facility!.location!.lat], bezirk.geometry),
      );
      expect(places.find((v) => v.areaKey === bezirk.key)?.value, bezirk.name).toBe(
        inside.reduce((s, e) => s + e.service.capacity!, 0),
      );
    }
    const youth = await store.getValues({ indicatorId: 'jugendfreizeit_berlin', levelId: 'berlin-bezirk' });
    expect(youth.reduce((s, v) => s + v.value!, 0)).toBe(407);
  });
});

const SHARED = fileURLToPath(
  new URL('../../../../../shared/data/berlin-social-facilities/', import.meta.url),
);
const COPIES: [string, string][] = [
  ['kitas/kindertagesstaetten.geojson', 'data/berlin-einrichtungen/kindertagesstaetten.geojson'],
  [
    'jugendfreizeiteinrichtungen/jugendfreizeiteinrichtungen.geojson',
    'data/berlin-einrichtungen/jugendfreizeiteinrichtungen.geojson',
  ],
  ['pflegeeinrichtungen/pflegeeinrichtungen.geojson', 'data/berlin-pflege/pflegeeinrichtungen.geojson'],
];

describe.skipIf(!existsSync(SHARED))(
  'the demo copies of shared/data/berlin-social-facilities (skipped when that folder is absent)',
  () => {
    it('are byte-for-byte the files in shared/data', () => {
      for (const [shared, demo] of COPIES)
        expect(readFileSync(join(DEMO, demo)).equals(readFileSync(join(SHARED, shared))), demo).toBe(true);
    });
  },
);
