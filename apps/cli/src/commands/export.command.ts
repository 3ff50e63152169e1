import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError, type IndicatorDefinition, type StoredObservation } from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';

type ExportFormat = 'csv' | 'xlsx' | 'geojson';

interface ExportOptions {
  indicator: string;
  level: string;
  period?: string;
  format: ExportFormat;
  out: string;
  locale: 'de' | 'en';
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Export the values of an indicator on a level as CSV, XLSX or GeoJSON, with source and date.',
    )
    .requiredOption('-i, --indicator <id>', 'indicator id')
    .requiredOption('-l, --level <id>', 'level id')
    .option('--period <period>', 'one period (default: all periods; GeoJSON: the latest)')
    .option('-f, --format <format>', 'csv | xlsx | geojson', 'csv')
    .option('-o, --out <file>', 'output file')
    .option(
      '--locale <locale>',
      'de: ";" and decimal comma (opens in German Excel); en: "," and decimal point',
      'de',
    )
    .action(async (options: ExportOptions, command: Command) => {
      const settings = commandSettings(command);
      const out = options.out ?? `${options.indicator}_${options.level}.${options.format}`;
      await withStore(settings.database, async (store) => {
        const data = await collect(store, options);
        await write({ ...options, out }, data);
        process.stdout.write(`${data.values.length} values written to ${out}\n`);
      });
    });
}

interface ExportData {
  indicator: IndicatorDefinition;
  values: StoredObservation[];
  areas: Map<string, StoredArea>;
  exportedAt: string;
}

async function collect(store: Store, options: ExportOptions): Promise<ExportData> {
  const indicator = await store.getIndicator(options.indicator);
  if (!indicator) throw new DomainError('IndicatorNotFound', `No indicator "${options.indicator}".`);
  if (!(await store.getLevel(options.level)))
    throw new DomainError('LevelNotFound', `No level "${options.level}".`);
  let period = options.period;
  if (!period && options.format === 'geojson')
    period = (await store.listPeriods(indicator.id, options.level)).at(-1);
  const values = await store.getValues({ indicatorId: indicator.id, levelId: options.level, period });
  const areas = await store.listAreas(options.level, { withGeometry: options.format === 'geojson' });
  return {
    indicator,
    values,
    areas: new Map(areas.map((a) => [a.key, a])),
    exportedAt: new Date().toISOString().slice(0, 10),
  };
}

async function write(options: ExportOptions, data: ExportData): Promise<void> {
  if (options.format === 'csv') return writeFileSync(options.out, toCsv(data, options.locale));
  if (options.format === 'xlsx') return writeXlsx(options.out, data);
  if (options.format === 'geojson') return writeFileSync(options.out, JSON.stringify(toGeoJson(data)));
  throw new DomainError(
    'UnsupportedFormat',
    `Unknown export format "${String(options.format)}"; use csv, xlsx or geojson.`,
  );
}

const HEADER = [
  'Schlüssel',
  'Gebiet',
  'Zeitraum',
  'Wert',
  'Status',
  'Grund',
  'Indikator',
  'Einheit',
  'Quelle',
  'Abgerufen',
];

function rows(data: ExportData): (string | number | null)[][] {
  return data.values.map((v) => [
    v.areaKey,
    data.areas.get(v.areaKey)?.name ?? '',
    v.period,
    v.value,
    v.status,
    v.missingReason ?? '',
    data.indicator.name,
    data.indicator.unit,
    data.indicator.source ?? '',
    data.exportedAt,
  ]);
}

function toCsv(data: ExportData, locale: 'de' | 'en'): string {
  const sep = locale === 'de' ? ';' : ',';
  const cell = (v: string | number | null) => {
    const text =
      v === null ? '' : typeof v === 'number' && locale === 'de' ? String(v).replace('.', ',') : String(v);
    return /[";,\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [HEADER, ...rows(data)].map((r) => r.map(cell).join(sep));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function writeXlsx(out: string, data: ExportData): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daten');
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of rows(data)) sheet.addRow(row);
  const meta = workbook.addWorksheet('Quelle');
  for (const [k, v] of Object.entries({
    Indikator: data.indicator.name,
    Definition: data.indicator.description ?? '',
    Einheit: data.indicator.unit,
    Quelle: data.indicator.source ?? '',
    Abgerufen: data.exportedAt,
  })) {
    meta.addRow([k, v]);
  }
  await workbook.xlsx.writeFile(out);
}

function toGeoJson(data: ExportData) {
  const features = data.values.map((v) => {
    const area = data.areas.get(v.areaKey);
    return {
      type: 'Feature',
      geometry: area?.geometry ?? null,
      properties: {
        key: v.areaKey,
        name: area?.name ?? null,
        period: v.period,
        value: v.value,
        status: v.status,
        missingReason: v.missingReason,
      },
    };
  });
  return {
    type: 'FeatureCollection',
    metadata: {
      indicator: data.indicator.id,
      name: data.indicator.name,
      unit: data.indicator.unit,
      source: data.indicator.source,
      exportedAt: data.exportedAt,
    },
    features,
  };
}
