import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isDomainError, type ImportReport } from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { importFiles, type SourceFile } from '../../src/index.ts';
import { snapshot } from './store-snapshot.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const file = (path: string, name = path.split('/').pop()!): SourceFile => ({
  name,
  bytes: readFileSync(new URL(path, fixtures)),
});
const shapefileParts = (withPrj: boolean): SourceFile[] =>
  ['shp', 'dbf', 'cpg', 'shx', ...(withPrj ? ['prj'] : [])].map((ext) => file(`geo/three-gemeinden.${ext}`));

const areaMapping = {
  format: 'shapefile',
  level: { id: 'gemeinde', name: 'Gemeinden', kind: 'administrative' },
  key: { property: 'AGS', pad: 8 },
  name: { property: 'GEN' },
};
const valueMapping = (extra: Record<string, unknown> = {}) => ({
  format: 'csv',
  level: 'gemeinde',
  area: { column: 'ags', pad: 8 },
  layout: 'long',
  period: { column: 'jahr' },
  indicator: 'einwohner',
  value: { column: 'wert' },
  decimal: ',',
  indicators: [{ id: 'einwohner', name: 'Einwohner', unit: 'Personen', kind: 'count' }],
  ...extra,
});
const csv = (text: string, name = 'werte.csv'): SourceFile => ({ name, bytes: Buffer.from(text, 'utf8') });

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-cycle-'));
  store = await openStore(`sqlite:${join(dir, 'cycle.db')}`);
  await store.migrate();
  await importFiles(store, shapefileParts(true), areaMapping, { apply: true, acceptExclusions: false });
  await importFiles(store, [csv('ags;jahr;wert\n9999001;2020;1.234\n9999002;2020;567\n')], valueMapping(), {
    apply: true,
    acceptExclusions: false,
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Applies and expects a refusal that leaves the store exactly as it was; returns the report. */
async function expectRefused(files: SourceFile[], mapping: unknown): Promise<ImportReport> {
  const before = await snapshot(store);
  const dry = await importFiles(store, files, mapping, { apply: false, acceptExclusions: false });
  expect(dry.errors).toBeGreaterThan(0);
  const error = await importFiles(store, files, mapping, { apply: true, acceptExclusions: false }).catch(
    (e: unknown) => e,
  );
  expect(isDomainError(error) && error.code).toBe('ImportInvalid');
  expect(await snapshot(store)).toEqual(before);
  expect((await store.listBatches()).length).toBe(2);
  return dry;
}

describe('the import cycle refuses bad input and leaves the store unchanged', () => {
  it('reports unknown area keys and text in number columns with file, row, column, expected and found', async () => {
    const report = await expectRefused(
      [csv('ags;jahr;wert\n9999001;2021;1.300\n9999009;2021;10\n9999002;2021;viele\n')],
      valueMapping(),
    );
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'UnknownArea',
          file: 'werte.csv',
          row: 3,
          column: 'ags',
          found: '09999009',
        }),
        expect.objectContaining({
          code: 'NotANumber',
          file: 'werte.csv',
          row: 4,
          column: 'wert',
          expected: expect.stringContaining('number'),
          found: 'viele',
        }),
      ]),
    );
  });

  it('applies only the valid rows when the user accepts the listed exclusions', async () => {
    const report = await importFiles(
      store,
      [csv('ags;jahr;wert\n9999001;2021;1.300\n9999009;2021;10\n')],
      valueMapping(),
      {
        apply: true,
        acceptExclusions: true,
      },
    );
    expect(report).toMatchObject({ dryRun: false, excludedRows: 1 });
    expect(report.diff.observations.inserted).toBe(1);
    const values = await store.getValues({ indicatorId: 'einwohner', levelId: 'gemeinde', period: '2021' });
    expect(values.map((v) => [v.areaKey, v.value])).toEqual([['09999001', 1300]]);
  });

  it('refuses a file whose declared encoding is wrong', async () => {
    const latin1 = file('tabular/12411-01-01-4-excerpt.latin1.csv');
    const mapping = {
      format: 'genesis-classic',
      encoding: 'utf-8',
      level: 'gemeinde',
      area: { column: 'key', keep: '^\\d{8}$' },
      layout: 'wide',
      values: [{ columns: '^(?<period>\\d{2}\\.\\d{2}\\.\\d{4}) \\| Insgesamt$', indicator: 'einwohner' }],
    };
    const report = await expectRefused([latin1], mapping);
    expect(report.issues[0]).toMatchObject({
      code: 'EncodingMismatch',
      file: '12411-01-01-4-excerpt.latin1.csv',
    });
    // Accepting exclusions does not help: the whole file is suspect.
    const error = await importFiles(store, [latin1], mapping, { apply: true, acceptExclusions: true }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error) && error.code).toBe('ImportInvalid');
  });

  it('refuses a truncated CSV', async () => {
    const report = await expectRefused([csv('ags;jahr;wert\n9999001;2022;5\n9999002;20')], valueMapping());
    expect(report.issues.map((i) => i.code)).toContain('TruncatedFile');
  });

  it('refuses a truncated XLSX with a clear message', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Daten');
    sheet.addRows([
      ['ags', 'jahr', 'wert'],
      ['09999001', 2022, 5],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await snapshot(store);
    const error = await importFiles(
      store,
      [{ name: 'werte.xlsx', bytes: bytes.subarray(0, Math.floor(bytes.length * 0.6)) }],
      valueMapping({ format: 'xlsx', decimal: '.' }),
      {
        apply: true,
        acceptExclusions: false,
      },
    ).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('FileUnreadable');
    expect((error as Error).message).toContain('werte.xlsx');
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses a shapefile without .prj unless the mapping names the CRS', async () => {
    const report = await expectRefused(shapefileParts(false), areaMapping);
    expect(report.issues[0]).toMatchObject({ code: 'MissingProjection', file: 'three-gemeinden.prj' });
    const withCrs = await importFiles(
      store,
      shapefileParts(false),
      { ...areaMapping, sourceCrs: 'EPSG:25832' },
      { apply: false, acceptExclusions: false },
    );
    expect(withCrs.errors).toBe(0);
  });
});

