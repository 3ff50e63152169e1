import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseCrossClassDefinition, parseIndexPreset } from '../../src/indices/index.ts';

/**
 * Where the index tests find their inputs: the presets in demo/indices and the shared real data
 * next to the repository (`../shared/data`, see its README), which may be absent on a fresh clone.
 */
export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const PRESETS = fileURLToPath(new URL('../../../../demo/indices/', import.meta.url));
export const MSS_WFS_DIR = `${SHARED_DATA}berlin-mss-2021-wfs/raw/`;
export const MSS_TABLES_DIR = `${SHARED_DATA}berlin-mss-2021-tables-manual/`;
export const GISD_DIR = `${SHARED_DATA}gisd-rki/Bund/`;
export const hasMssWfs = existsSync(MSS_WFS_DIR) && existsSync(MSS_TABLES_DIR);
export const hasGisd = existsSync(GISD_DIR);

export function loadPreset(name: string) {
  return parseIndexPreset(parseYaml(readFileSync(`${PRESETS}${name}.yaml`, 'utf8')));
}

export function loadCrossClasses(name: string) {
  return parseCrossClassDefinition(parseYaml(readFileSync(`${PRESETS}${name}.yaml`, 'utf8')));
}

/** A small CSV reader for the test inputs: quoted fields, a BOM, CRLF; rows as header → text. */
export function readCsv(path: string, delimiter = ','): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = parseLines(text, delimiter).filter((cells) => cells.some((c) => c !== ''));
  const header = lines[0]!.map((h) => h.trim());
  return lines.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

function parseLines(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') cell += text[i++];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A number cell; empty, `-9999` (the WFS's missing code) and `–` are missing. */
export function numberOrNull(cell: string | undefined): number | null {
  const t = (cell ?? '').trim();
  if (t === '' || t === '-9999' || t === '–') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
