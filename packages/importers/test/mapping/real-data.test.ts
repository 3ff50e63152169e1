import type { PlannedObservation, Table } from '@lagebild/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTableMapping } from '../../src/mapping/mapping.schema.ts';
import { mapTable } from '../../src/mapping/table-mapping.ts';
import { readCsv } from '../../src/readers/csv.reader.ts';
import { readGenesisClassic } from '../../src/readers/genesis-classic.reader.ts';
import { readGenesisFlat } from '../../src/readers/genesis-flat.reader.ts';
import {
  GENESIS_CLASSIC_DIR,
  GENESIS_FLAT_DIR,
  HAMBURG_DIR,
  bytesOf,
  hasGenesisClassic,
  hasGenesisFlat,
  hasHamburg,
} from '../readers/data-paths.ts';

const DG_2015 = 82_175_684;
const classic = (file: string) => readGenesisClassic(bytesOf(GENESIS_CLASSIC_DIR + file), { file });
const sum = (observations: PlannedObservation[]) =>
  observations.reduce((total, o) => total + (o.value ?? 0), 0);

function population2015(
  area: Record<string, unknown>,
  columns = '^(?<period>31\\.12\\.2015) \\| Insgesamt$',
) {
  return parseTableMapping({
    format: 'genesis-classic',
    level: 'kreis',
    layout: 'wide',
    area: { column: 'key', ...area },
    values: [{ columns, indicator: 'population_total' }],
  });
}

/** The source cell an observation came from, to prove where a value (or a 0) was read. */
function sourceCell(table: Table, o: PlannedObservation): string {
  const row = table.rows.find((r) => r.line === o.row)!;
  return row.cells[table.header.indexOf(o.column!)]!;
}

