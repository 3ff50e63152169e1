import { readdirSync } from 'node:fs';
import { DomainError } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { readGenesisClassic } from '../../src/readers/genesis-classic.reader.ts';
import { GENESIS_CLASSIC_DIR, bytesOf, fixture, hasGenesisClassic, utf8 } from './data-paths.ts';

describe('readGenesisClassic on the fixtures', () => {
  it('reads the Latin-1 excerpt: stub columns by content, flattened header, meta, footer cut', () => {
    const table = readGenesisClassic(fixture('12411-01-01-4-excerpt.latin1.csv'), { file: '12411.csv' });
    expect(table.encoding).toBe('windows-1252');
    expect(table.header).toEqual([
      'key',
      'name',
      '31.12.2015 | Insgesamt',
      '31.12.2015 | männlich',
      '31.12.2015 | weiblich',
    ]);
    expect(table.rows[0]).toEqual({
      line: 9,
      cells: ['DG', 'Deutschland', '82175684', '40514123', '41661561'],
    });
    expect(table.rows.map((r) => r.cells[0])).toEqual(['DG', '01', '01001', '01002', '01003', '01004']);
    expect(table.rows[4]!.cells[1]).toBe('Lübeck, Hansestadt, Kreisfreie Stadt');
    expect(table.meta.code).toBe('12411-01-01-4');
    expect(table.meta.title).toBe(
      'Bevölkerungsstand: Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe: Kreise und krfr. Städte Fortschreibung des Bevölkerungsstandes Bevölkerungsstand (Anzahl)',
    );
    expect(table.meta.stand).toBe('2017-12-14');
    expect(table.meta.copyright).toMatch(
      /^© Statistische Ämter des Bundes und der Länder, Deutschland, 2017\./,
    );
    expect(table.meta.notes).toContain('nach dem Zensus 2011');
    expect(table.issues).toEqual([]);
  });

  it('reads three header lines and a time stub column (13211 excerpt)', () => {
    const table = readGenesisClassic(fixture('13211-02-05-4-excerpt.csv'), { file: '13211.csv' });
    expect(table.encoding).toBe('utf-8');
    expect(table.header.slice(0, 6)).toEqual([
      'time',
      'key',
      'name',
      'Arbeitslose | Anzahl',
      'Arbeitslose | Ausländer | Anzahl',
      'Arbeitslose | schwerbehindert | Anzahl',
    ]);
    expect(table.header[10]).toBe('Arbeitslosenquote bez. abh. zivile Erwerbspers. | Prozent');
    expect(table.header[12]).toBe('Arbeitslosenquote bez. auf alle zivile Erwerbsp. | Männer | Prozent');
    expect(table.rows[0]!.cells.slice(0, 3)).toEqual(['2016', 'DG', 'Deutschland']);
  });

  it('reports a file cut in the last row (no footer, short row) as TruncatedFile', () => {
    const text = new TextDecoder().decode(fixture('13211-02-05-4-excerpt.csv'));
    const cut = text.slice(0, text.indexOf('2016;03159;') + 40);
    const table = readGenesisClassic(utf8(cut), { file: 'cut.csv' });
    const truncated = table.issues.filter((i) => i.code === 'TruncatedFile');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ severity: 'error', row: table.rows.at(-1)!.line });
  });

  it('warns when only the footer is missing (cut at a row boundary)', () => {
    const text = new TextDecoder().decode(fixture('13211-02-05-4-excerpt.csv'));
    const table = readGenesisClassic(utf8(text.slice(0, text.indexOf('__________'))), { file: 'cut.csv' });
    expect(table.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'TruncatedFile']]);
  });

  it('names a second text stub column label1 (age groups in 12411-03-03)', () => {
    const text = [
      'GENESIS-Tabelle: 12411-03-03-4',
      'Bevölkerungsstand;;;;;',
      ';;;;Insgesamt;Deutsche',
      ';;;;Insgesamt;Insgesamt',
      '31.12.2015;01001;      Flensburg, Kreisfreie Stadt;unter 3 Jahre;2285;2000',
      '31.12.2015;01001;      Flensburg, Kreisfreie Stadt;3 bis unter 6 Jahre;2003;1800',
      '__________',
      'Stand: 10.10.2017 / 16:36:03',
      '',
    ].join('\n');
    const table = readGenesisClassic(utf8(text), { file: 'x.csv' });
    expect(table.header).toEqual([
      'time',
      'key',
      'name',
      'label1',
      'Insgesamt | Insgesamt',
      'Deutsche | Insgesamt',
    ]);
    expect(table.rows[0]!.cells[2]).toBe('Flensburg, Kreisfreie Stadt');
    expect(table.meta.stand).toBe('2017-10-10');
  });

  it('reports declared UTF-8 on the Latin-1 excerpt as EncodingMismatch, naming line and byte', () => {
    const table = readGenesisClassic(fixture('12411-01-01-4-excerpt.latin1.csv'), {
      file: '12411.csv',
      encoding: 'utf-8',
    });
    expect(table.issues[0]).toMatchObject({
      severity: 'error',
      code: 'EncodingMismatch',
      row: 2,
      found: "0xF6 (looks like Windows-1252: 'ö')",
    });
  });

  it('refuses a file that is not a GENESIS table', () => {
    expect(() => readGenesisClassic(utf8('a;b\n1;2\n'), { file: 'x.csv' })).toThrow(DomainError);
    expect(() => readGenesisClassic(utf8('a;b\n1;2\n'), { file: 'x.csv' })).toThrow(/not a GENESIS table/);
  });
});

