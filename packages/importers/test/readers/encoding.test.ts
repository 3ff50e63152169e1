import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/readers/encoding.ts';
import { fixture, utf8 } from './data-paths.ts';

const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('decodeText', () => {
  it('detects UTF-8 with BOM and strips the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Lübeck;1')]);
    const decoded = decodeText(bytes, 'a.csv');
    expect(decoded).toEqual({ text: 'Lübeck;1', encoding: 'utf-8-bom', issues: [] });
  });

  it('detects UTF-8 without BOM', () => {
    expect(decodeText(utf8('Göttingen'), 'a.csv')).toMatchObject({ text: 'Göttingen', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const decoded = decodeText(latin1('Lübeck;Straße;€'.replace('€', '\x80')), 'a.csv');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('Lübeck;Straße;€');
    expect(decoded.issues).toEqual([]);
  });

  it('reads the Latin-1 GENESIS excerpt with its umlauts intact', () => {
    const decoded = decodeText(fixture('12411-01-01-4-excerpt.latin1.csv'), '12411.csv');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Lübeck, Hansestadt');
    expect(decoded.text).toContain('© Statistische Ämter');
  });

  it('reports declared UTF-8 on a Latin-1 file with line, byte and the found byte', () => {
    const decoded = decodeText(latin1('Kreis;Name\n01003;Lübeck\n'), 'kreise.csv', 'utf-8');
    const [issue] = decoded.issues;
    expect(issue).toMatchObject({ severity: 'error', code: 'EncodingMismatch', file: 'kreise.csv', row: 2 });
    expect(issue!.found).toContain('0xFC');
    expect(issue!.found).toContain("looks like Windows-1252: 'ü'");
    expect(issue!.message).toContain('line 2, byte 8');
  });

  it('warns when Windows-1252 is declared for a UTF-8 file with umlauts', () => {
    const decoded = decodeText(utf8('Lübeck'), 'a.csv', 'windows-1252');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.issues[0]).toMatchObject({ severity: 'warning', code: 'EncodingMismatch' });
  });

  it('reads declared latin1 as Windows-1252', () => {
    expect(decodeText(latin1('Müller'), 'a.csv', 'latin1')).toMatchObject({ text: 'Müller', issues: [] });
  });

  it('finds the first invalid UTF-8 byte, including truncated sequences and overlongs', () => {
    expect(firstInvalidUtf8(utf8('aä€😀'))).toBe(utf8('aä€😀').length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
  });
});
