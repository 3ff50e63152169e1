import { DomainError } from '@lagebild/core';

/** Well-known binary formats, by their first bytes, to name what was sent instead of text. */
const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a zip archive (XLSX, zipped shapefile …)', [0x50, 0x4b, 0x03, 0x04]],
  ['an SQLite database (GeoPackage …)', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

/**
 * Refuses binary content where text (CSV, GENESIS) is expected: none of the supported text encodings
 * has NUL bytes, so one in the first 4 KB means another kind of file under a text name.
 */
export function assertTextContent(bytes: Uint8Array, file: string, expected: string): void {
  if (!bytes.subarray(0, 4096).includes(0)) return;
  const kind = SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
  throw new DomainError(
    'FileUnreadable',
    `${file}: not ${expected} text — it is ${kind ?? 'binary data'}. Upload the ${expected} file itself, or set the mapping's format to match the file.`,
    { file, expected, found: kind ?? 'binary data' },
  );
}
