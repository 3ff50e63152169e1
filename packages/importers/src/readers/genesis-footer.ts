import type { ParsedRecord } from './delimited.ts';

/**
 * The footer of a classic GENESIS table: footnotes, the © / licence text (dl-de/by-2-0, which must
 * travel with the data) and `Stand: dd.mm.yyyy / hh:mm:ss`, the date of the extract.
 */
const STAND = /^Stand:\s*(\d{1,2})\.(\d{1,2})\.(\d{4})/;

export function footerMeta(footer: ParsedRecord[]): Record<string, string> {
  const meta: Record<string, string> = {};
  const notes: string[] = [];
  for (const record of footer) {
    const text = record.cells
      .filter((c) => c.trim() !== '')
      .join(' ')
      .trim();
    const stand = STAND.exec(text);
    if (stand) meta.stand = `${stand[3]}-${stand[2]!.padStart(2, '0')}-${stand[1]!.padStart(2, '0')}`;
    else if (text.startsWith('©')) meta.copyright = text;
    else if (text !== '') notes.push(text);
  }
  if (notes.length > 0) meta.notes = notes.join('\n');
  return meta;
}
