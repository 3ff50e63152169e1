import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createAnalysisService } from '@lagebild/analysis';
import { DomainError, type IndicatorDefinition, type StoredObservation } from '@lagebild/core';
import {
  EXPORT_FORMATS,
  valueRows,
  writeExport,
  type ExportFormat,
  type ExportTable,
} from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';

interface ExportOptions {
  indicator: string;
  level: string;
  period?: string;
  format: ExportFormat;
  out?: string;
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
    .option('-f, --format <format>', EXPORT_FORMATS.join(' | '), 'csv')
    .option('-o, --out <file>', 'output file')
    .option(
      '--locale <locale>',
      'de: ";" and decimal comma (opens in German Excel); en: "," and decimal point, English titles',
      'de',
    )
    .action(async (options: ExportOptions, command: Command) => {
      if (!EXPORT_FORMATS.includes(options.format)) {
        throw new DomainError(
          'UnsupportedFormat',
          `Unknown export format "${String(options.format)}"; use ${EXPORT_FORMATS.join(', ')}.`,
        );
      }
      if (options.locale !== 'de' && options.locale !== 'en')
        throw new DomainError('ValidationFailed', `--locale: expected de or en, got "${options.locale}".`);
      const settings = commandSettings(command);
      const out = options.out ?? `${options.indicator}_${options.level}.${options.format}`;
      await withStore(settings.database, async (store) => {
        const table = await collect(store, options);
        const file = await writeExport(table, options.format, options.locale);
        writeFileSync(out, file.body);
        process.stdout.write(`${table.rows.length} values written to ${out}\n`);
      });
    });
}

/** Stored values (or those computed from a derived indicator's formula), one row per value. */
async function collect(store: Store, options: ExportOptions): Promise<ExportTable> {
  const indicator = await store.getIndicator(options.indicator);
  if (!indicator) throw new DomainError('IndicatorNotFound', `No indicator "${options.indicator}".`);
  const level = await store.getLevel(options.level);
  if (!level) throw new DomainError('LevelNotFound', `No level "${options.level}".`);
  const geojson = options.format === 'geojson';
  let period = options.period;
  if (!period && geojson) period = (await periodsOf(store, indicator, level.id)).at(-1);
  const values = await valuesOf(store, indicator, level.id, period);
  const areas = await store.listAreas(level.id, { withGeometry: geojson });
  return {
    indicator,
    level: { id: level.id, name: options.locale === 'en' && level.nameEn ? level.nameEn : level.name },
    parent: null,
    period: period ?? null,
    rows: valueRows(values, new Map(areas.map((a) => [a.key, a.name]))),
    exportedAt: new Date().toISOString().slice(0, 10),
    ...(geojson ? { geometries: new Map(areas.map((a) => [a.key, a.geometry])) } : {}),
  };
}

async function periodsOf(store: Store, indicator: IndicatorDefinition, level: string): Promise<string[]> {
  if (indicator.formula === null) return store.listPeriods(indicator.id, level);
  return (await derived(store).derivedPeriods(indicator.id, level)).periods;
}

async function valuesOf(
  store: Store,
  indicator: IndicatorDefinition,
  level: string,
  period: string | undefined,
): Promise<StoredObservation[]> {
  if (indicator.formula === null)
    return store.getValues({ indicatorId: indicator.id, levelId: level, period });
  return (await derived(store).derivedValues(indicator.id, { level, period })).values;
}

/** Derived indicators are computed from their inputs; no presets or rules are needed for that. */
function derived(store: Store) {
  return createAnalysisService({ store, presetDirs: [] });
}
