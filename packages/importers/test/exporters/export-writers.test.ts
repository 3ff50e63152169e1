import { describe, expect, it } from 'vitest';
import { withIndicatorDefaults, type StoredObservation } from '@lagebild/core';
import {
  csvNumber,
  exportFileName,
  joinAreaRows,
  valueRows,
  viewRows,
  writeExportCsv,
  writeExportGeoJson,
  type ExportTable,
} from '../../src/exporters/index.ts';

const indicator = {
  ...withIndicatorDefaults({
    id: 'quote',
    name: 'Quote',
    unit: '%',
    kind: 'share',
    source: 'Amt, "Tabelle 1"',
  }),
  nameEn: 'Rate',
  version: 1,
};

const value = (areaKey: string, v: number | null, extra: Partial<StoredObservation> = {}) =>
  ({
    indicatorId: 'quote',
    levelId: 'gemeinde',
    areaKey,
    period: '2020',
    value: v,
    numerator: null,
    denominator: null,
    status: v === null ? 'missing' : 'final',
    missingReason: v === null ? 'secret' : null,
    batchId: 1,
    ...extra,
  }) as StoredObservation;

const areas = [
  { key: '01002', name: 'Zell' },
  { key: '01001', name: 'Aach' },
  { key: '01010', name: 'Bach' },
  { key: '01003', name: 'Äpfelstadt' },
];
const values = [value('01001', 12.5), value('01002', null), value('01003', 1e-7), value('09999', 3)];

const table = (rows = joinAreaRows(areas, values, '2020')): ExportTable => ({
  indicator,
  level: { id: 'gemeinde', name: 'Gemeinden' },
  parent: { key: '010', name: 'Kreis Ä' },
  period: '2020',
  rows,
  exportedAt: '2026-01-02',
});

describe('the rows of an export', () => {
  it('joins the areas shown with the values: no value row is nodata, values of other areas are left out', () => {
    const rows = joinAreaRows(areas, values, '2020');
    expect(rows.map((r) => [r.areaKey, r.value, r.status, r.missingReason])).toEqual([
      ['01002', null, 'missing', 'secret'],
      ['01001', 12.5, 'final', null],
      ['01010', null, 'nodata', null],
      ['01003', 1e-7, 'final', null],
    ]);
    expect(rows[2]!.period).toBe('2020');
  });

  it('filters and sorts like the table: German collation, areas without a value last either way', () => {
    const rows = joinAreaRows(areas, values, '2020');
    expect(viewRows(rows, {}).map((r) => r.areaName)).toEqual(['Aach', 'Äpfelstadt', 'Bach', 'Zell']);
    const byValue = (direction: 'asc' | 'desc') =>
      viewRows(rows, { sort: { column: 'value', direction } }).map((r) => r.areaKey);
    expect(byValue('asc')).toEqual(['01003', '01001', '01010', '01002']);
    expect(byValue('desc')).toEqual(['01001', '01003', '01010', '01002']);
    expect(viewRows(rows, { filter: ' ACH ' }).map((r) => r.areaName)).toEqual(['Aach', 'Bach']);
    expect(viewRows(rows, { filter: '0101' }).map((r) => r.areaKey)).toEqual(['01010']);
  });

  it('keeps stored values as they are for the CLI, named where the area is known', () => {
    const rows = valueRows(values, new Map([['01001', 'Aach']]));
    expect(rows.map((r) => [r.areaKey, r.areaName])).toEqual([
      ['01001', 'Aach'],
      ['01002', null],
      ['01003', null],
      ['09999', null],
    ]);
  });
});

describe('the writers', () => {
  it('writes numbers at full precision without exponents, in either locale', () => {
    expect(csvNumber(1e-7, 'de')).toBe('0,0000001');
    expect(csvNumber(2.7978, 'de')).toBe('2,7978');
    expect(csvNumber(2.7978, 'en')).toBe('2.7978');
    expect(csvNumber(Number.NaN, 'de')).toBe('');
  });

  it('writes CSV with quoted text where needed; English titles and names with locale en', () => {
    const de = writeExportCsv(table(), 'de').split('\r\n');
    expect(de[2]).toBe('01001;Aach;2020;12,5;final;;;;Quote;%;"Amt, ""Tabelle 1""";2026-01-02');
    expect(de[1]).toBe('01002;Zell;2020;;missing;secret;;;Quote;%;"Amt, ""Tabelle 1""";2026-01-02');
    const en = writeExportCsv(table(), 'en').split('\r\n');
    expect(en[0]).toBe(
      '\uFEFFKey,Area,Period,Value,Status,Reason,Numerator,Denominator,Indicator,Unit,Source,Exported',
    );
    expect(en[4]).toBe('01003,Äpfelstadt,2020,0.0000001,final,,,,Rate,%,"Amt, ""Tabelle 1""",2026-01-02');
  });

  it('writes GeoJSON with the selection in metadata and source and date in every feature', () => {
    const geo = writeExportGeoJson(
      { ...table(), geometries: new Map([['01001', { type: 'Point', coordinates: [9, 54] }]]) },
      'de',
    );
    expect(geo.metadata).toMatchObject({
      indicator: 'quote',
      name: 'Quote',
      parent: { key: '010', name: 'Kreis Ä' },
      period: '2020',
      exportedAt: '2026-01-02',
    });
    expect(geo.features[1]).toMatchObject({
      id: '01001',
      geometry: { type: 'Point' },
      properties: { value: 12.5, source: 'Amt, "Tabelle 1"', exportedAt: '2026-01-02' },
    });
    expect(geo.features[0]).toMatchObject({
      geometry: null,
      properties: { value: null, status: 'missing', missingReason: 'secret' },
    });
  });

  it('names files after indicator, level, parent and period, safe for every file system', () => {
    expect(exportFileName(table(), 'xlsx')).toBe('lagebild_quote_gemeinde_010_2020.xlsx');
    expect(exportFileName({ ...table(), parent: null, period: null }, 'csv')).toBe(
      'lagebild_quote_gemeinde.csv',
    );
  });
});
