import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/readers/detect-format.ts';
import { fixture, utf8 } from './data-paths.ts';

function sqliteHeader(applicationId: number): Uint8Array {
  const bytes = new Uint8Array(100);
  bytes.set(utf8('SQLite format 3\0'));
  new DataView(bytes.buffer).setUint32(68, applicationId);
  return bytes;
}

describe('detectFormat', () => {
  it('sniffs the GENESIS formats by content, whatever the name', () => {
    expect(detectFormat('export.txt', fixture('12411-01-01-4-excerpt.latin1.csv'))).toBe('genesis-classic');
    expect(detectFormat('data.csv', fixture('12411-01-01-4-excerpt_de_flat.csv'))).toBe('genesis-flat');
    expect(detectFormat('stadtteile.csv', fixture('stadtteile-made-up.csv'))).toBe('csv');
  });

  it('tells an XLSX from a zipped shapefile by the entries', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').getCell('A1').value = 1;
    const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(detectFormat('upload.bin', xlsx)).toBe('xlsx');
    const shapes = zipSync({ 'lor/plr.shp': new Uint8Array(8), 'lor/plr.dbf': new Uint8Array(8) });
    expect(detectFormat('lor.zip', shapes)).toBe('shapefile-zip');
    expect(detectFormat('other.zip', zipSync({ 'a.txt': strToU8('x') }))).toBe('unknown');
    expect(detectFormat('cut.xlsx', xlsx.subarray(0, 200))).toBe('xlsx');
  });

  it('recognises GeoPackage, GeoJSON and shapefiles', () => {
    expect(detectFormat('areas.gpkg', sqliteHeader(0))).toBe('geopackage');
    expect(detectFormat('areas.db', sqliteHeader(0x47504b47))).toBe('geopackage');
    expect(detectFormat('plain.sqlite', sqliteHeader(0))).toBe('unknown');
    expect(detectFormat('a.json', utf8(' {"type":"FeatureCollection","features":[]}'))).toBe('geojson');
    const shp = new Uint8Array(100);
    new DataView(shp.buffer).setInt32(0, 9994);
    expect(detectFormat('noext', shp)).toBe('shapefile');
    expect(detectFormat('a.shp', new Uint8Array(4))).toBe('shapefile');
  });

  it('says unknown for binary it does not know', () => {
    expect(detectFormat('x.bin', new Uint8Array([0, 1, 2, 3, 0]))).toBe('unknown');
  });
});
