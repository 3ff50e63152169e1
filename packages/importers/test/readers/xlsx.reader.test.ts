import ExcelJS from 'exceljs';
import { DomainError } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/readers/xlsx.reader.ts';
import { HAMBURG_DIR, bytesOf, hasHamburg } from './data-paths.ts';

/** A small workbook written with exceljs: a notes sheet first, then the data with title rows. */
async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Hinweise').getCell('A1').value = 'Quelle: erfunden';
  const sheet = workbook.addWorksheet('Daten');
  sheet.addRow(['Bevölkerung nach Kreisen (erfundene Werte)']);
  sheet.addRow([]);
  sheet.addRow(['Kreis', 'Name', 'Stichtag', 'Einwohner', 'Quote', 'Summe', 'Name']);
  sheet.addRow([
    1001,
    'Flensburg',
    new Date(Date.UTC(2015, 11, 31)),
    85942,
    6.8,
    { formula: 'D4*2', result: 171884 },
    'x',
  ]);
  sheet.addRow([
    '01002',
    { richText: [{ text: 'Ki' }, { text: 'el' }] },
    '31.12.2015',
    246306,
    0.1 + 0.2,
    null,
    null,
  ]);
  sheet.addRow([]);
  sheet.addRow(['01003', 'Lübeck', null, 1234567.5, { error: '#N/A' }, null, null]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

describe('readXlsx', () => {
  it('reads a sheet by name with header row, cells as plain text and sheet row numbers', async () => {
    const table = await readXlsx(await workbookBytes(), {
      file: 'kreise.xlsx',
      sheet: 'Daten',
      headerRow: 3,
    });
    expect(table.encoding).toBeNull();
    expect(table.header).toEqual(['Kreis', 'Name', 'Stichtag', 'Einwohner', 'Quote', 'Summe', 'Name (2)']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['1001', 'Flensburg', '2015-12-31', '85942', '6.8', '171884', 'x'] },
      { line: 5, cells: ['01002', 'Kiel', '31.12.2015', '246306', '0.30000000000000004', '', ''] },
      { line: 7, cells: ['01003', 'Lübeck', '', '1234567.5', '#N/A', '', ''] },
    ]);
    expect(table.meta).toMatchObject({ sheet: 'Daten', headerRow: '3' });
  });

  it('reads a sheet by 1-based position and a range', async () => {
    const table = await readXlsx(await workbookBytes(), { file: 'k.xlsx', sheet: 2, range: 'A3:B5' });
    expect(table.header).toEqual(['Kreis', 'Name']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['1001', 'Flensburg'] },
      { line: 5, cells: ['01002', 'Kiel'] },
    ]);
    expect(table.meta.range).toBe('A3:B5');
  });

  it('lists the available sheets when the sheet is unknown', async () => {
    const attempt = readXlsx(await workbookBytes(), { file: 'k.xlsx', sheet: 'Tabelle1' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'MappingInvalid' });
    await expect(attempt).rejects.toThrow(/available sheets: 1: "Hinweise", 2: "Daten"/);
  });

  it('rejects a bad range with a clear message', async () => {
    await expect(readXlsx(await workbookBytes(), { file: 'k.xlsx', range: 'F9:A1' })).rejects.toThrow(
      /range "F9:A1" is not an A1-style block/,
    );
  });

  it('turns a truncated workbook into DomainError FileUnreadable, not a zip stack trace', async () => {
    const bytes = await workbookBytes();
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const attempt = readXlsx(cut, { file: 'cut.xlsx' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'FileUnreadable' });
    await expect(attempt).rejects.toThrow(/^cut\.xlsx: not a readable XLSX workbook \(.+\)$/);
  });

  it('turns bytes that are no zip at all into FileUnreadable', async () => {
    await expect(readXlsx(new TextEncoder().encode('a;b\n1;2\n'), { file: 'x.xlsx' })).rejects.toMatchObject({
      code: 'FileUnreadable',
    });
  });
});

describe.skipIf(!hasHamburg)(
  'readXlsx on the Hamburg Stadtteilprofile workbook (skipped: /work/shared/data/hamburg-stadtteilprofile-2014 absent)',
  () => {
    it('reads 107 named rows below a header in row 3, numbers as JS strings', async () => {
      const bytes = bytesOf(`${HAMBURG_DIR}Daten_fuer_die_Stadtteilprofile_2014.xlsx`);
      const table = await readXlsx(bytes, {
        file: 'hamburg.xlsx',
        sheet: 'Stadtteilprofile 2014',
        range: 'A5:BQ111',
        headerRow: 3,
      });
      expect(table.header.slice(0, 3)).toEqual(['Stadtgebiet', 'Bevölkerung', 'Unter 18-Jährige']);
      expect(table.rows).toHaveLength(107);
      expect(table.rows[0]).toMatchObject({ line: 5 });
      expect(table.rows[0]!.cells.slice(0, 4)).toEqual(['Hamburg-Altstadt', '1675', '162', '9.7']);
      expect(table.rows.at(-1)!.cells.slice(0, 2)).toEqual(['Hamburg', '1788994']);
    });
  },
);
