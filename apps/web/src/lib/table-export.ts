import type { Indicator } from '../api/types.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { AreaRow } from './area-rows.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { formatPeriod, type Lang } from './format.ts';

export interface TableExport {
  indicator: Indicator | null;
  levelName: string;
  parentName: string | null;
  period: string | null;
  rows: readonly AreaRow[];
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** When the export was made (passed in, so tests are deterministic). */
  now: Date;
}

/** The table as CSV: the rows first (ready for a pivot table), then source, period and date. */
export function tableCsv(e: TableExport): string {
  const { t } = e;
  const unit = e.indicator?.unit;
  const header: CsvCell[] = [
    t('table.name'),
    t('table.key'),
    unit ? t('table.value', { unit }) : t('table.valueNoUnit'),
    t('table.status'),
    t('details.reason'),
    t('details.numerator'),
    t('details.denominator'),
  ];
  const body = e.rows.map((r): CsvCell[] => [
    r.name,
    { key: r.key },
    r.value,
    t(`status.${r.status}`),
    r.value === null ? t(r.missingReason ? `reason.${r.missingReason}` : 'reason.none') : null,
    r.numerator,
    r.denominator,
  ]);
  const name = e.indicator
    ? e.lang === 'en' && e.indicator.nameEn
      ? e.indicator.nameEn
      : e.indicator.name
    : '';
  const meta: CsvCell[][] = [
    [],
    [t('export.indicator'), name ? `${name} (${e.indicator!.id})` : null],
    [t('export.unit'), unit ?? null],
    [t('export.level'), e.levelName],
    ...(e.parentName ? [[t('export.parent'), e.parentName]] : []),
    [t('export.period'), e.period ? formatPeriod(e.period, e.lang) : null],
    [t('export.source'), e.indicator?.source ?? null],
    [t('export.exported'), formatPeriod(e.now.toISOString().slice(0, 10), e.lang)],
    [t('export.by')],
  ];
  return toCsv([header, ...body, ...meta]);
}

export function exportFileName(
  indicator: string | null,
  level: string,
  period: string | null,
  extension: string,
): string {
  const parts = ['lagebild', indicator ?? 'gebiete', level, period ?? ''].filter((p) => p !== '');
  return `${parts.join('_').replace(/[^\w.-]+/g, '-')}.${extension}`;
}