describe.skipIf(!hasGenesisClassic)(
  'classic GENESIS exports mapped (skipped: /work/shared/data/genesis-regionalstatistik-csv absent)',
  () => {
    it('the Latin-1 and the UTF-8 export of 12411-01-01-4 give DG = 82,175,684 and the same Kreis values', () => {
      const latin = mapTable(classic('12411-01-01-4.csv'), population2015({}));
      const utf = mapTable(classic('12411-01-01-4_00.csv'), population2015({}));
      expect(latin.issues).toEqual([]);
      expect(utf.issues).toEqual([]);
      expect(latin.observations.find((o) => o.areaKey === 'DG')).toMatchObject({
        period: '2015-12-31',
        value: DG_2015,
      });
      const values = (r: typeof latin) =>
        r.observations.map((o) => [o.areaKey, o.period, o.value, o.missingReason]);
      expect(values(utf)).toEqual(values(latin));
      expect(latin.observations.filter((o) => /^\d{5}$/.test(o.areaKey))).toHaveLength(471);
    });

    it('keeps the umlauts of the Latin-1 file (Lübeck)', () => {
      const table = classic('12411-01-01-4.csv');
      const luebeck = table.rows.find((r) => r.cells[0] === '01003')!;
      expect(luebeck.cells[1]).toBe('Lübeck, Hansestadt, Kreisfreie Stadt');
      expect(table.rows.some((r) => r.cells[1]!.includes('Ã'))).toBe(false);
    });

    it('Σ over the 5-digit Kreis keys = DG once Hamburg and Berlin, listed only as Länder, are renamed', () => {
      const table = classic('12411-01-01-4.csv');
      const kreise = mapTable(
        table,
        population2015({ keep: '^\\d{5}$', rename: { '02': '02000', '11': '11000' } }),
      );
      expect(kreise.issues).toEqual([]);
      expect(kreise.observations.every((o) => /^\d{5}$/.test(o.areaKey))).toBe(true);
      expect(sum(kreise.observations)).toBe(DG_2015);
      // Without the rename the two city states are missing, not double-counted: DG − Hamburg − Berlin.
      const plain = mapTable(table, population2015({ keep: '^\\d{5}$' }));
      expect(sum(plain.observations)).toBe(DG_2015 - 1_787_408 - 3_520_031);
      expect(plain.skippedRows).toBe(table.rows.length - plain.observations.length);
    });

    it('12411-01-01-5_00 (Gemeinden) maps with keep ^\\d{8}$ for all eight reference dates', () => {
      const table = classic('12411-01-01-5_00.csv');
      const result = mapTable(
        table,
        population2015({ keep: '^\\d{8}$' }, '^(?<period>\\d{2}\\.\\d{2}\\.\\d{4}) \\| Insgesamt$'),
      );
      expect(result.issues).toEqual([]);
      expect(result.observations).toHaveLength(10_253 * 8);
      expect(result.observations.every((o) => /^\d{8}$/.test(o.areaKey))).toBe(true);
      expect(
        result.observations.find((o) => o.areaKey === '01051001' && o.period === '2015-12-31')!.value,
      ).toBe(3482);
      const missing = result.observations.filter((o) => o.status === 'missing');
      expect(missing.every((o) => o.value === null && o.missingReason !== null)).toBe(true);
    });

    it('12411-03-03-4_00: the age group in label1 becomes the indicator through a map', () => {
      const mapping = parseTableMapping({
        format: 'genesis-classic',
        level: 'kreis',
        layout: 'wide',
        area: { column: 'key', keep: '^\\d{5}$' },
        values: [
          {
            columns: '^Insgesamt \\| Insgesamt$',
            indicator: {
              column: 'label1',
              map: { 'unter 3 Jahre': 'population_u3', '3 bis unter 6 Jahre': 'population_3_6' },
            },
            period: { column: 'time' },
          },
        ],
      });
      const result = mapTable(classic('12411-03-03-4_00.csv'), mapping);
      expect(result.issues).toEqual([]);
      expect(result.observations.filter((o) => o.indicatorId === 'population_u3')).toHaveLength(471);
      const flensburg = result.observations
        .filter((o) => o.areaKey === '01001')
        .map((o) => [o.indicatorId, o.value]);
      expect(flensburg).toEqual([
        ['population_u3', 2264],
        ['population_3_6', 2240],
      ]);
    });

    describe('13211-02-05-4_00: published quotas and symbols', () => {
      // Read when the tests run, not when they are collected: collection happens even when skipped.
      let table: Table;
      let result: ReturnType<typeof mapTable>;
      beforeAll(() => {
        table = classic('13211-02-05-4_00.csv');
        result = mapTable(table, mapping);
      });
      const mapping = parseTableMapping({
        format: 'genesis-classic',
        level: 'kreis',
        layout: 'wide',
        area: { column: 'key', keep: '^\\d{5}$' },
        values: [
          { columns: '^Arbeitslose \\| Anzahl$', indicator: 'unemployed', period: { column: 'time' } },
          {
            columns: '^Arbeitslosenquote bez\\. abh\\. zivile Erwerbspers\\. \\| Prozent$',
            indicator: 'unemployment_rate_dependent',
            period: { column: 'time' },
          },
          {
            columns: '^Arbeitslosenquote bez\\. auf alle zivile Erwerbsp\\. \\| Prozent$',
            indicator: 'unemployment_rate',
            period: { column: 'time' },
          },
        ],
      });
      const find = (indicator: string, key: string, period: string) =>
        result.observations.find(
          (o) => o.indicatorId === indicator && o.areaKey === key && o.period === period,
        );

      it('maps without findings', () => {
        expect(result.issues).toEqual([]);
      });

      it('reads quotas with decimal comma: Flensburg 2016 = 9.9 %, 9.0 %', () => {
        expect(find('unemployment_rate_dependent', '01001', '2016')).toMatchObject({
          value: 9.9,
          status: 'final',
        });
        expect(find('unemployment_rate', '01001', '2016')!.value).toBe(9);
        expect(find('unemployed', '01001', '2016')!.value).toBe(4495);
      });

      it('turns - and . into missing values with reasons nothing/secret, never 0', () => {
        const missing = result.observations.filter((o) => o.status === 'missing');
        expect(new Set(missing.map((o) => o.missingReason))).toEqual(new Set(['nothing', 'secret']));
        for (const o of missing) {
          expect(o.value).toBeNull();
          expect(sourceCell(table, o).trim()).toBe(o.missingReason === 'nothing' ? '-' : '.');
        }
        const zeros = result.observations.filter((o) => o.value === 0);
        expect(zeros.every((o) => /^0(,0+)?$/.test(sourceCell(table, o).trim()))).toBe(true);
      });

      it('2016 rows of 03156 Osterode and 03159 Göttingen are missing (nothing)', () => {
        for (const key of ['03156', '03159']) {
          const rows = result.observations.filter((o) => o.areaKey === key && o.period === '2016');
          expect(rows).toHaveLength(3);
          expect(
            rows.every((o) => o.value === null && o.status === 'missing' && o.missingReason === 'nothing'),
          ).toBe(true);
        }
      });
    });
  },
);

