import type { MessageKey } from '../i18n/i18n.ts';
import { missingKind, type AreaRow, type MissingKind } from '../lib/area-rows.ts';
import type { ColouredClassification } from '../lib/classification.ts';
import { formatNumber, type Lang } from '../lib/format.ts';

export interface LegendEntry {
  /** `class` with a colour, or the kind of a missing value (drawn hatched or grey). */
  kind: 'class' | MissingKind;
  colour: string | null;
  label: string;
  /** Reasons of the missing values, in words ("geheim zu halten (.)"). */
  detail: string | null;
  count: number;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const MISSING_LABELS: Record<MissingKind, MessageKey> = {
  missing: 'legend.missing',
  suppressed: 'legend.suppressed',
  nodata: 'legend.noData',
};

/**
 * The legend of the map as entries: class limits with colour and count, then the missing values by
 * kind with their reasons. The same rules as the legend beside the map (components/map-legend.tsx),
 * so the exported picture says what the screen says.
 */
export function legendEntries(
  classes: ColouredClassification | null,
  rows: readonly AreaRow[],
  decimals: number,
  lang: Lang,
  t: Translate,
): LegendEntry[] {
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const c = classes?.classification;
  const entries: LegendEntry[] = [];
  if (c && c.domain) {
    c.counts.forEach((count, i) => {
      const low = i === 0 ? c.domain![0] : c.breaks[i - 1]!;
      const high = i === c.breaks.length ? c.domain![1] : c.breaks[i]!;
      const label =
        fmt(low) === fmt(high) && i === 0
          ? fmt(low)
          : t(i === 0 ? 'legend.range' : 'legend.rangeAbove', { low: fmt(low), high: fmt(high) });
      entries.push({ kind: 'class', colour: classes!.colours[i] ?? null, label, detail: null, count });
    });
  }
  const reasons = new Map<MissingKind, Map<string, number>>();
  for (const row of rows) {
    const kind = missingKind(row);
    if (!kind) continue;
    const reason =
      row.status === 'nodata'
        ? t('status.nodata')
        : t(row.missingReason ? `reason.${row.missingReason}` : 'reason.none');
    const byReason = reasons.get(kind) ?? new Map<string, number>();
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    reasons.set(kind, byReason);
  }
  for (const kind of ['missing', 'suppressed', 'nodata'] as const) {
    const byReason = reasons.get(kind);
    if (!byReason) continue;
    entries.push({
      kind,
      colour: null,
      label: t(MISSING_LABELS[kind]),
      detail: kind === 'nodata' ? null : [...byReason.keys()].join(', '),
      count: [...byReason.values()].reduce((a, b) => a + b, 0),
    });
  }
  return entries;
}

/** "1 Gebiet", "1.234 Gebiete". */
export function areaCount(count: number, lang: Lang, t: Translate): string {
  return count === 1 ? t('legend.area1') : t('legend.areas', { count: formatNumber(count, 0, lang) });
}
