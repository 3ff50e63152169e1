import { DomainError } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { readGenesisFlat } from '../../src/readers/genesis-flat.reader.ts';
import { GENESIS_FLAT_DIR, bytesOf, fixture, hasGenesisFlat, utf8 } from './data-paths.ts';

describe('readGenesisFlat', () => {
  it('reads the ffcsv excerpt: BOM stripped, header as delivered, meta code and language', () => {
    const table = readGenesisFlat(fixture('12411-01-01-4-excerpt_de_flat.csv'), {
      file: '12411-01-01-4_1_de_flat.csv',
    });
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.header[0]).toBe('statistics_code');
    expect(table.header).toContain('2_variable_attribute_code');
    expect(table.header).toContain('value');
    expect(table.rows).toHaveLength(18);
    expect(table.rows[0]!.line).toBe(2);
    expect(table.meta).toMatchObject({ code: '12411', language: 'de', delimiter: ';' });
    expect(table.issues).toEqual([]);
  });

  it('tells the language from the labels when the file name does not', () => {
    const en = 'statistics_code;2_variable_attribute_label;value\n12411;Total;5\n';
    expect(readGenesisFlat(utf8(en), { file: 'upload.csv' }).meta.language).toBe('en');
  });

  it('refuses a CSV that is not ffcsv', () => {
    expect(() => readGenesisFlat(utf8('key;value\n1;2\n'), { file: 'x.csv' })).toThrow(DomainError);
  });
});

describe.skipIf(!hasGenesisFlat)(
  'readGenesisFlat on the real API responses (skipped: /work/shared/data/genesis-ffcsv-pystatis absent)',
  () => {
    it.each([
      ['12411-01-01-4_1773175772751_de_flat.csv', 'de', 1467],
      ['12411-01-01-4_1773175790049_en_flat.csv', 'en', 1467],
      ['12211-Z-11_1773175349407_de_flat.csv', 'de', 1956],
      ['AI-N-01-2-5_1773175147935_de_flat.csv', 'de', 27132],
    ])('%s: %s, %i rows, no findings', (file, language, rows) => {
      const table = readGenesisFlat(bytesOf(GENESIS_FLAT_DIR + file), { file });
      expect(table.meta.language).toBe(language);
      expect(table.rows).toHaveLength(rows);
      expect(table.issues).toEqual([]);
    });
  },
);
