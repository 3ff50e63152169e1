import { unzipSync } from 'fflate';

/**
 * Tells the format of an uploaded file from its content first and its name second, so a GENESIS
 * export saved as `.txt` or an XLSX without extension still goes to the right reader.
 */
export type SourceFormat =
  | 'genesis-classic'
  | 'genesis-flat'
  | 'csv'
  | 'xlsx'
  | 'geojson'
  | 'shapefile'
  | 'shapefile-zip'
  | 'geopackage'
  | 'unknown';

const SQLITE_MAGIC = 'SQLite format 3\0';
// GeoPackage writes 'GPKG' (0x47504B47) as the SQLite application_id at byte offset 68.
const GPKG_APPLICATION_IDS = new Set([0x47504b47, 0x47503130, 0x47503131]);
const SHAPEFILE_MAGIC = 9994;
const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

export function detectFormat(fileName: string, bytes: Uint8Array): SourceFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (isZip(bytes)) return zipFormat(bytes, extension);
  if (startsWithAscii(bytes, SQLITE_MAGIC)) return isGeoPackage(bytes, extension) ? 'geopackage' : 'unknown';
  if (extension === 'shp' || readInt32BE(bytes, 0) === SHAPEFILE_MAGIC) return 'shapefile';
  const head = textHead(bytes);
  if (head.startsWith('GENESIS-Tabelle:')) return 'genesis-classic';
  if (head.startsWith('statistics_code;')) return 'genesis-flat';
  if (head.trimStart().startsWith('{') && /"(FeatureCollection|Feature)"/.test(head)) return 'geojson';
  if (extension === 'geojson') return 'geojson';
  if (TEXT_EXTENSIONS.has(extension) || looksLikeText(bytes)) return 'csv';
  return 'unknown';
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function zipFormat(bytes: Uint8Array, extension: string): SourceFormat {
  const names = zipEntryNames(bytes);
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  if (names.some((name) => name.toLowerCase().endsWith('.shp'))) return 'shapefile-zip';
  // A cut archive has no directory to list: fall back to the name so the reader can say what is wrong.
  if (names.length === 0 && extension === 'xlsx') return 'xlsx';
  if (names.length === 0 && extension === 'zip') return 'shapefile-zip';
  return 'unknown';
}

/** Entry names from the zip directory, without decompressing anything; empty if it cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return [];
  }
  return names;
}

function isGeoPackage(bytes: Uint8Array, extension: string): boolean {
  return GPKG_APPLICATION_IDS.has(readInt32BE(bytes, 68) ?? -1) || extension === 'gpkg';
}

function readInt32BE(bytes: Uint8Array, offset: number): number | null {
  if (bytes.length < offset + 4) return null;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getInt32(0, false);
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The first few KB as text, BOM removed; Latin-1 is enough to see the ASCII markers we look for. */
function textHead(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('latin1').decode(bytes.subarray(start, start + 4096));
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.length > 0 && !head.includes(0);
}
