import { genesisSymbolReason } from '@lagebild/core';
import type { MissingReason } from '@lagebild/core';

/**
 * Numbers in German sources: decimal comma, `.` or spaces as thousands separators, padded cells
 * (Hamburg: `" 1 675    "`, `"-  23"`), and the GENESIS symbols that stand for a missing value.
 * A symbol is never read as 0: it comes back as `missing` with its reason.
 */
export type DecimalMark = ',' | '.';

export type ParsedNumber =
  { kind: 'value'; value: number } | { kind: 'missing'; reason: MissingReason } | { kind: 'invalid' };

const SPACES = /[\s\u00a0\u202f]/g;
const SIGN = /^([+-]?)[\s\u00a0\u202f]*(.*)$/s;

const PLAIN_INTEGER = /^-?\d{1,15}$/;
const PLAIN_DECIMAL: Record<DecimalMark, RegExp> = { ',': /^\d+,\d+$/, '.': /^\d+\.\d+$/ };

// Per decimal mark: plain digits, or 3-digit groups with one of the allowed thousands separators.
const PATTERNS: Record<DecimalMark, RegExp> = {
  ',': /^(?:\d+|\d{1,3}(?:[.\s\u00a0\u202f]\d{3})+)?(?:,\d+)?$/,
  '.': /^(?:\d+|\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+)?(?:\.\d+)?$/,
};
const EXPONENT: Record<DecimalMark, RegExp> = {
  ',': /^\d+(?:,\d+)?e[+-]?\d+$/i,
  '.': /^\d+(?:\.\d+)?e[+-]?\d+$/i,
};

export function parseNumber(raw: string, decimal: DecimalMark | 'auto'): ParsedNumber {
  const text = raw.trim();
  if (text === '') return { kind: 'missing', reason: 'not_reported' };
  // Fast path for the common plain integer; symbols are at most three characters long.
  if (PLAIN_INTEGER.test(text)) return { kind: 'value', value: Number(text) };
  const reason = text.length <= 3 ? genesisSymbolReason(text) : null;
  if (reason !== null) return { kind: 'missing', reason };
  const [, sign = '', body = ''] = SIGN.exec(text) ?? [];
  const mark = decimal === 'auto' ? guessDecimal(body) : decimal;
  const value = parseUnsigned(body, mark);
  if (value === null) return { kind: 'invalid' };
  return { kind: 'value', value: sign === '-' ? -value : value };
}

function parseUnsigned(body: string, mark: DecimalMark): number | null {
  if (PLAIN_DECIMAL[mark].test(body)) return Number(mark === ',' ? body.replace(',', '.') : body);
  if (body === '' || !/\d/.test(body)) return null;
  if (!PATTERNS[mark].test(body) && !EXPONENT[mark].test(body)) return null;
  const thousands = mark === ',' ? '.' : ',';
  const plain = body.replace(SPACES, '').split(thousands).join('');
  const value = Number(mark === ',' ? plain.replace(',', '.') : plain);
  return Number.isFinite(value) ? value : null;
}

/**
 * The decimal mark of a single value when nothing else is known: the last of `.`/`,` when both occur;
 * a repeated mark is a thousands separator; a single `,` is German decimal, a single `.` a decimal point.
 */
function guessDecimal(body: string): DecimalMark {
  const comma = body.lastIndexOf(',');
  const dot = body.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return comma > dot ? ',' : '.';
  if (comma >= 0) return body.indexOf(',') !== comma ? '.' : ',';
  if (dot >= 0) return body.indexOf('.') !== dot ? ',' : '.';
  return ',';
}

/**
 * The decimal mark of a column, from its values. A value like `1.234` or `1,234` is ambiguous on its
 * own; marks followed by other than three digits, repeated marks, or both marks in one value decide.
 * With no evidence either way, a column with commas is German (our sources are), otherwise `.`.
 */
export function detectDecimal(samples: readonly string[]): DecimalMark {
  let commaVotes = 0;
  let dotVotes = 0;
  let anyComma = false;
  for (const sample of samples) {
    const vote = decimalEvidence(sample.replace(SPACES, ''));
    if (vote === ',') commaVotes++;
    else if (vote === '.') dotVotes++;
    if (sample.includes(',')) anyComma = true;
  }
  if (commaVotes !== dotVotes) return commaVotes > dotVotes ? ',' : '.';
  return anyComma ? ',' : '.';
}

function decimalEvidence(text: string): DecimalMark | null {
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return comma > dot ? ',' : '.';
  if (comma >= 0) return markEvidence(text, ',', comma);
  if (dot >= 0) return markEvidence(text, '.', dot);
  return null;
}

function markEvidence(text: string, mark: DecimalMark, last: number): DecimalMark | null {
  const other: DecimalMark = mark === ',' ? '.' : ',';
  if (text.indexOf(mark) !== last) return other;
  const digitsAfter = text.length - last - 1;
  if (!/^\d+$/.test(text.slice(last + 1))) return null;
  return digitsAfter === 3 ? null : mark;
}
