import type { Lang } from '../lib/format.ts';
import { tw, type WegweiserKey } from './wegweiser.i18n.ts';

export interface Travel {
  profile: string;
  durationSeconds: number | null;
  distanceMeters: number | null;
}

/** A travel time in words: whole minutes (at least 1), from an hour on with hours. */
export function durationText(seconds: number, lang: Lang): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return tw(lang, 'travel.minutes', { n: minutes });
  return tw(lang, 'travel.hours', { h: Math.floor(minutes / 60), n: minutes % 60 });
}

const KNOWN = new Set(['foot', 'walking', 'bike', 'cycling', 'car', 'driving']);

/**
 * "ca. 12 Min. zu Fuß · 5 Min. mit dem Auto": the profiles with a route, in the configured order;
 * null when none has one (the straight-line distance then stands alone).
 */
export function travelText(travel: readonly Travel[] | undefined, lang: Lang): string | null {
  const parts = (travel ?? []).flatMap((t) => {
    if (t.durationSeconds === null) return [];
    const time = durationText(t.durationSeconds, lang);
    return KNOWN.has(t.profile)
      ? [tw(lang, `travel.${t.profile}` as WegweiserKey, { time })]
      : [tw(lang, 'travel.other', { time, profile: t.profile })];
  });
  return parts.length === 0 ? null : tw(lang, 'travel.approx', { list: parts.join(' · ') });
}
