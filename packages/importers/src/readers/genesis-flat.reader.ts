import { DomainError } from '@lagebild/core';
import type { Table } from '@lagebild/core';
import { readCsv } from './csv.reader.ts';

/**
 * GENESIS flat-file CSV (`ffcsv`, the GENESIS web service's long format): UTF-8 with BOM, `;`, one
 * header row starting `statistics_code`, one value per row. The header is used as delivered, so a
 * mapping names columns like `1_variable_attribute_code` and `value` exactly as the file does.
 */
export interface GenesisFlatOptions {
  file: string;
}

export function readGenesisFlat(bytes: Uint8Array, options: GenesisFlatOptions): Table {
  const table = readCsv(bytes, { file: options.file, encoding: 'auto', delimiter: ';', headerRow: 1 });
  if (table.header[0] !== 'statistics_code') {
    throw new DomainError(
      'UnsupportedFormat',
      `${options.file}: not a GENESIS flat file (ffcsv): the header should start with "statistics_code", found "${table.header[0] ?? ''}"`,
    );
  }
  table.meta.language = detectLanguage(options.file, table);
  table.meta.code = table.rows[0]?.cells[0]?.trim() ?? '';
  return table;
}

/**
 * The service returns the same columns in both languages; only the label texts differ. The file name
 * carries the language (`…_de_flat.csv`, `…_en_flat.csv`); otherwise the total's label decides.
 */
function detectLanguage(file: string, table: Table): 'de' | 'en' {
  const named = /_(de|en)_flat\.csv$/i.exec(file);
  if (named) return named[1]!.toLowerCase() as 'de' | 'en';
  const labelColumns = table.header.flatMap((name, j) => (name.endsWith('_label') ? [j] : []));
  for (const row of table.rows.slice(0, 1000)) {
    for (const j of labelColumns) {
      const label = row.cells[j];
      if (label === 'Total') return 'en';
      if (label === 'Insgesamt') return 'de';
    }
  }
  return 'de';
}