describe.skipIf(!hasGenesisClassic)(
  'readGenesisClassic on every real export (skipped: /work/shared/data/genesis-regionalstatistik-csv absent)',
  () => {
    const files = hasGenesisClassic ? readdirSync(GENESIS_CLASSIC_DIR).filter((f) => f.endsWith('.csv')) : [];

    it.each(files)('%s: reads without findings, stub columns named, header unique, footer cut', (file) => {
      const table = readGenesisClassic(bytesOf(GENESIS_CLASSIC_DIR + file), { file });
      expect(table.issues).toEqual([]);
      expect(table.header).toContain('key');
      expect(table.header).toContain('name');
      expect(new Set(table.header).size).toBe(table.header.length);
      expect(table.rows[0]!.cells).toContain('DG');
      expect(table.rows.every((r) => r.cells.length === table.header.length)).toBe(true);
      expect(table.rows.some((r) => r.cells[0]!.startsWith('__'))).toBe(false);
      expect(table.meta.copyright).toContain('Datenlizenz Deutschland');
      expect(table.meta.stand).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.meta.code).toBe(file.replace(/(_00)?\.csv$/, ''));
    });

    it('12411-03-03-4_00.csv has time, key, name and the age group as label1', () => {
      const table = readGenesisClassic(bytesOf(`${GENESIS_CLASSIC_DIR}12411-03-03-4_00.csv`), { file: 'x' });
      expect(table.header.slice(0, 5)).toEqual(['time', 'key', 'name', 'label1', 'Insgesamt | Insgesamt']);
      expect(table.header).toContain('Ausländer(innen) | weiblich');
      expect(table.rows[0]!.cells[3]).toBe('unter 3 Jahre');
    });

    it('declared UTF-8 on the Latin-1 12411-01-01-4.csv is an EncodingMismatch error', () => {
      const table = readGenesisClassic(bytesOf(`${GENESIS_CLASSIC_DIR}12411-01-01-4.csv`), {
        file: 'a',
        encoding: 'utf-8',
      });
      expect(table.issues.filter((i) => i.code === 'EncodingMismatch')).toEqual([
        expect.objectContaining({ severity: 'error', row: 2, found: "0xF6 (looks like Windows-1252: 'ö')" }),
      ]);
    });

    it('the Latin-1 and UTF-8 exports of 12411-01-01-4 give the same 2015 values', () => {
      const latin = readGenesisClassic(bytesOf(`${GENESIS_CLASSIC_DIR}12411-01-01-4.csv`), { file: 'a' });
      const utf = readGenesisClassic(bytesOf(`${GENESIS_CLASSIC_DIR}12411-01-01-4_00.csv`), { file: 'b' });
      expect(latin.encoding).toBe('windows-1252');
      expect(utf.encoding).toBe('utf-8');
      expect(latin.rows.map((r) => r.cells.slice(0, 5))).toEqual(utf.rows.map((r) => r.cells.slice(0, 5)));
      expect(latin.rows.find((r) => r.cells[0] === '01003')!.cells[1]).toBe(
        'Lübeck, Hansestadt, Kreisfreie Stadt',
      );
    });
  },
);
