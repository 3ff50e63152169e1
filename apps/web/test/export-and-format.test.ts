import { describe, expect, it } from 'vitest';
import type { Indicator } from '../src/api/types.ts';
import { translate, type MessageKey } from '../src/i18n/i18n.ts';
import type { AreaRow } from '../src/lib/area-rows.ts';
import { csvCell, csvNumber } from '../src/lib/csv.ts';
import { formatNumber, formatPeriod, formatPublishedPeriod, parseUserNumber } from '../src/lib/format.ts';
import { exportFileName, tableCsv } from '../src/lib/table-export.ts';

const row = (key: string, value: number | null, extra: Partial<AreaRow> = {}): AreaRow => ({
  key,
  name: `Gebiet ${key}`,
  parentKey: null,
  value,
  status: value === null ? 'missing' : 'final',
  missingReason: value === null ? 'secret' : null,
  numerator: null,
  denominator: null,
  ...extra,
});

describe('German number and period formats', () => {
  it('formats with the indicator decimals', () => {
    expect(formatNumber(1234567.891, 2, 'de')).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 0, 'en')).toBe('1,234,568');
    expect(formatPeriod('2018-12-31', 'de')).toBe('31.12.2018');
    expect(formatPeriod('2018-03', 'de')).toBe('03.2018');
    expect(formatPeriod('2018', 'en')).toBe('2018');
    // Multi-period totals show their span, never a single year.
    expect(formatPublishedPeriod('2024', '2022', 'de')).toBe('2022–2024');
    expect(formatPublishedPeriod('2024-12-31', undefined, 'de')).toBe('31.12.2024');
  });

  it('reads numbers typed either way', () => {
    expect(parseUserNumber('1.234,5', 'de')).toBe(1234.5);
    expect(parseUserNumber('-0,25', 'de')).toBe(-0.25);
    expect(parseUserNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseUserNumber('2,5', 'en')).toBe(2.5);
    expect(parseUserNumber('abc', 'de')).toBeNull();
  });
});

describe('CSV for German Excel', () => {
  it('writes decimal commas at full precision, keys as text and defuses formulas', () => {
    expect(csvNumber(2.7978)).toBe('2,7978');
    expect(csvNumber(1e-7)).toBe('0,0000001');
    expect(csvCell({ key: '01001' })).toBe('="01001"');
    expect(csvCell({ key: '120615005005' })).toBe('="120615005005"');
    expect(csvCell('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  });

  it('exports the rows with status, reason, source and date', () => {
    const indicator = {
      id: 'x',
      name: 'Quote',
      nameEn: 'Rate',
      unit: '%',
      source: 'Amt; Tabelle 1',
    } as Indicator;
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate('de', key, params);
    const csv = tableCsv({
      indicator,
      levelName: 'Kreise',
      parentName: null,
      period: '2020-12-31',
      rows: [row('01001', 12.5), row('01002', null)],
      lang: 'de',
      t,
      now: new Date('2026-01-02T10:00:00Z'),
    });
    expect(csv.startsWith('\uFEFFGebiet;Schlüssel;Wert (%);Status;Grund;Zähler;Nenner\r\n')).toBe(true);
    expect(csv).toContain('Gebiet 01001;="01001";12,5;endgültig;;;\r\n');
    expect(csv).toContain('Gebiet 01002;="01002";;fehlt;geheim zu halten (.);;\r\n');
    expect(csv).toContain('Quelle;"Amt; Tabelle 1"\r\n');
    expect(csv).toContain('Zeitpunkt;31.12.2020\r\n');
    expect(csv).toContain('Exportiert am;02.01.2026\r\n');
    expect(exportFileName('x', 'kreis', '2020-12-31', 'csv')).toBe('lagebild_x_kreis_2020-12-31.csv');
  });
});
