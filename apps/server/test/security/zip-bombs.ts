import { zipSync } from 'fflate';

/**
 * Zip archives that claim to expand far beyond what they hold. Built in the test (no binaries in the
 * repository): a small honest zip whose "uncompressed size" fields, in the local headers and the
 * central directory, are rewritten to `declared` bytes per entry — what a real bomb declares.
 */
export function forgedBomb(entries: Record<string, Uint8Array>, declared = 0xfffffff0): Uint8Array {
  const zip = zipSync(entries, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, declared, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return zip;
}

/** A zip of `count` empty files: tiny, but every entry costs the reader a directory walk. */
export function manyEntries(count: number): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) entries[`f/${i}.txt`] = new Uint8Array(0);
  return zipSync(entries, { level: 0 });
}

/** The skeleton of an XLSX workbook (enough for format detection to call it one). */
export function xlsxSkeleton(): Record<string, Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  return {
    '[Content_Types].xml': text('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': text('<?xml version="1.0"?><workbook/>'),
    'xl/worksheets/sheet1.xml': text(`<?xml version="1.0"?><worksheet>${'<row/>'.repeat(1000)}</worksheet>`),
  };
}
