import { unzipSync } from 'fflate';
import { DomainError } from '@lagebild/core';

/** Upper bound for what one archive may expand to; shapefile sets for a county are far below this. */
export const MAX_UNZIPPED_BYTES = 1024 ** 3;
/** Upper bound for the entries of one archive: a shapefile set has a handful, a workbook a few dozen. */
export const MAX_ZIP_ENTRIES = 10_000;

export interface ZipEntryInfo {
  name: string;
  /** Uncompressed size as declared in the archive directory. */
  size: number;
}

/**
 * Lists the file entries of a zip without decompressing anything and refuses unsafe archives:
 * entries with `..` segments or absolute paths (path traversal when someone later extracts to disk)
 * and archives declaring more than MAX_UNZIPPED_BYTES in total or more than MAX_ZIP_ENTRIES entries
 * (zip bombs).
 * Throws DomainError('FileUnreadable') with details { entry } naming the offending entry.
 */
export function listZip(bytes: Uint8Array, maxBytes = MAX_UNZIPPED_BYTES): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let count = 0;
  unzipOrThrow(bytes, (name, size) => {
    count += 1;
    if (count > MAX_ZIP_ENTRIES) {
      throw new DomainError('FileUnreadable', `the zip has more than ${MAX_ZIP_ENTRIES} entries`, {
        entry: name,
      });
    }
    assertSafeName(name);
    total += size;
    if (total > maxBytes) {
      throw new DomainError('FileUnreadable', `the zip declares more than ${maxBytes} bytes uncompressed`, {
        entry: name,
      });
    }
    if (!name.endsWith('/')) entries.push({ name, size });
    return false;
  });
  return entries;
}

/** Decompresses the named entries only (after listZip has vetted the archive). */
export function extractZip(bytes: Uint8Array, names: readonly string[]): Map<string, Uint8Array> {
  const wanted = new Set(names);
  const files = unzipOrThrow(bytes, (name) => wanted.has(name));
  return new Map(Object.entries(files));
}

function unzipOrThrow(
  bytes: Uint8Array,
  filter: (name: string, size: number) => boolean,
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => filter(file.name, file.originalSize) });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('FileUnreadable', `not a readable zip archive: ${(error as Error).message}`);
  }
}

function assertSafeName(name: string): void {
  const segments = name.split(/[\\/]/);
  const absolute = /^([\\/]|[A-Za-z]:)/.test(name);
  if (absolute || segments.includes('..')) {
    throw new DomainError('FileUnreadable', `unsafe path in zip: ${name}`, { entry: name });
  }
}
