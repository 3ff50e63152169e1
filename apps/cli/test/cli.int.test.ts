import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, fixtures } from './cli-runner.ts';
import ExcelJS from 'exceljs';

const sandbox = cliSandbox('lagebild-cli-');
const { dir, run: lagebild } = sandbox;

afterAll(() => sandbox.remove());

describe('lagebild CLI', () => {
  it('creates the database with init', () => {
    const r = lagebild('init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(sqlite)');
  });

  it('imports as a dry run by default and writes only with --apply', () => {
    const dry = lagebild('import', join(fixtures, 'kreise.mapping.yaml'), join(fixtures, 'kreise.geojson'));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: nothing was written');
    expect(dry.stdout).toMatch(/areas\s+3 new/);
    const applied = lagebild(
      'import',
      join(fixtures, 'kreise.mapping.yaml'),
      join(fixtures, 'kreise.geojson'),
      '--apply',
    );
    expect(applied.stdout).toContain('applied as batch 1');
    const values = lagebild(
      'import',
      join(fixtures, 'werte.mapping.yaml'),
      join(fixtures, 'werte.csv'),
      '--apply',
      '--json',
    );
    const report = JSON.parse(values.stdout);
    expect(report).toMatchObject({ batchId: 2, encoding: 'windows-1252', errors: 0 });
    expect(report.diff.observations.inserted).toBe(8);
  });

  it('reports errors with row and column and exits non-zero without writing', () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      'Schlüssel;Jahr;Einwohner;Arbeitslose\n01001;2022;abc;1\n09999;2022;5;1\n',
    );
    const r = lagebild('import', join(fixtures, 'werte.mapping.yaml'), join(dir, 'bad.csv'), '--apply');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.csv, row 2, column "Einwohner"');
    expect(r.stdout).toContain('row 3, column "Schlüssel"');
    expect(lagebild('batches').stdout.trim().split('\n')).toHaveLength(2);
  });

  it('exports CSV for German Excel, XLSX and GeoJSON with source and date', async () => {
    expect(lagebild('export', '-i', 'einwohner', '-l', 'kreis', '-o', join(dir, 'e.csv')).code).toBe(0);
    const text = readFileSync(join(dir, 'e.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('01003;Lübeck;2020;216277;final');
    expect(
      lagebild('export', '-i', 'arbeitslose', '-l', 'kreis', '-f', 'xlsx', '-o', join(dir, 'e.xlsx')).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'e.xlsx'));
    expect(workbook.getWorksheet('Daten')!.getRow(4).getCell(6).value).toBe('secret');
    expect(workbook.getWorksheet('Quelle')!.getRow(1).getCell(2).value).toBe('Arbeitslose');
    expect(
      lagebild('export', '-i', 'einwohner', '-l', 'kreis', '-f', 'geojson', '-o', join(dir, 'e.geojson'))
        .code,
    ).toBe(0);
    const geo = JSON.parse(readFileSync(join(dir, 'e.geojson'), 'utf8'));
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0].properties).toMatchObject({ key: '01001', period: '2021', value: 91113 });
  });

  it('undoes a batch and refuses to undo it twice', () => {
    expect(lagebild('undo', '2').stdout).toContain('Batch 2');
    const again = lagebild('undo', '2');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already undone/i);
  });

  it('backs up and restores the SQLite database', () => {
    const backup = join(dir, 'backup.db');
    expect(lagebild('backup', backup).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    lagebild('import', join(fixtures, 'werte.mapping.yaml'), join(fixtures, 'werte.csv'), '--apply');
    expect(lagebild('batches').stdout.trim().split('\n')).toHaveLength(3);
    expect(lagebild('restore', backup).code).toBe(0);
    expect(lagebild('batches').stdout.trim().split('\n')).toHaveLength(2);
    const notABackup = join(dir, 'nope.db');
    writeFileSync(notABackup, 'hello');
    expect(lagebild('restore', notABackup).code).toBe(1);
  });

  it('explains unknown commands and missing files in one line', () => {
    const missing = lagebild('import', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such mapping file');
  });
});
