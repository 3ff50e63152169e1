import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { ImportIssue } from '@lagebild/core';

/**
 * German statistics files come as UTF-8 (with or without BOM) or as Windows-1252/Latin-1 (older
 * GENESIS exports, Excel "CSV (Trennzeichen-getrennt)"). We decode once, up front, so every reader
 * works on text and reports which encoding it used.
 */
export type DeclaredEncoding = 'auto' | 'utf-8' | 'windows-1252' | 'latin1';
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
  issues: ImportIssue[];
}

const utf8Decoder = new TextDecoder('utf-8');

export function decodeText(
  bytes: Uint8Array,
  file: string,
  declared: DeclaredEncoding = 'auto',
): DecodedText {
  const bom = hasUtf8Bom(bytes);
  if (declared === 'windows-1252' || declared === 'latin1') return decodeLegacy(bytes, file);
  if (bom) return { text: utf8Decoder.decode(bytes.subarray(3)), encoding: 'utf-8-bom', issues: [] };
  if (isUtf8(bytes)) return { text: utf8Decoder.decode(bytes), encoding: 'utf-8', issues: [] };
  if (declared === 'auto') return { text: win1252(bytes), encoding: 'windows-1252', issues: [] };
  // Declared UTF-8 but it is not: decode leniently so the report can still show content, and say where.
  return { text: utf8Decoder.decode(bytes), encoding: 'utf-8', issues: [mismatchIssue(bytes, file)] };
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function win1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
}

function decodeLegacy(bytes: Uint8Array, file: string): DecodedText {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const issues: ImportIssue[] = [];
  // A file that is valid UTF-8 and has non-ASCII bytes would turn "ü" into "Ã¼": warn, do not guess.
  if (hasUtf8Bom(bytes) || (isUtf8(body) && hasNonAscii(body))) issues.push(looksLikeUtf8Issue(file));
  return { text: win1252(body), encoding: 'windows-1252', issues };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function looksLikeUtf8Issue(file: string): ImportIssue {
  return {
    severity: 'warning',
    code: 'EncodingMismatch',
    file,
    row: null,
    column: null,
    expected: 'Windows-1252',
    found: 'UTF-8',
    message: `${file}: declared Windows-1252/Latin-1, but the file is valid UTF-8 with non-ASCII characters; umlauts will be garbled (declare encoding utf-8 or auto)`,
  };
}

function mismatchIssue(bytes: Uint8Array, file: string): ImportIssue {
  const offset = firstInvalidUtf8(bytes);
  const { line, byteInLine } = positionOf(bytes, offset);
  const byte = bytes[offset] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const guess = iconv.decode(Buffer.from([byte]), 'win1252');
  return {
    severity: 'error',
    code: 'EncodingMismatch',
    file,
    row: line,
    column: null,
    expected: 'UTF-8',
    found: `${hex} (looks like Windows-1252: '${guess}')`,
    message: `${file}: declared UTF-8, but line ${line}, byte ${byteInLine} is ${hex}, which is not valid UTF-8 (looks like Windows-1252: '${guess}'); declare encoding windows-1252 or auto`,
  };
}

/** Byte offset of the first byte that breaks UTF-8, or bytes.length when there is none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 if it is invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return secondByteAllowed(b, bytes[i + 1]!) ? length : 0;
}

/** Rejects overlong forms, surrogates and code points above U+10FFFF, as the native check does. */
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}

function positionOf(bytes: Uint8Array, offset: number): { line: number; byteInLine: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, byteInLine: offset - lineStart + 1 };
}
