import type { Table } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { parseTableMapping } from '../../src/mapping/mapping.schema.ts';
import { mapTable } from '../../src/mapping/table-mapping.ts';
import { readCsv } from '../../src/readers/csv.reader.ts';
import { readGenesisClassic } from '../../src/readers/genesis-classic.reader.ts';
import { readGenesisFlat } from '../../src/readers/genesis-flat.reader.ts';
import { fixture, utf8 } from '../readers/data-paths.ts';

const csv = (text: string) => readCsv(utf8(text), { file: 't.csv' });
const long = (extra: Record<string, unknown> = {}) =>
  parseTableMapping({
    format: 'csv',
    level: 'kreis',
    layout: 'long',
    area: { column: 'key' },
    period: { value: '2024-12-31' },
    indicator: 'population_total',
    value: { column: 'value' },
    ...extra,
  });

describe('mapTable, wide layout', () => {
  const table = readGenesisClassic(fixture('12411-01-01-4-excerpt.latin1.csv'), { file: '12411.csv' });
  const mapping = parseTableMapping({
    format: 'genesis-classic',
    level: 'kreis',
    layout: 'wide',
    area: { column: 'key', keep: '^\\d{5}$' },
    values: [
      { columns: '^(?<period>\\d{2}\\.\\d{2}\\.\\d{4}) \\| Insgesamt$', indicator: 'population_total' },
    ],
  });

  it('maps the Insgesamt column of the kept Kreis rows and counts the skipped totals', () => {
    const result = mapTable(table, mapping);
    expect(result.issues).toEqual([]);
    expect(result.skippedRows).toBe(2);
    expect(result.observations[0]).toEqual({
      indicatorId: 'population_total',
      levelId: 'kreis',
      areaKey: '01001',
      period: '2015-12-31',
      value: 85942,
      numerator: null,
      denominator: null,
      status: 'final',
      missingReason: null,
      row: 11,
      column: '31.12.2015 | Insgesamt',
    });
    expect(result.observations.map((o) => o.areaKey)).toEqual(['01001', '01002', '01003', '01004']);
  });

  it('takes the indicator from a column through a map and skips unmapped values', () => {
    const t = readGenesisClassic(utf8(ageTable), { file: 'age.csv' });
    const m = parseTableMapping({
      format: 'genesis-classic',
      level: 'kreis',
      layout: 'wide',
      area: { column: 'key' },
      values: [
        {
          columns: '^Insgesamt \\| Insgesamt$',
          indicator: { column: 'label1', map: { 'unter 3 Jahre': 'pop_u3' } },
          period: { column: 'time' },
        },
      ],
    });
    const result = mapTable(t, m);
    expect(result.observations.map((o) => [o.indicatorId, o.areaKey, o.period, o.value])).toEqual([
      ['pop_u3', '01001', '2015-12-31', 2285],
    ]);
    expect(result.skippedRows).toBe(1);
  });

  it('applies a row filter', () => {
    const t = readGenesisClassic(utf8(ageTable), { file: 'age.csv' });
    const m = parseTableMapping({
      format: 'genesis-classic',
      level: 'kreis',
      layout: 'wide',
      area: { column: 'key' },
      values: [
        {
          columns: '^Deutsche',
          indicator: 'pop_german_3_6',
          period: { value: 2015 },
          filter: { label1: ['3 bis unter 6 Jahre'] },
        },
      ],
    });
    expect(mapTable(t, m).observations.map((o) => [o.period, o.value])).toEqual([['2015', 1800]]);
  });

  it('stops with ColumnMissing when no column matches, listing the columns', () => {
    const m = parseTableMapping({
      ...mappingInput(),
      values: [{ columns: '^Einwohner$', indicator: 'x', period: { value: 2015 } }],
    });
    const result = mapTable(table, m);
    expect(result.observations).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'ColumnMissing', severity: 'error' });
    expect(result.issues[0]!.found).toContain('"31.12.2015 | Insgesamt"');
  });

  it('reports a header period it cannot read', () => {
    const t = csv('key;Bestand 2015/16\n01001;5\n');
    const m = parseTableMapping({
      ...mappingInput('csv'),
      values: [{ columns: '^Bestand (?<period>.+)$', indicator: 'x' }],
    });
    expect(mapTable(t, m).issues[0]).toMatchObject({
      code: 'InvalidPeriod',
      column: 'Bestand 2015/16',
      found: '2015/16',
    });
  });
});

