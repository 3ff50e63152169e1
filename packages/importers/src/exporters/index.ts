import { DomainError } from '@lagebild/core';
import { writeExportCsv } from './csv.exporter.ts';
import { exportFileName, type ExportLocale, type ExportTable } from './export-table.ts';
import { writeExportGeoJson } from './geojson.exporter.ts';
import { writeExportXlsx } from './xlsx.exporter.ts';

export * from './export-table.ts';
export { exportLabels, type ExportLabels } from './export-labels.ts';
export { writeExportCsv, csvNumber } from './csv.exporter.ts';
export { writeExportXlsx } from './xlsx.exporter.ts';
export { writeExportGeoJson, type ExportFeatureCollection } from './geojson.exporter.ts';
export { defuseFormula } from './spreadsheet-text.ts';

/** The export formats: one writer each, shared by `lagebild export` and the API's export route. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

/** Writes a table in one format, with the content type and file name that go with it. */
export async function writeExport(
  table: ExportTable,
  format: ExportFormat,
  locale: ExportLocale,
): Promise<ExportFile> {
  const fileName = exportFileName(table, format);
  const contentType = EXPORT_CONTENT_TYPES[format];
  if (format === 'csv') return { body: writeExportCsv(table, locale), contentType, fileName };
  if (format === 'xlsx') return { body: await writeExportXlsx(table, locale), contentType, fileName };
  if (format === 'geojson')
    return { body: JSON.stringify(writeExportGeoJson(table, locale)), contentType, fileName };
  throw new DomainError(
    'UnsupportedFormat',
    `Unknown export format "${String(format)}"; use ${EXPORT_FORMATS.join(', ')}.`,
  );
}
