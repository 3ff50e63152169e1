import type { Level } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { toCsv, type CsvCell } from '../lib/csv.ts';
import { formatPeriod, type Lang } from '../lib/format.ts';
import {
  outcomeText,
  reasonText,
  referenceLabel,
  referenceOf,
  referenceRows,
  type Translate,
} from './compare-format.ts';
import type { CompareAreasResponse } from './compare-types.ts';

export interface CompareExport {
  data: CompareAreasResponse;
  levels: ReadonlyMap<string, Level>;
  lang: Lang;
  t: Translate;
  /** When the export was made (passed in, so tests are deterministic). */
  now: Date;
}

/**
 * The comparison as CSV for German Excel, one row per area and indicator (ready for a pivot
 * table), then the reference values, then level, period, sources and the date of the export.
 */
export function compareCsv(e: CompareExport): string {
  const { data, t, lang } = e;
  const level = e.levels.get(data.level);
  const levelName = level ? localName(lang, level) : data.level;
  const header: CsvCell[] = [
    t('compare.area'),
    t('table.key'),
    t('compare.csvIndicator'),
    t('compare.csvId'),
    t('compare.csvUnit'),
    t('compare.csvPeriod'),
    t('compare.csvValue'),
    t('table.status'),
    t('compare.csvReason'),
    t('compare.csvComparison', { reference: t('compare.levelReference', { level: levelName }) }),
    t('compare.csvParentComparison'),
    t('compare.csvQuintile'),
    t('compare.csvLower'),
    t('compare.csvUpper'),
  ];
  const name = (i: CompareAreasResponse['indicators'][number]) => localName(lang, i.indicator);
  const period = (p: string | null) => (p ? formatPeriod(p, lang) : null);
  const body: CsvCell[][] = data.areas.flatMap((area, a) =>
    data.indicators.map((compared) => {
      const v = compared.values[a]!;
      return [
        area.name ?? area.key,
        { key: area.key },
        name(compared),
        compared.indicator.id,
        compared.indicator.unit,
        period(compared.period),
        v.value,
        t(`status.${v.status}`),
        v.value === null ? reasonText(v, t) : null,
        outcomeText(v.outcome, t),
        outcomeText(v.parentOutcome, t),
        compared.method.benchmark === 'quantiles' ? v.quintile : null,
        v.lower,
        v.upper,
      ];
    }),
  );
  const references: CsvCell[][] = referenceRows(data.indicators).flatMap((row) =>
    data.indicators.map((compared) => {
      const reference = referenceOf(compared, row);
      return [
        referenceLabel(row, e.levels, lang, t),
        row.key === null ? null : { key: row.key },
        name(compared),
        compared.indicator.id,
        compared.indicator.unit,
        period(compared.period),
        reference?.value ?? null,
        reference
          ? `${t('compare.csvReference')}: ${t(`compare.basis.${reference.basis}`)}`
          : t('compare.csvReference'),
        !reference ? t('status.nodata') : reference.value === null ? t('reason.none') : null,
        null,
        null,
        null,
        null,
        null,
      ];
    }),
  );
  const sources: CsvCell[][] = data.indicators.map((compared) => [
    `${name(compared)} (${compared.indicator.id})`,
    compared.indicator.source ?? t('sheet.notGiven'),
  ]);
  const meta: CsvCell[][] = [
    [],
    [t('export.level'), levelName],
    [t('export.period'), data.period ? formatPeriod(data.period, lang) : t('compare.periodLatest')],
    [t('compare.csvSources')],
    ...sources,
    [t('export.exported'), formatPeriod(e.now.toISOString().slice(0, 10), lang)],
    [t('export.by')],
  ];
  return toCsv([header, ...body, ...references, ...meta]);
}

export function compareFileName(data: CompareAreasResponse): string {
  const parts = ['lagebild', 'vergleich', data.level, data.period ?? ''].filter((p) => p !== '');
  return `${parts.join('_').replace(/[^\w.-]+/g, '-')}.csv`;
}
