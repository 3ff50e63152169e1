import { DomainError } from '../domain/errors.ts';
import { bbox } from '../geo/bbox.ts';
import type { PolygonalGeometry } from '../geo/merge.ts';
import { pointInPolygon } from '../geo/point-in-polygon.ts';
import { LIFE_PHASES, type DirectoryEntry, type GeoPoint, type LifePhase } from './directory-types.ts';
import { greatCircleKm, isValidPoint, radiusBox } from './great-circle.ts';
import type { DirectoryIndex, IndexedEntry } from './search-index.ts';
import { planQuery, textScores } from './search-text.ts';

export interface DirectoryQuery {
  /** Free text; forgives typos, knows word forms and the configured synonyms. */
  text?: string;
  /** A category id; entries of its sub-categories are included. */
  category?: string;
  targetGroup?: string;
  lifePhase?: LifePhase;
  /** ISO 639-1 code. */
  language?: string;
  /** Accessibility features the facility must all have. */
  accessibility?: string[];
  /** Only entries located inside this area. */
  within?: PolygonalGeometry;
  /** With a point, results are sorted nearest first and carry their distance. */
  near?: GeoPoint;
  /** Only entries within this great-circle distance of `near`, in km. */
  radiusKm?: number;
  limit?: number;
  offset?: number;
}

export interface DirectoryHit {
  entry: DirectoryEntry;
  /** Great-circle distance from `near` in km; null without a point or without a location. */
  distanceKm: number | null;
  /** Text relevance (0 without text). */
  score: number;
}

export interface DirectoryResult {
  total: number;
  items: DirectoryHit[];
  /**
   * Matching entries per category, counted with every filter except the category itself (so the
   * portal can offer the other categories); a parent counts the entries of its sub-categories.
   */
  facets: { categories: Record<string, number> };
}

export const DIRECTORY_DEFAULT_LIMIT = 20;
export const DIRECTORY_MAX_LIMIT = 500;

interface Candidate {
  doc: number;
  distanceKm: number | null;
  score: number;
}

/**
 * Answers a directory query from the index (at most `maxLimit` items a page, 500 unless an export
 * asks for all): text match, filters, area and radius; sorted nearest
 * first when a point is given, else by relevance when there is text, else by name.
 */
export function searchDirectory(
  index: DirectoryIndex,
  query: DirectoryQuery,
  options: { maxLimit?: number } = {},
): DirectoryResult {
  const q = checkQuery(index, query, options.maxLimit ?? DIRECTORY_MAX_LIMIT);
  const scores = q.text === undefined ? null : textScores(index, planQuery(index, q.text));
  const candidates: Candidate[] = [];
  const keep = filterWithoutCategory(q);
  const box = q.near && q.radiusKm !== undefined ? radiusBox(q.near, q.radiusKm) : null;
  const wrapsLon = box !== null && (box[0] < -180 || box[2] > 180);
  const areaBox = q.within ? bbox(q.within) : null;
  const visit = (doc: number, score: number) => {
    const e = index.entries[doc]!;
    if (!keep(e)) return;
    if (box && !(e.lat >= box[1] && e.lat <= box[3] && (wrapsLon || (e.lon >= box[0] && e.lon <= box[2]))))
      return;
    if (q.within && !inside(e, q.within, areaBox)) return;
    let distanceKm: number | null = null;
    if (q.near && !Number.isNaN(e.lat)) {
      distanceKm = greatCircleKm(q.near, e);
      if (q.radiusKm !== undefined && distanceKm > q.radiusKm) return;
    } else if (q.near && q.radiusKm !== undefined) {
      return;
    }
    candidates.push({ doc, distanceKm, score });
  };
  if (scores !== null) {
    for (const [doc, score] of scores) visit(doc, score);
  } else {
    const near = searchBox(box, areaBox, wrapsLon);
    const docs = near ? index.grid.candidates(near) : null;
    if (docs) for (const doc of docs) visit(doc, 0);
    else for (let doc = 0; doc < index.entries.length; doc++) visit(doc, 0);
  }

  const facets = countCategories(index, candidates);
  const selected = q.category ? inCategory(index, candidates, q.category) : candidates;
  selected.sort(order(q, index));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DIRECTORY_DEFAULT_LIMIT;
  return {
    total: selected.length,
    items: selected.slice(offset, offset + limit).map((c) => ({
      entry: index.entries[c.doc]!.entry,
      distanceKm: c.distanceKm,
      score: c.score,
    })),
    facets: { categories: facets },
  };
}

