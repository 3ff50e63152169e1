/**
 * A hand-written parser for delimited text (RFC 4180 quoting: quoted fields, doubled quotes, quoted
 * newlines, CRLF or LF). Written by hand because it has to take a million-row file in about a second
 * and because each record must keep the source line it starts on, for row-exact reports.
 */
export interface ParsedRecord {
  /** 1-based line in the source where the record starts. */
  line: number;
  cells: string[];
}

export interface DelimitedText {
  records: ParsedRecord[];
  /** False when the last record is not followed by a line break (a cut file often looks like this). */
  endsWithNewline: boolean;
  /** Line of a quoted field that is never closed (the file ends inside it), else null. */
  unterminatedQuoteLine: number | null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * One tight loop with local variables: V8 keeps them in registers, which matters at a million rows.
 * Quoted cells, rare in statistics exports, take the slower path in readQuoted.
 */
export function parseDelimited(text: string, delimiter: string): DelimitedText {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: ParsedRecord[] = [];
  const quoted = { end: 0, lines: 0, closed: true };
  let unterminated: number | null = null;
  let line = 1;
  let i = 0;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let c = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        cells.push(readQuoted(text, i, d, quoted));
        if (!quoted.closed) unterminated = line;
        line += quoted.lines;
        i = quoted.end;
      } else {
        let j = i;
        while (j < n && (c = text.charCodeAt(j)) !== d && c !== LF && c !== CR) j++;
        cells.push(text.slice(i, j));
        i = j;
      }
      c = text.charCodeAt(i);
      if (c !== d) break;
      i++;
    }
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    if (c === CR || c === LF) line++;
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
  }
  const last = text.charCodeAt(n - 1);
  return { records, endsWithNewline: last === LF || last === CR, unterminatedQuoteLine: unterminated };
}

/**
 * Reads the quoted cell opening at `open`; reports where it ends (after any text up to the next
 * delimiter or line break, which belongs to the cell), how many line breaks it spans, and whether the
 * closing quote was found before the end of the text.
 */
function readQuoted(
  text: string,
  open: number,
  delimiter: number,
  out: { end: number; lines: number; closed: boolean },
): string {
  let value = '';
  let start = open + 1;
  out.lines = 0;
  out.closed = true;
  for (;;) {
    const q = text.indexOf('"', start);
    const stop = q < 0 ? text.length : q;
    value += text.slice(start, stop);
    out.lines += countLineBreaks(text, start, stop);
    if (q < 0) {
      out.closed = false;
      out.end = text.length;
      return value;
    }
    if (text.charCodeAt(q + 1) !== QUOTE) {
      let j = q + 1;
      let c = 0;
      while (j < text.length && (c = text.charCodeAt(j)) !== delimiter && c !== LF && c !== CR) j++;
      out.end = j;
      return value + text.slice(q + 1, j);
    }
    value += '"';
    start = q + 2;
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

/** Counts each candidate delimiter per line (outside quotes) in the first lines and picks the steadiest. */
export function detectDelimiter(text: string, candidates: readonly string[] = [';', '\t', ',']): string {
  const lines = firstLines(text, 10);
  let best = candidates[0]!;
  let bestScore = -1;
  for (const candidate of candidates) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const score = delimiterScore(counts);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** A delimiter that occurs equally often on every line beats one that occurs more often but unevenly. */
function delimiterScore(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const steady = counts.every((c) => c === counts[0]);
  return steady ? 1_000_000 + total : total;
}

function firstLines(text: string, count: number): string[] {
  const head = text.slice(0, 65_536).split(/\r?\n/);
  // The last piece of a cut-off head is a partial line and would look unsteady.
  if (text.length > 65_536) head.pop();
  return head.filter((line) => line.trim() !== '').slice(0, count);
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}