const ageTable = [
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

function mappingInput(format = 'genesis-classic') {
  return { format, level: 'kreis', layout: 'wide', area: { column: 'key' } };
}

describe('mapTable, long layout (ffcsv excerpt)', () => {
  const table = readGenesisFlat(fixture('12411-01-01-4-excerpt_de_flat.csv'), { file: 'flat.csv' });
  const mapping = parseTableMapping({
    format: 'genesis-flat',
    level: 'kreis',
    layout: 'long',
    area: { column: '1_variable_attribute_code', keep: '^\\d{5}$' },
    period: { column: 'time' },
    indicator: {
      column: '2_variable_attribute_code',
      map: { '': 'population_total', GESM: 'population_male' },
    },
    value: { column: 'value' },
  });

  it('maps values, keeps symbols as missing with reason and skips 8-digit keys and unmapped indicators', () => {
    const result = mapTable(table, mapping);
    expect(result.issues).toEqual([]);
    const totals = result.observations.filter((o) => o.indicatorId === 'population_total');
    expect(totals.map((o) => o.areaKey).sort()).toEqual(['01001', '01002', '01003', '03156', '11000']);
    expect(totals.reduce((sum, o) => sum + (o.value ?? 0), 0)).toBe(96326 + 252668 + 216889 + 3685265);
    expect(totals.find((o) => o.areaKey === '03156')).toMatchObject({
      value: null,
      status: 'missing',
      missingReason: 'nothing',
    });
    // 3 Berlin-Mitte rows (8-digit key) + 5 weiblich rows (not in the map).
    expect(result.skippedRows).toBe(3 + 5);
  });
});

describe('mapTable, findings', () => {
  it('reports text in a number column as NotANumber with file, row and column', () => {
    const result = mapTable(csv('key;value\n01001;12\n01002;abc\n01003;.\n'), long());
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'NotANumber',
        file: 't.csv',
        row: 3,
        column: 'value',
        expected: 'number',
        found: 'abc',
      }),
    ]);
    expect(result.observations.map((o) => [o.areaKey, o.value, o.missingReason])).toEqual([
      ['01001', 12, null],
      ['01003', null, 'secret'],
    ]);
  });

  it('reports the same indicator, area and period twice as DuplicateRow naming both rows', () => {
    const result = mapTable(csv('key;value\n01001;12\n01002;3\n01001;13\n'), long());
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'DuplicateRow', row: 4, found: 'rows 2 and 4' });
    expect(result.issues[0]!.message).toContain('rows 2');
    expect(result.observations).toHaveLength(2);
  });

  it('restores leading zeros with pad and reports keys that cannot be padded', () => {
    const result = mapTable(
      csv('key;value\n1001;1\nDG;2\n123456;3\n'),
      long({ area: { column: 'key', pad: 5 } }),
    );
    expect(result.observations.map((o) => o.areaKey)).toEqual(['01001']);
    expect(result.issues.map((i) => [i.code, i.row, i.expected, i.found])).toEqual([
      ['UnknownArea', 3, '5-digit key', 'DG'],
      ['UnknownArea', 4, '5-digit key', '123456'],
    ]);
  });

  it('restores one dropped zero only, so a Land key never becomes a bogus Kreis key', () => {
    const result = mapTable(csv('key;value\n1;1\n10;2\n'), long({ area: { column: 'key', pad: 5 } }));
    expect(result.observations).toEqual([]);
    expect(result.issues.map((i) => i.found)).toEqual(['1', '10']);
  });

  it('skips keys that keep rejects, even when they cannot be padded', () => {
    const result = mapTable(
      csv('key;value\n1001;1\nDG;2\n01;3\n1;4\n'),
      long({ area: { column: 'key', pad: 5, keep: '^\\d{5}$' } }),
    );
    expect(result.issues).toEqual([]);
    expect(result.skippedRows).toBe(3);
    expect(result.observations.map((o) => o.areaKey)).toEqual(['01001']);
  });

  it('maps kreisfreie Städte to their Gemeinde key only through the explicit map', () => {
    const mapping = long({ level: 'gemeinde', area: { column: 'key', kreisfreiToGemeinde: true } });
    const kreisfreieStaedte = new Map([['01001', '01001000']]);
    const result = mapTable(csv('key;value\n01001;1\n01051;2\n01051011;3\n'), mapping, { kreisfreieStaedte });
    expect(result.observations.map((o) => [o.levelId, o.areaKey])).toEqual([
      ['gemeinde', '01001000'],
      ['gemeinde', '01051011'],
    ]);
    expect(result.issues.map((i) => [i.code, i.row, i.found])).toEqual([['AmbiguousKey', 3, '01051']]);
    expect(mapTable(csv('key;value\n01001;1\n'), mapping).issues[0]!.code).toBe('AmbiguousKey');
  });

  it('reports a period cell it cannot read', () => {
    const result = mapTable(
      csv('key;time;value\n01001;Q1/2015;1\n01002;2015;2\n'),
      long({ period: { column: 'time' } }),
    );
    expect(result.issues.map((i) => [i.code, i.row, i.column, i.found])).toEqual([
      ['InvalidPeriod', 2, 'time', 'Q1/2015'],
    ]);
    expect(result.observations.map((o) => o.period)).toEqual(['2015']);
  });

  it('stops with ColumnMissing naming the missing column', () => {
    const result = mapTable(csv('key;wert\n01001;1\n'), long());
    expect(result.observations).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.column])).toEqual([['ColumnMissing', 'value']]);
  });

  it('summarises empty value cells per column as one warning', () => {
    const result = mapTable(csv('key;value\n01001;\n01002;\n01003;4\n'), long());
    expect(result.observations.filter((o) => o.status === 'missing')).toHaveLength(2);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'MissingValue', row: 2, column: 'value' }),
    ]);
    expect(result.issues[0]!.message).toContain('2 empty cell(s)');
  });

  it('never turns a symbol into 0', () => {
    const result = mapTable(
      csv('key;value\n01001;-\n01002;.\n01003;x\n01004;/\n01005;...\n01006;0\n'),
      long(),
    );
    expect(result.observations.map((o) => [o.value, o.status, o.missingReason])).toEqual([
      [null, 'missing', 'nothing'],
      [null, 'missing', 'secret'],
      [null, 'missing', 'not_meaningful'],
      [null, 'missing', 'unreliable'],
      [null, 'missing', 'later'],
      [0, 'final', null],
    ]);
  });
});

