import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError, type ImportReport } from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { importFiles, type SourceFile } from '../../src/index.ts';

const BASE = [
  { id: 'einwohner', name: 'Einwohner', unit: 'Personen', kind: 'count' },
  { id: 'flaeche', name: 'Fläche', unit: 'km²', kind: 'count' },
];
const catalogue = (...indicators: Record<string, unknown>[]) => ({ format: 'catalogue', indicators });
const dichte = (formula: string) => ({
  id: 'dichte',
  name: 'Einwohner je km²',
  unit: 'je km²',
  kind: 'rate',
  formula,
});
const csv = (text: string): SourceFile => ({ name: 'werte.csv', bytes: Buffer.from(text, 'utf8') });

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-derived-'));
  store = await openStore(`sqlite:${join(dir, 'derived.db')}`);
  await store.migrate();
  await importFiles(store, [], catalogue(...BASE), { apply: true, acceptExclusions: false });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A dry run with findings, and the refusal of the apply, which writes nothing. */
async function refused(files: SourceFile[], mapping: unknown): Promise<ImportReport> {
  const dry = await importFiles(store, files, mapping, { apply: false, acceptExclusions: false });
  const error = await importFiles(store, files, mapping, { apply: true, acceptExclusions: true }).catch(
    (e: unknown) => e,
  );
  expect(isDomainError(error) && error.code).toBe('ImportInvalid');
  expect(await store.listBatches()).toHaveLength(1);
  return dry;
}

describe('derived indicators in the catalogue', () => {
  it('stores a formula over indicators of the stored catalogue and of the same file', async () => {
    const report = await importFiles(
      store,
      [],
      catalogue(dichte('einwohner / flaeche'), {
        id: 'dichte_1000',
        name: 'Einwohner je 1.000 km²',
        unit: 'je 1.000 km²',
        kind: 'rate',
        formula: '1000 * dichte',
      }),
      { apply: true, acceptExclusions: false },
    );
    expect(report.errors).toBe(0);
    expect((await store.getIndicator('dichte'))?.formula).toBe('einwohner / flaeche');
    expect((await store.getIndicator('dichte_1000'))?.formula).toBe('1000 * dichte');
  });

  it('refuses a formula that does not parse, naming the indicator and the position', async () => {
    const report = await refused([], catalogue(dichte('einwohner / (flaeche')));
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'InvalidFormula',
        severity: 'error',
        row: null,
        column: 'formula',
        found: 'einwohner / (flaeche',
        message: expect.stringContaining('Indicator "dichte"'),
      }),
    ]);
    expect(await store.getIndicator('dichte')).toBeNull();
  });

  it('refuses eval-style input: the grammar has no calls but its own functions', async () => {
    const report = await refused([], catalogue(dichte('process.exit(1)')));
    expect(report.issues.map((i) => i.code)).toEqual(['InvalidFormula']);
  });

  it('reports each unknown reference as UnknownIndicator', async () => {
    const report = await refused([], catalogue(dichte('einwohner / flaeche_km2 + gibtsnicht')));
    expect(report.issues.map((i) => [i.code, i.found])).toEqual([
      ['UnknownIndicator', 'flaeche_km2'],
      ['UnknownIndicator', 'gibtsnicht'],
    ]);
  });

  it('refuses a cycle, also through the stored catalogue, and names it', async () => {
    await importFiles(store, [], catalogue(dichte('einwohner / flaeche')), {
      apply: true,
      acceptExclusions: false,
    });
    const batches = (await store.listBatches()).length;
    const mapping = catalogue(
      { ...dichte('einwohner / nachbar') },
      { id: 'nachbar', name: 'Nachbar', unit: 'x', kind: 'index', formula: '2 * dichte' },
    );
    const dry = await importFiles(store, [], mapping, { apply: false, acceptExclusions: false });
    expect(dry.issues).toEqual([
      expect.objectContaining({ code: 'InvalidFormula', found: 'dichte → nachbar → dichte' }),
    ]);
    await expect(
      importFiles(store, [], mapping, { apply: true, acceptExclusions: true }),
    ).rejects.toMatchObject({ code: 'ImportInvalid' });
    expect(await store.listBatches()).toHaveLength(batches);

    const self = await importFiles(store, [], catalogue(dichte('dichte + 1')), {
      apply: false,
      acceptExclusions: false,
    });
    expect(self.issues.map((i) => [i.code, i.found])).toEqual([['InvalidFormula', 'dichte → dichte']]);
  });

  it('refuses values imported into a derived indicator, naming the first row', async () => {
    await importFiles(store, [], catalogue(dichte('einwohner / flaeche')), {
      apply: true,
      acceptExclusions: false,
    });
    const area = (key: string) => ({
      levelId: 'gemeinde',
      key,
      name: key,
      parentKey: null,
      validFrom: null,
      validTo: null,
      predecessors: [],
      sourceCrs: null,
      geometry: null,
      attributes: {},
    });
    await store.applyBatch({
      file: 'areas',
      format: 'test',
      mapping: null,
      levels: [
        {
          id: 'gemeinde',
          name: 'Gemeinden',
          nameEn: null,
          kind: 'administrative',
          parentLevelId: null,
          sortOrder: 1,
          description: null,
        },
      ],
      areas: [area('01'), area('02')],
      correspondences: [],
      indicators: [],
      observations: [],
    });
    const mapping = {
      format: 'csv',
      level: 'gemeinde',
      area: { column: 'ags' },
      layout: 'long',
      period: { column: 'jahr' },
      indicator: { column: 'indikator' },
      value: { column: 'wert' },
    };
    const files = [
      csv('ags;jahr;indikator;wert\n01;2020;einwohner;10\n01;2020;dichte;5\n02;2020;dichte;6\n'),
    ];
    const dry = await importFiles(store, files, mapping, { apply: false, acceptExclusions: false });
    expect(dry.issues).toContainEqual(
      expect.objectContaining({ code: 'DerivedIndicator', row: 3, found: 'dichte', column: 'wert' }),
    );
    expect(dry.issues.filter((i) => i.code === 'DerivedIndicator')).toHaveLength(1);
    const batches = (await store.listBatches()).length;
    await expect(
      importFiles(store, files, mapping, { apply: true, acceptExclusions: true }),
    ).rejects.toMatchObject({ code: 'ImportInvalid' });
    expect(await store.listBatches()).toHaveLength(batches);
  });
});
