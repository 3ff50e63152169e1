import type { MessageKey } from '../i18n/i18n.ts';
import { toCsv, type CsvCell } from '../lib/csv.ts';
import { formatPeriod, type Lang } from '../lib/format.ts';
import type { FlaggedArea, WarningRuleSummary } from './warning-types.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The flagged areas as CSV for German Excel: one row per area and reason (ready for a pivot table),
 * then the source and the date of the evaluation.
 */
export function warningsCsv(
  flagged: readonly FlaggedArea[],
  rules: readonly WarningRuleSummary[],
  describe: (area: FlaggedArea, reasonIndex: number) => string,
  lang: Lang,
  t: Translate,
  now: Date,
): string {
  const rows: CsvCell[][] = [
    [
      t('warnings.area'),
      t('table.key'),
      t('warnings.level'),
      t('warnings.rule'),
      t('warnings.kind'),
      t('warnings.reasons'),
    ],
  ];
  for (const area of flagged) {
    area.reasons.forEach((reason, i) => {
      rows.push([
        area.name ?? area.key,
        { key: area.key },
        area.level,
        reason.label ?? reason.ruleId,
        t(`warnings.kind.${reason.kind}`),
        describe(area, i),
      ]);
    });
  }
  rows.push([]);
  rows.push([t('warnings.csvSource', { rules: rules.map((r) => r.label ?? r.id).join(', ') })]);
  rows.push([t('warnings.csvDate', { date: formatPeriod(now.toISOString().slice(0, 10), lang) })]);
  return toCsv(rows);
}