describe('mapTable, numbers, quality, numerator and denominator', () => {
  it('detects the decimal mark per column: 1.234 is 1234 next to 7,5 and 1.5 next to 2.25', () => {
    const t = csv('key;a;b\n01001;1.234;1.5\n01002;7,5;2.25\n');
    const m = parseTableMapping({
      ...mappingInput('csv'),
      values: [
        { columns: '^a$', indicator: 'a', period: { value: 2020 } },
        { columns: '^b$', indicator: 'b', period: { value: 2020 } },
      ],
    });
    expect(mapTable(t, m).observations.map((o) => [o.indicatorId, o.value])).toEqual([
      ['a', 1234],
      ['b', 1.5],
      ['a', 7.5],
      ['b', 2.25],
    ]);
  });

  it('honours a fixed decimal mark', () => {
    const t = csv('key;value\n01001;1.234\n');
    expect(mapTable(t, long({ decimal: '.' })).observations[0]!.value).toBe(1.234);
    expect(mapTable(t, long({ decimal: ',' })).observations[0]!.value).toBe(1234);
  });

  it('reads the status from a quality column and reports unknown codes once', () => {
    const t = csv(
      'key;value;q\n01001;1;e\n01002;2;p\n01003;3;()\n01004;4;\n01005;5;z\n01006;6;z\n01007;-;e\n',
    );
    const result = mapTable(t, long({ quality: { column: 'q', map: { v: 'provisional' } } }));
    expect(result.observations.map((o) => o.status)).toEqual([
      'final',
      'provisional',
      'estimated',
      'final',
      'final',
      'final',
      'missing',
    ]);
    expect(result.issues.map((i) => [i.severity, i.row, i.found])).toEqual([['warning', 6, 'z']]);
  });

  it('reads numerator and denominator in long layout', () => {
    const t = csv('key;rate;num;den\n01001;6,8;68;1000\n01002;.;.;1000\n01003;1;x1;2\n');
    const result = mapTable(
      t,
      long({ value: { column: 'rate' }, numerator: { column: 'num' }, denominator: { column: 'den' } }),
    );
    expect(result.observations.map((o) => [o.value, o.numerator, o.denominator, o.status])).toEqual([
      [6.8, 68, 1000, 'final'],
      [null, null, 1000, 'missing'],
    ]);
    expect(result.issues.map((i) => [i.code, i.row, i.column])).toEqual([['NotANumber', 4, 'num']]);
  });

  it('maps 200,000 rows without losing or reordering any', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({
      line: i + 2,
      cells: [String(i).padStart(8, '0'), `${i},5`],
    }));
    const table: Table = {
      file: 'big.csv',
      encoding: 'utf-8',
      header: ['key', 'value'],
      rows,
      meta: {},
      issues: [],
    };
    const result = mapTable(table, long());
    expect(result.observations).toHaveLength(200_000);
    expect(result.observations[199_999]).toMatchObject({
      areaKey: '00199999',
      value: 199999.5,
      row: 200_001,
    });
    expect(result.issues).toEqual([]);
  });
});
