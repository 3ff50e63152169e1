import { localName } from '../i18n/i18n.ts';
import { formatNumber, formatPeriod } from '../lib/format.ts';
import { lang, t } from '../state/store.ts';
import type { AreaProfileResponse, ProfileIndicator, ProfilePoint } from './profile-types.ts';

/** A value as the profile shows it: the indicator's decimals, the UI's number format; "–" without. */
export function formatValue(value: number | null, row: ProfileIndicator): string {
  return value === null ? '–' : formatNumber(value, row.indicator.decimals, lang.value);
}

/** Why there is no value, in words (null when there is one). */
export function missingText(
  point: Pick<ProfilePoint, 'value' | 'status' | 'missingReason'>,
  period: string | null,
): string | null {
  if (point.value !== null) return null;
  if (period === null) return null;
  if (point.status === 'nodata') return t('status.nodata');
  return t(point.missingReason ? `reason.${point.missingReason}` : 'reason.none');
}

export function indicatorName(row: ProfileIndicator): string {
  return localName(lang.value, row.indicator);
}

/**
 * The ancestors shown as columns: the parent always (the comparison is with it), the others only
 * where at least one indicator has a value there (Berlin's MSS figures stop at the Bezirk).
 */
export function referenceColumns(profile: AreaProfileResponse): number[] {
  const rows = profile.topics.flatMap((topic) => topic.indicators);
  return profile.ancestors
    .map((_, i) => i)
    .filter((i) => i === 0 || rows.some((row) => (row.references[i]?.value ?? null) !== null));
}

export function allRows(profile: AreaProfileResponse): ProfileIndicator[] {
  return profile.topics.flatMap((topic) => topic.indicators);
}

export function periodText(period: string | null): string {
  return period === null ? '–' : formatPeriod(period, lang.value);
}

/** The quintile in words, e.g. "Quintil 2/5: eher ungünstig"; null without one. */
export function quintileText(row: ProfileIndicator): string | null {
  if (row.quintile === null) return null;
  const kind = row.indicator.polarity === 'neutral' ? 'neutral' : 'judged';
  const n = row.quintile as 1 | 2 | 3 | 4 | 5;
  return t('profile.quintile', { n, label: t(`profile.quintile.${kind}.${n}`) });
}

/**
 * The profile narrowed to one topic (the `topic` of the view state, which the indicator browser
 * shares): a data sheet of one field, e.g. Berlin's MSS, prints on one page. A topic the profile
 * does not have shows everything.
 */
export function withTopic(profile: AreaProfileResponse, topic: string | null): AreaProfileResponse {
  if (topic === null || !profile.topics.some((entry) => entry.topic === topic)) return profile;
  return { ...profile, topics: profile.topics.filter((entry) => entry.topic === topic) };
}
