import type { MissingReason } from '@lagebild/core';
import { dataCells, dataHeader } from './csv.exporter.ts';
import { exportLabels } from './export-labels.ts';
import { indicatorName, type ExportLocale, type ExportStatus, type ExportTable } from './export-table.ts';

/** Column widths of the data sheet, in characters (key … export date). */
const WIDTHS = [14, 34, 12, 14, 12, 16, 12, 12, 30, 12, 40, 14];

/**
 * An Excel workbook: a data sheet (one row per value, keys as text so leading zeros survive) and a
 * source sheet naming indicator, definition, unit, level, period, source and export date, and
 * explaining the status and reason codes that occur.
 */
export async function writeExportXlsx(table: ExportTable, locale: ExportLocale): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const labels = exportLabels(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lagebild';
  workbook.created = new Date(`${table.exportedAt}T00:00:00Z`);

  const data = workbook.addWorksheet(labels.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = WIDTHS.map((width) => ({ width }));
  data.getColumn(1).numFmt = '@';
  data.getColumn(4).numFmt = numberFormat(table.indicator.decimals);
  data.addRow(dataHeader(locale)).font = { bold: true };
  for (const row of table.rows) data.addRow(dataCells(table, row, locale));
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: WIDTHS.length } };

  const meta = workbook.addWorksheet(labels.sourceSheet);
  meta.columns = [{ width: 28 }, { width: 80 }];
  for (const line of sourceLines(table, locale)) meta.addRow(line);
  meta.getColumn(1).font = { bold: true };
  meta.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Label–value lines of the source sheet; the indicator's name comes first. */
export function sourceLines(table: ExportTable, locale: ExportLocale): [string, string][] {
  const m = exportLabels(locale).meta;
  const { indicator } = table;
  const lines: [string, string][] = [
    [m.indicator, indicatorName(indicator, locale)],
    [m.id, indicator.id],
    [m.description, indicator.description ?? ''],
    [m.unit, indicator.unit],
    [m.level, table.level.name],
    ...(table.parent ? [[m.parent, `${table.parent.name} (${table.parent.key})`] as [string, string]] : []),
    [m.period, table.period ?? m.allPeriods],
    [m.source, indicator.source ?? m.noSource],
    [m.exportedAt, table.exportedAt],
    ['', m.by],
  ];
  return [...lines, ...codeLines(table, locale)];
}

/** Explains only the codes that occur, so the sheet stays short. */
function codeLines(table: ExportTable, locale: ExportLocale): [string, string][] {
  const labels = exportLabels(locale);
  const statuses = new Set<ExportStatus>(table.rows.map((r) => r.status));
  const reasons = new Set<MissingReason>(
    table.rows.map((r) => r.missingReason).filter((r): r is MissingReason => r !== null),
  );
  const lines: [string, string][] = [
    ['', ''],
    [labels.meta.statusCodes, ''],
  ];
  for (const status of Object.keys(labels.status) as ExportStatus[])
    if (statuses.has(status)) lines.push([status, labels.status[status]]);
  if (reasons.size > 0) {
    lines.push(['', ''], [labels.meta.reasonCodes, '']);
    for (const reason of Object.keys(labels.reason) as MissingReason[])
      if (reasons.has(reason)) lines.push([reason, labels.reason[reason]]);
  }
  return lines;
}

/** Excel shows the indicator's decimals (the cell keeps full precision). */
function numberFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, decimals));
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}
