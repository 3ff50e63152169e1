import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/readers/csv.reader.ts';
import { detectDelimiter, parseDelimited } from '../../src/readers/delimited.ts';
import { parseNumber } from '../../src/readers/german-number.ts';
import { HAMBURG_DIR, bytesOf, fixture, hasHamburg, utf8 } from './data-paths.ts';

describe('parseDelimited', () => {
  it('handles quotes, doubled quotes, quoted newlines and CRLF, keeping start lines', () => {
    const text = 'a;b;c\r\n"x;1";"say ""hi""";"two\nlines"\r\nlast;;\r\n';
    const parsed = parseDelimited(text, ';');
    expect(parsed.records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x;1', 'say "hi"', 'two\nlines'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
    expect(parsed.endsWithNewline).toBe(true);
    expect(parsed.unterminatedQuoteLine).toBeNull();
  });

  it('skips blank lines but counts them', () => {
    expect(parseDelimited('a\n\n\nb\n', ';').records).toEqual([
      { line: 1, cells: ['a'] },
      { line: 4, cells: ['b'] },
    ]);
  });

  it('notices a quote that is never closed', () => {
    const parsed = parseDelimited('a;b\n1;"open\n', ';');
    expect(parsed.unterminatedQuoteLine).toBe(2);
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that is steady per line over decimal commas', () => {
    expect(detectDelimiter('Name;Wert;Quote\nA;1;6,8\nB;2;12,25\n')).toBe(';');
    expect(detectDelimiter('name,value\n"a;b",1\nc,2\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });
});

describe('readCsv', () => {
  it('reads the made-up Hamburg-style fixture with padded, space-grouped numbers', () => {
    const table = readCsv(fixture('stadtteile-made-up.csv'), { file: 'stadtteile.csv' });
    expect(table.encoding).toBe('utf-8');
    expect(table.meta.delimiter).toBe(';');
    expect(table.header).toEqual(['Stadtgebiet', 'Bevölkerung', 'Anteil unter 18 in %', 'Wanderungssaldo']);
    expect(table.rows[0]).toEqual({
      line: 2,
      cells: ['Altstadt-Nord', ' 1 675    ', ' 9,7    ', '-  23    '],
    });
    expect(table.rows.map((r) => parseNumber(r.cells[1]!, ','))).toEqual([
      { kind: 'value', value: 1675 },
      { kind: 'value', value: 12301 },
      { kind: 'value', value: 1788994 },
      { kind: 'missing', reason: 'not_reported' },
    ]);
    expect(parseNumber(table.rows[0]!.cells[3]!, ',')).toEqual({ kind: 'value', value: -23 });
    expect(table.issues).toEqual([]);
  });

  it('makes header names unique and non-empty', () => {
    const table = readCsv(utf8('Jahr;;Wert;Wert;Wert (2)\n2015;a;1;2;3\n'), { file: 'x.csv' });
    expect(table.header).toEqual(['Jahr', 'column 2', 'Wert', 'Wert (2)', 'Wert (2) (2)']);
  });

  it('starts at headerRow and keeps source line numbers', () => {
    const table = readCsv(utf8('Titel der Tabelle\nStand 2024\nKey;Value\n01001;5\n'), {
      file: 'x.csv',
      headerRow: 3,
    });
    expect(table.header).toEqual(['Key', 'Value']);
    expect(table.rows).toEqual([{ line: 4, cells: ['01001', '5'] }]);
  });

  it('warns about rows of a different width but drops empty trailing cells silently', () => {
    const table = readCsv(utf8('a;b;c\n1;2;3;;\n1;2\n1;2;3;4\n'), { file: 'x.csv' });
    expect(table.rows[0]!.cells).toEqual(['1', '2', '3']);
    expect(table.issues.map((i) => [i.severity, i.code, i.row])).toEqual([
      ['warning', 'ColumnMissing', 3],
      ['warning', 'ColumnMissing', 4],
    ]);
  });

  it('reports a truncated file: last line without newline and short', () => {
    const table = readCsv(utf8('key;name;value\n01001;Flensburg;85942\n01002;Ki'), { file: 'cut.csv' });
    const truncated = table.issues.find((i) => i.code === 'TruncatedFile');
    expect(truncated).toMatchObject({
      severity: 'error',
      file: 'cut.csv',
      row: 3,
      found: '2 cells',
      expected: '3 cells',
    });
  });

  it('reports a file cut inside a quoted cell', () => {
    const table = readCsv(utf8('key;note\n01001;"a long\nnote'), { file: 'cut.csv' });
    expect(table.issues.some((i) => i.code === 'TruncatedFile' && i.row === 2)).toBe(true);
  });

  it('does not call a complete last line without newline truncated', () => {
    const table = readCsv(utf8('key;value\n01001;1'), { file: 'x.csv' });
    expect(table.issues).toEqual([]);
  });

  it('reports an empty file instead of returning nothing silently', () => {
    const table = readCsv(new Uint8Array(), { file: 'empty.csv' });
    expect(table.issues[0]).toMatchObject({ code: 'Unreadable', severity: 'error' });
  });

  it('reads Latin-1 when declared and flags declared UTF-8 on Latin-1 bytes', () => {
    const bytes = Uint8Array.from('Name;Wert\nLübeck;1\n', (c) => c.charCodeAt(0));
    expect(readCsv(bytes, { file: 'x.csv', encoding: 'latin1' }).rows[0]!.cells[0]).toBe('Lübeck');
    expect(readCsv(bytes, { file: 'x.csv', encoding: 'utf-8' }).issues[0]!.code).toBe('EncodingMismatch');
  });

  it('parses 200,000 rows with their line numbers', () => {
    const lines = ['key;period;indicator;value'];
    for (let i = 0; i < 200_000; i++)
      lines.push(`${String(i % 401).padStart(5, '0')};2024;pop_${i % 7};${i},5`);
    const bytes = utf8(lines.join('\n') + '\n');
    const table = readCsv(bytes, { file: 'big.csv' });
    expect(table.rows).toHaveLength(200_000);
    expect(table.rows[199_999]).toEqual({ line: 200_001, cells: ['00301', '2024', 'pop_2', '199999,5'] });
  });
});

describe.skipIf(!hasHamburg)(
  'readCsv on the Hamburg Stadtteilprofile CSV (skipped: /work/shared/data/hamburg-stadtteilprofile-2014 absent)',
  () => {
    it('reads 107 rows × 69 columns and every number cell parses', () => {
      const table = readCsv(bytesOf(`${HAMBURG_DIR}Daten_fuer_die_Stadtteilprofile_2014.csv`), {
        file: 'hamburg.csv',
      });
      expect(table.header).toHaveLength(69);
      expect(table.rows).toHaveLength(107);
      const hamburg = table.rows.find((r) => r.cells[0] === 'Hamburg')!;
      expect(parseNumber(hamburg.cells[1]!, ',')).toEqual({ kind: 'value', value: 1788994 });
      const altstadt = table.rows[0]!;
      expect(parseNumber(altstadt.cells[1]!, ',')).toEqual({ kind: 'value', value: 1675 });
      expect(parseNumber(altstadt.cells[3]!, ',')).toEqual({ kind: 'value', value: 9.7 });
      const invalid = table.rows.flatMap((r) =>
        r.cells
          .slice(1)
          .filter((cell) => parseNumber(cell, ',').kind === 'invalid')
          .map((cell) => `${r.line}: ${cell}`),
      );
      expect(invalid).toEqual([]);
    });
  },
);