describe('undo of a batch', () => {
  it('restores the previous state exactly, values and areas alike', async () => {
    const before = await snapshot(store);
    const update = await importFiles(
      store,
      [csv('ags;jahr;wert\n9999001;2020;1.250\n9999003;2020;-\n9999002;2021;570\n')],
      valueMapping(),
      {
        apply: true,
        acceptExclusions: false,
      },
    );
    expect(update.diff.observations).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    const missing = await store.getValues({
      indicatorId: 'einwohner',
      levelId: 'gemeinde',
      period: '2020',
      areaKeys: ['09999003'],
    });
    expect(missing[0]).toMatchObject({ value: null, status: 'missing', missingReason: 'nothing' });
    expect(await snapshot(store)).not.toEqual(before);
    await store.undoBatch(update.batchId!);
    expect(await snapshot(store)).toEqual(before);
  });

  it('restores areas replaced by a re-import of the same level', async () => {
    const before = await snapshot(store);
    const renamed = await importFiles(
      store,
      [{ name: 'g.geojson', bytes: readFileSync(new URL('geo/three-gemeinden-25832.geojson', fixtures)) }],
      {
        format: 'geojson',
        level: { id: 'gemeinde', name: 'Gemeinden (neu)', kind: 'administrative' },
        key: { property: 'AGS', pad: 8 },
        name: { property: 'BEZ' },
      },
      { apply: true, acceptExclusions: false },
    );
    expect(renamed.diff.areas.updated).toBe(3);
    await store.undoBatch(renamed.batchId!);
    expect(await snapshot(store)).toEqual(before);
  });
});
