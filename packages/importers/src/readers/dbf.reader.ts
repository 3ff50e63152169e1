import * as shapefile from 'shapefile';
import type { Table } from '@lagebild/core';

/**
 * Reads a dBASE attribute table (the .dbf of a shapefile, e.g. VG250-EW population without geometry)
 * as a Table, so attribute-only data goes through the same mapping as CSV. The .cpg decides the
 * encoding; without one dBASE files from German agencies are usually Windows-1252.
 */
export async function readDbf(
  bytes: Uint8Array,
  options: { file: string; encoding?: string | null },
): Promise<Table> {
  const encoding = normaliseEncoding(options.encoding);
  const source = await shapefile.openDbf(toArrayBuffer(bytes), { encoding });
  const rows: Table['rows'] = [];
  let header: string[] | null = null;
  for (let record = 1; ; record++) {
    const next = await source.read();
    if (next.done) break;
    const values = next.value as Record<string, unknown>;
    header ??= Object.keys(values);
    rows.push({ line: record, cells: header.map((name) => cellText(values[name])) });
  }
  return { file: options.file, encoding, header: header ?? [], rows, meta: {}, issues: [] };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function normaliseEncoding(declared: string | null | undefined): string {
  const text = (declared ?? '').trim().toLowerCase();
  if (text === '' || text === '1252' || text === 'windows-1252') return 'windows-1252';
  if (text === 'utf-8' || text === 'utf8') return 'utf-8';
  if (text.includes('8859-1') || text === 'latin1') return 'iso-8859-1';
  return text;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
