import { greatCircleKm } from '../../../../packages/core/src/directory/great-circle.ts';
import type { Lang } from '../lib/format.ts';

/**
 * Everything a search is made of lives in the query string of /wegweiser, so a search or an opened
 * entry can be bookmarked, shared and printed, and the browser's back button works.
 */
export interface PortalState {
  q: string;
  category: string;
  lifePhase: string;
  targetGroup: string;
  language: string;
  accessible: boolean;
  /** The search point; `place` names it: `me` (the browser's position) or `level:areaKey`. */
  lat: number | null;
  lon: number | null;
  place: string;
  radius: number | null;
  /** The opened entry (detail view). */
  entry: string;
  lang: Lang;
}

export const RADII = [1, 2, 5, 10];

export const EMPTY_STATE: PortalState = {
  q: '',
  category: '',
  lifePhase: '',
  targetGroup: '',
  language: '',
  accessible: false,
  lat: null,
  lon: null,
  place: '',
  radius: null,
  entry: '',
  lang: 'de',
};

function coordinate(text: string | null, limit: number): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

export function parseState(search: string): PortalState {
  const p = new URLSearchParams(search);
  const lat = coordinate(p.get('lat'), 90);
  const lon = coordinate(p.get('lon'), 180);
  const radius = Number(p.get('radius'));
  const point = lat !== null && lon !== null;
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    category: p.get('category') ?? '',
    lifePhase: p.get('lifePhase') ?? '',
    targetGroup: p.get('targetGroup') ?? '',
    language: p.get('language') ?? '',
    accessible: p.get('accessible') === 'true',
    lat: point ? lat : null,
    lon: point ? lon : null,
    place: point ? (p.get('place') ?? '') : '',
    radius: point && radius > 0 && radius <= 100 ? radius : null,
    entry: p.get('entry') ?? '',
    lang: p.get('lang') === 'en' ? 'en' : 'de',
  };
}

export function serializeState(state: PortalState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.category) p.set('category', state.category);
  if (state.lifePhase) p.set('lifePhase', state.lifePhase);
  if (state.targetGroup) p.set('targetGroup', state.targetGroup);
  if (state.language) p.set('language', state.language);
  if (state.accessible) p.set('accessible', 'true');
  if (state.lat !== null && state.lon !== null) {
    p.set('lat', state.lat.toFixed(5));
    p.set('lon', state.lon.toFixed(5));
    if (state.place) p.set('place', state.place);
    if (state.radius !== null) p.set('radius', String(state.radius));
  }
  if (state.entry) p.set('entry', state.entry);
  if (state.lang !== 'de') p.set('lang', state.lang);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** Whether the state asks for a search at all (an empty portal shows the topic tiles only). */
export function hasSearch(state: PortalState): boolean {
  return Boolean(
    state.q || state.category || state.lifePhase || state.targetGroup || state.language || state.accessible,
  );
}

/** The query of GET /api/v1/directory/services for a state (without paging). */
export function searchParams(state: PortalState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  if (state.category) p.set('category', state.category);
  if (state.lifePhase) p.set('lifePhase', state.lifePhase);
  if (state.targetGroup) p.set('targetGroup', state.targetGroup);
  if (state.language.trim()) p.set('language', state.language.trim().toLowerCase());
  if (state.accessible) p.set('accessible', 'true');
  if (state.lat !== null && state.lon !== null) {
    p.set('lat', state.lat.toFixed(5));
    p.set('lon', state.lon.toFixed(5));
    if (state.radius !== null) p.set('radiusKm', String(state.radius));
  }
  return p;
}

/** Great-circle distance in km, rounded to metres as the server rounds `distanceKm`. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return Math.round(greatCircleKm(a, b) * 1000) / 1000;
}
