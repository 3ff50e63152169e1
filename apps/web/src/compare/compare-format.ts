import type { Level } from '../api/types.ts';
import { localName, type MessageKey } from '../i18n/i18n.ts';
import type { Lang } from '../lib/format.ts';
import type { CompareIndicator, CompareReference, CompareValue } from './compare-types.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Why a compared value is missing, in words (never shown as 0 or left blank). */
export function reasonText(value: CompareValue, t: Translate): string {
  if (value.status === 'nodata') return t('status.nodata');
  return t(value.missingReason ? `reason.${value.missingReason}` : 'reason.none');
}

/** The significance against a reference, or null where it was not tested. */
export function outcomeText(outcome: CompareValue['outcome'], t: Translate): string | null {
  return outcome === 'not_compared' ? null : t(`compare.outcome.${outcome}`);
}

/** The area's fifth among all areas of the level, for indicators that are not tested. */
export function quintileText(value: CompareValue, compared: CompareIndicator, t: Translate): string | null {
  if (compared.method.benchmark !== 'quantiles' || value.quintile === null) return null;
  const neutral = compared.indicator.polarity === 'neutral';
  return t(neutral ? 'compare.quintile.neutral' : 'compare.quintile.judged', { group: value.quintile });
}

/** "Alle Planungsräume (LOR bis 2020)" for the level, the area's name for a parent. */
export function referenceLabel(
  reference: CompareReference,
  levels: ReadonlyMap<string, Level>,
  lang: Lang,
  t: Translate,
): string {
  if (reference.role === 'parent') return reference.name ?? reference.key ?? '';
  const level = levels.get(reference.level);
  return t('compare.levelReference', { level: level ? localName(lang, level) : reference.level });
}

/** The distinct references over all indicators, in order: the level first, then the parents. */
export function referenceRows(indicators: readonly CompareIndicator[]): CompareReference[] {
  const rows = new Map<string, CompareReference>();
  for (const compared of indicators)
    for (const reference of compared.references) {
      const id = `${reference.role}:${reference.level}:${reference.key ?? ''}`;
      if (!rows.has(id)) rows.set(id, reference);
    }
  return [...rows.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'level' ? -1 : 1));
}

/** The same reference (by role, level and key) among one indicator's references. */
export function referenceOf(compared: CompareIndicator, row: CompareReference): CompareReference | undefined {
  return compared.references.find((r) => r.role === row.role && r.level === row.level && r.key === row.key);
}