function checkQuery(index: DirectoryIndex, query: DirectoryQuery, maxLimit: number): DirectoryQuery {
  const fail = (message: string, details: unknown) => {
    throw new DomainError('ValidationFailed', message, details);
  };
  if (query.category !== undefined) index.categories.require(query.category);
  if (query.lifePhase !== undefined && !LIFE_PHASES.includes(query.lifePhase))
    fail(`lifePhase must be one of ${LIFE_PHASES.join(', ')}, got "${query.lifePhase}"`, {
      lifePhase: query.lifePhase,
    });
  if (query.radiusKm !== undefined) {
    if (!query.near) fail('a radius needs a point (lat and lon)', { radiusKm: query.radiusKm });
    if (!(query.radiusKm >= 0) || !Number.isFinite(query.radiusKm))
      fail(`radiusKm must be a number ≥ 0, got ${query.radiusKm}`, { radiusKm: query.radiusKm });
  }
  if (query.near && !isValidPoint(query.near))
    fail('the point must have lat in [-90, 90] and lon in [-180, 180]', { near: query.near });
  const limit = query.limit ?? DIRECTORY_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit)
    fail(`limit must be a whole number from 0 to ${maxLimit}, got ${limit}`, { limit });
  const offset = query.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    fail(`offset must be a whole number ≥ 0, got ${offset}`, { offset });
  const text = query.text?.trim();
  return { ...query, text: text ? text : undefined };
}

/** The box a spatial search cannot leave: the radius box, the area's box, or where they overlap. */
function searchBox(
  radius: [number, number, number, number] | null,
  area: number[] | null,
  wrapsLon: boolean,
): [number, number, number, number] | null {
  const r = radius && !wrapsLon ? radius : null;
  if (!r && !area) return null;
  if (!r) return area as [number, number, number, number];
  if (!area) return r;
  return [
    Math.max(r[0], area[0]!),
    Math.max(r[1], area[1]!),
    Math.min(r[2], area[2]!),
    Math.min(r[3], area[3]!),
  ];
}

function filterWithoutCategory(q: DirectoryQuery): (e: IndexedEntry) => boolean {
  const tests: ((e: IndexedEntry) => boolean)[] = [];
  if (q.targetGroup !== undefined) tests.push((e) => e.targetGroups.has(q.targetGroup!));
  if (q.lifePhase !== undefined) tests.push((e) => e.lifePhases.has(q.lifePhase!));
  if (q.language !== undefined) tests.push((e) => e.languages.has(q.language!.toLowerCase()));
  for (const feature of q.accessibility ?? []) tests.push((e) => e.accessibility.has(feature));
  return (e) => tests.every((t) => t(e));
}

function inside(e: IndexedEntry, area: PolygonalGeometry, box: number[] | null): boolean {
  if (Number.isNaN(e.lat)) return false;
  if (box && (e.lon < box[0]! || e.lon > box[2]! || e.lat < box[1]! || e.lat > box[3]!)) return false;
  return pointInPolygon([e.lon, e.lat], area);
}

function countCategories(index: DirectoryIndex, candidates: readonly Candidate[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of candidates)
    for (const id of index.entries[c.doc]!.categoryPath) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries(counts);
}

function inCategory(index: DirectoryIndex, candidates: Candidate[], category: string): Candidate[] {
  return candidates.filter((c) => index.entries[c.doc]!.categories.has(category));
}

/** Nearest first with a point; else best text match first; ties (and no text) in name order. */
function order(q: DirectoryQuery, index: DirectoryIndex): (a: Candidate, b: Candidate) => number {
  const byName = (a: Candidate, b: Candidate) =>
    index.entries[a.doc]!.nameRank - index.entries[b.doc]!.nameRank;
  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || byName(a, b);
  if (!q.near) return byScore;
  return (a, b) => {
    if (a.distanceKm === null || b.distanceKm === null) {
      if (a.distanceKm !== b.distanceKm) return a.distanceKm === null ? 1 : -1;
      return byScore(a, b);
    }
    return a.distanceKm - b.distanceKm || byScore(a, b);
  };
}
