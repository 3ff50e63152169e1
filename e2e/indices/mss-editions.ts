import { basename, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { importFiles, loadMappingFile, loadSourceFiles, type SourceFile } from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import type { ImportReport } from '@lagebild/core';
import {
  computeIndex,
  crossClasses,
  definitionFor,
  indexInputs,
  indexRowsFromObservations,
  parseCrossClassDefinition,
  parseIndexPreset,
  type IndexResult,
} from '../../packages/core/src/indices/index.ts';
import { readCsv } from '../../packages/core/test/indices/real-data.ts';

/** The inputs of the MSS end-to-end test: the shared raw data and the product's own mappings and presets. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(ROOT, '../shared/data');
export const MSS_DIR = join(SHARED, 'berlin-mss-2013-2021-open-lifeworlds');
export const LOR_DIR = join(SHARED, 'berlin-lor-geodata');
export const LOR_2021_CSV = join(SHARED, 'berlin-mss-2021-tables-manual/LOR_2021.csv');
export const WFS_INDICES = join(SHARED, 'berlin-mss-2021-wfs/raw/mss_2021_indizes.csv');
export const hasMssData = [MSS_DIR, LOR_DIR, LOR_2021_CSV, WFS_INDICES].every((p) => existsSync(p));

export interface Edition {
  edition: string;
  /** Reference date of the edition's data. */
  period: string;
  level: 'berlin-plr' | 'berlin-plr-2021';
}

export const EDITIONS: Edition[] = [
  { edition: '2013', period: '2012-12-31', level: 'berlin-plr' },
  { edition: '2015', period: '2014-12-31', level: 'berlin-plr' },
  { edition: '2017', period: '2016-12-31', level: 'berlin-plr' },
  { edition: '2019', period: '2018-12-31', level: 'berlin-plr' },
  { edition: '2021', period: '2020-12-31', level: 'berlin-plr-2021' },
];

/**
 * Runs one mapping through the product's import cycle (apply); a refused import fails with its
 * findings. `files` replaces the mapping's own `file:` (the demo copies) by the shared raw data.
 */
export async function importMapping(
  store: Store,
  mapping: string,
  files: (dataPath: string | null) => SourceFile[],
  vars: Record<string, string> = {},
  adjust: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw,
): Promise<ImportReport> {
  const { raw, dataPath } = loadMappingFile(join(ROOT, mapping), vars);
  const report = await importFiles(store, files(dataPath), adjust(raw), {
    apply: true,
    acceptExclusions: false,
  });
  if (report.batchId === null || report.errors > 0) {
    const findings = report.issues.filter((i) => i.severity === 'error').slice(0, 5);
    throw new Error(`${mapping} ${JSON.stringify(vars)}: not applied: ${JSON.stringify(findings)}`);
  }
  return report;
}

export const sharedFile = (dir: string) => (dataPath: string | null) =>
  loadSourceFiles(join(dir, basename(dataPath!)));

/** The catalogue, the PLR of both LOR editions and the index indicators of all five MSS editions. */
export async function importMss(store: Store): Promise<ImportReport[]> {
  const catalogue = join(ROOT, 'demo/catalogue.yaml');
  const reports = [
    await importMapping(store, 'demo/catalogue.yaml', () => [
      { name: 'catalogue.yaml', bytes: readFileSync(catalogue) },
    ]),
    await importMapping(store, 'demo/mappings/berlin-plr.yaml', sharedFile(LOR_DIR)),
    await importMapping(store, 'e2e/indices/berlin-plr-2021.yaml', () => [lor2021AsGeoJson()]),
  ];
  for (const e of EDITIONS) {
    const vars = { edition: e.edition, table: '2-1', level: e.level, period: e.period };
    reports.push(
      await importMapping(store, 'demo/mappings/berlin-mss-indicators.yaml', sharedFile(MSS_DIR), vars),
    );
  }
  return reports;
}

/** LOR_2021.csv (the official hierarchy table) as GeoJSON features without geometry. */
function lor2021AsGeoJson(): SourceFile {
  const features = readCsv(LOR_2021_CSV).map((r) => ({
    type: 'Feature',
    geometry: null,
    properties: {
      id: r['Planungsraum (Nummer)'],
      name: r['Planungsraum (Name)'],
      bzr: r['Bezirksregion (Nummer)'],
      bzrName: r['Bezirksregion (Name)'],
      prognoseraum: r['Prognoseraum (Nummer)'],
      bezirk: r.Bezirk,
    },
  }));
  const json = JSON.stringify({ type: 'FeatureCollection', features });
  return { name: 'LOR_2021.geojson', bytes: new TextEncoder().encode(json) };
}

const presetFile = (name: string) =>
  parseYaml(readFileSync(join(ROOT, 'demo/indices', `${name}.yaml`), 'utf8'));

export interface EditionResult {
  status: IndexResult;
  dynamik: IndexResult;
  gesamt: Map<string, string | null>;
}

/** Reads an edition's values back from the store and computes the MSS presets on them. */
export async function computeEdition(store: Store, e: Edition): Promise<EditionResult> {
  const names = new Map((await store.listAreas(e.level)).map((a) => [a.key, a.name]));
  const run = async (preset: string) => {
    const definition = definitionFor(parseIndexPreset(presetFile(preset)), e.period);
    const observations = (
      await Promise.all(
        indexInputs(definition).map((indicatorId) =>
          store.getValues({ indicatorId, levelId: e.level, period: e.period }),
        ),
      )
    ).flat();
    return computeIndex(definition, indexRowsFromObservations(observations, names));
  };
  const status = await run('berlin-mss-status');
  const dynamik = await run('berlin-mss-dynamik');
  const cross = crossClasses(parseCrossClassDefinition(presetFile('berlin-mss-gesamtindex')), {
    Status: status,
    Dynamik: dynamik,
  });
  return { status, dynamik, gesamt: new Map(cross.map((c) => [c.key, c.code])) };
}

export interface Published {
  key: string;
  status: number;
  dynamik: string;
  gesamt: string;
}

/** The official classes: table 1 of each edition (2013–2019), the WFS index file for 2021. */
export function publishedClasses(e: Edition): Published[] {
  if (e.edition === '2021') {
    return readCsv(WFS_INDICES)
      .filter((r) => r.KOM === 'gültig')
      .map((r) => ({
        key: r.PLR_ID!,
        status: Number(r.SI_N),
        dynamik: r.SDI!.replace(/^\d/, ''),
        gesamt: r.SDI!,
      }));
  }
  return readCsv(join(MSS_DIR, `berlin-lor-monitoring-social-urban-development-${e.edition}-00-1.csv`)).map(
    (r) => ({
      key: r.id!,
      status: Number(r.status_index),
      dynamik: r.dynamic_index!,
      gesamt: r.status_dynamic_index!,
    }),
  );
}