describe.skipIf(!hasGenesisFlat)(
  'GENESIS ffcsv mapped (skipped: /work/shared/data/genesis-ffcsv-pystatis absent)',
  () => {
    const mapping = parseTableMapping({
      format: 'genesis-flat',
      level: 'kreis',
      layout: 'long',
      area: { column: '1_variable_attribute_code', keep: '^\\d{5}$' },
      period: { column: 'time' },
      // The total has an empty attribute code in both languages; only its label differs (Insgesamt / Total).
      indicator: {
        column: '2_variable_attribute_code',
        map: { '': 'population_total', GESM: 'population_male', GESW: 'population_female' },
      },
      value: { column: 'value' },
    });

    it.each([['12411-01-01-4_1773175772751_de_flat.csv'], ['12411-01-01-4_1773175790049_en_flat.csv']])(
      '%s: Σ Insgesamt over the 400 numeric 5-digit Kreise = 83,577,140',
      (file) => {
        const table = readGenesisFlat(bytesOf(GENESIS_FLAT_DIR + file), { file });
        const result = mapTable(table, mapping);
        expect(result.issues).toEqual([]);
        const totals = result.observations.filter(
          (o) => o.indicatorId === 'population_total' && o.value !== null,
        );
        expect(totals).toHaveLength(400);
        expect(sum(totals)).toBe(83_577_140);
        expect(totals.every((o) => o.period === '2024-12-31')).toBe(true);
        // The 15 8-digit entries (Berlin Bezirke, Aachen, Hannover, Saarbrücken) overlap their Kreise: skipped.
        expect(result.skippedRows).toBe(15 * 3);
        const old = result.observations.filter(
          (o) => o.indicatorId === 'population_total' && o.value === null,
        );
        expect(old.every((o) => o.missingReason === 'nothing')).toBe(true);
      },
    );

    it('12211-Z-11 reads value_q: e is final, () is estimated', () => {
      const file = '12211-Z-11_1773175349407_de_flat.csv';
      const table = readGenesisFlat(bytesOf(GENESIS_FLAT_DIR + file), { file });
      const result = mapTable(
        table,
        parseTableMapping({
          format: 'genesis-flat',
          level: 'kreis',
          layout: 'long',
          area: { column: '1_variable_attribute_code', keep: '^\\d{5}$' },
          period: { column: 'time' },
          indicator: {
            column: '2_variable_attribute_code',
            map: { 'LB-INS': 'forms_of_living', FAMILIEN: 'families' },
          },
          value: { column: 'value' },
          quality: { column: 'value_q' },
        }),
      );
      expect(result.issues).toEqual([]);
      const statuses = new Set(result.observations.map((o) => o.status));
      expect(statuses).toEqual(new Set(['final', 'estimated', 'missing']));
    });
  },
);

describe.skipIf(!hasHamburg)(
  'Hamburg Stadtteilprofile CSV mapped (skipped: /work/shared/data/hamburg-stadtteilprofile-2014 absent)',
  () => {
    const table = () =>
      readCsv(bytesOf(`${HAMBURG_DIR}Daten_fuer_die_Stadtteilprofile_2014.csv`), { file: 'hamburg.csv' });

    it('parses every number (spaces as thousands, decimal comma, "-  23") and flags names used twice', () => {
      const mapping = parseTableMapping({
        format: 'csv',
        level: 'hamburg-stadtteil',
        layout: 'wide',
        area: { column: 'Stadtgebiet' },
        values: [
          { columns: '^Bevölkerung$', indicator: 'population_total', period: { value: '2013-12-31' } },
          {
            columns: '^Anteil der unter 18-Jährigen in %$',
            indicator: 'share_u18',
            period: { value: '2013-12-31' },
          },
        ],
      });
      const result = mapTable(table(), mapping);
      expect(result.issues.filter((i) => i.code === 'NotANumber')).toEqual([]);
      const altstadt = result.observations
        .filter((o) => o.areaKey === 'Hamburg-Altstadt')
        .map((o) => o.value);
      expect(altstadt).toEqual([1675, 9.7]);
      expect(result.observations.find((o) => o.areaKey === 'Hamburg')!.value).toBe(1_788_994);
      // Eimsbüttel, Wandsbek, Bergedorf, Harburg are Stadtteil and Bezirk: names alone cannot tell them apart.
      const duplicates = result.issues.filter((i) => i.code === 'DuplicateRow' && i.column === 'Bevölkerung');
      expect(duplicates).toHaveLength(4);
    });
  },
);
