import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the tests find their files: the project's own small fixtures, and the shared real data next
 * to the repository (`../shared/data` from the project root), which may be absent on a fresh clone.
 */
export const FIXTURES = fileURLToPath(new URL('../fixtures/tabular/', import.meta.url));
export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const GENESIS_CLASSIC_DIR = `${SHARED_DATA}genesis-regionalstatistik-csv/`;
export const GENESIS_FLAT_DIR = `${SHARED_DATA}genesis-ffcsv-pystatis/extracted/`;
export const HAMBURG_DIR = `${SHARED_DATA}hamburg-stadtteilprofile-2014/`;

export const hasGenesisClassic = existsSync(GENESIS_CLASSIC_DIR);
export const hasGenesisFlat = existsSync(GENESIS_FLAT_DIR);
export const hasHamburg = existsSync(HAMBURG_DIR);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
