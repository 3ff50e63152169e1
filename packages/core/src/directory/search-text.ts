import { allowedEdits, editDistance } from './edit-distance.ts';
import { tokenizeText, type TextToken } from './normalize-text.ts';
import type { DirectoryIndex } from './search-index.ts';
import { conceptTerm } from './synonyms.ts';

/** An index term a query word may stand for, and how good a match it is (1 = exactly the word). */
export interface TermAlternative {
  term: string;
  quality: number;
}

export const MATCH_QUALITY = { exact: 1, synonym: 0.9, prefix: 0.8, edits: [1, 0.6, 0.4] } as const;

/** Prefix matching starts at this many letters, and stops after this many word forms. */
const MIN_PREFIX = 3;
const MAX_PREFIX_FORMS = 200;
const MAX_CACHED_WORDS = 5_000;

/**
 * One condition of a query that an entry must meet: every part (a query word, with its
 * alternatives), or one of the `whole` alternatives standing for all parts at once (a synonym phrase,
 * the joined form of a hyphenated word).
 */
export interface QueryClause {
  parts: TermAlternative[][];
  whole: TermAlternative[];
}

/** The query text as clauses; no clauses when it holds no searchable word. */
export function planQuery(index: DirectoryIndex, text: string): QueryClause[] {
  const tokens = tokenizeText(text, index.stem);
  const single = new Map<number, TextToken>();
  for (const t of tokens) if (t.length === 1) single.set(t.position, t);
  const spans = new Map<number, { to: number; whole: TermAlternative[] }>();
  // Of the spans starting at one word the longest wins; equal spans pool their alternatives.
  const addSpan = (from: number, to: number, whole: TermAlternative[]) => {
    const known = spans.get(from);
    if (known && known.to > to) return;
    if (known && known.to === to) known.whole = [...known.whole, ...whole];
    else spans.set(from, { to, whole });
  };
  for (const t of tokens)
    if (t.length > 1) addSpan(t.position, t.position + t.length - 1, expandWord(index, t));
  for (const { group, from, to } of index.synonyms.phrasesIn(
    tokens,
    (t, stem) => t.length === 1 && near(t.stem, stem),
  ))
    addSpan(from, to, [{ term: conceptTerm(group), quality: MATCH_QUALITY.synonym }]);

  const clauses: QueryClause[] = [];
  const positions = [...single.keys()].sort((a, b) => a - b);
  for (let i = 0; i < positions.length;) {
    const from = positions[i]!;
    const span = spans.get(from);
    const to = span?.to ?? from;
    const parts: TermAlternative[][] = [];
    for (; i < positions.length && positions[i]! <= to; i++)
      parts.push(expandWord(index, single.get(positions[i]!)!));
    clauses.push({ parts, whole: span?.whole ?? [] });
  }
  return clauses;
}

function near(a: string, b: string): boolean {
  return (
    editDistance(a, b, allowedEdits(Math.min(a.length, b.length))) <=
    allowedEdits(Math.min(a.length, b.length))
  );
}

/**
 * The index terms a query word may stand for: its stem; the synonym groups of the stem (also with
 * typos); the stems of word forms it begins (search as you type, and the first half of a compound);
 * and stems and word forms within the allowed typos (1 edit for 4–7 letters, 2 from 8).
 */
export function expandWord(index: DirectoryIndex, token: TextToken): TermAlternative[] {
  const key = `${token.surface} ${token.stem}`;
  const cached = index.expansions.get(key) as TermAlternative[] | undefined;
  if (cached) return cached;
  const found = new Map<string, number>();
  const offer = (term: string, quality: number) => {
    if ((found.get(term) ?? 0) < quality) found.set(term, quality);
  };
  offer(token.stem, MATCH_QUALITY.exact);
  for (const g of index.synonyms.groupsOfStem(token.stem)) offer(conceptTerm(g), MATCH_QUALITY.synonym);
  if (!/\d/.test(token.surface)) {
    prefixMatches(index, token.surface, offer);
    typoMatches(index, token, offer);
  }
  const alternatives = [...found].map(([term, quality]) => ({ term, quality }));
  if (index.expansions.size >= MAX_CACHED_WORDS) index.expansions.clear();
  index.expansions.set(key, alternatives);
  return alternatives;
}

function prefixMatches(
  index: DirectoryIndex,
  prefix: string,
  offer: (term: string, q: number) => void,
): void {
  if (prefix.length < MIN_PREFIX) return;
  const surfaces = index.surfaces;
  let lo = 0;
  let hi = surfaces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (surfaces[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (
    let i = lo, n = 0;
    i < surfaces.length && n < MAX_PREFIX_FORMS && surfaces[i]!.startsWith(prefix);
    i++, n++
  ) {
    if (surfaces[i] === prefix) continue;
    for (const stem of index.stemsOfSurface.get(surfaces[i]!) ?? []) offer(stem, MATCH_QUALITY.prefix);
  }
}

/**
 * A word the index or the synonyms know is taken as meant (no typo); an unknown word is matched to the
 * nearest known words only (those at the smallest distance found), as a spelling corrector would.
 */
function typoMatches(
  index: DirectoryIndex,
  token: TextToken,
  offer: (term: string, q: number) => void,
): void {
  const max = allowedEdits(token.surface.length);
  if (max === 0 || isKnown(index, token)) return;
  const found: { term: string; distance: number }[] = [];
  forWithin(index.surfacesByLength, token.surface, max, (surface, distance) => {
    for (const stem of index.stemsOfSurface.get(surface) ?? []) found.push({ term: stem, distance });
  });
  forWithin(index.stemsByLength, token.stem, max, (stem, distance) => found.push({ term: stem, distance }));
  for (const stem of index.synonyms.singleStems()) {
    const distance = editDistance(token.stem, stem, max);
    if (distance > 0 && distance <= max)
      for (const g of index.synonyms.groupsOfStem(stem)) found.push({ term: conceptTerm(g), distance });
  }
  const nearest = Math.min(...found.map((f) => f.distance));
  for (const { term, distance } of found) {
    if (distance !== nearest) continue;
    const quality = MATCH_QUALITY.edits[distance] ?? 0;
    offer(term, term.startsWith('~') ? MATCH_QUALITY.synonym * quality : quality);
  }
}

function isKnown(index: DirectoryIndex, token: TextToken): boolean {
  return (
    index.postings.has(token.stem) ||
    index.stemsOfSurface.has(token.surface) ||
    index.synonyms.groupsOfStem(token.stem).length > 0
  );
}

function forWithin(
  byLength: ReadonlyMap<number, readonly string[]>,
  word: string,
  max: number,
  visit: (candidate: string, distance: number) => void,
): void {
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of byLength.get(length) ?? []) {
      const d = editDistance(word, candidate, max);
      if (d > 0 && d <= max) visit(candidate, d);
    }
  }
}

/** Scores per entry for the clauses (sum of each clause's best match); null without clauses. */
export function textScores(
  index: DirectoryIndex,
  clauses: readonly QueryClause[],
): Map<number, number> | null {
  if (clauses.length === 0) return null;
  let result: Map<number, number> | null = null;
  for (const clause of clauses) {
    const scores = clauseScores(index, clause);
    if (result === null) {
      result = scores;
    } else {
      const next = new Map<number, number>();
      for (const [doc, score] of result) {
        const s = scores.get(doc);
        if (s !== undefined) next.set(doc, score + s);
      }
      result = next;
    }
    if (result.size === 0) break;
  }
  return result;
}

function clauseScores(index: DirectoryIndex, clause: QueryClause): Map<number, number> {
  const parts = clause.parts.map((alternatives) => bestScores(index, alternatives));
  let combined = parts[0] ?? new Map<number, number>();
  for (const part of parts.slice(1)) {
    const next = new Map<number, number>();
    for (const [doc, score] of combined) {
      const s = part.get(doc);
      if (s !== undefined) next.set(doc, score + s);
    }
    combined = next;
  }
  if (clause.whole.length === 0) return combined;
  // The whole (e.g. a synonym for a two-word phrase) counts as much as all its words together.
  const whole = bestScores(index, clause.whole);
  const result = new Map(combined);
  for (const [doc, score] of whole) {
    const scaled = score * clause.parts.length;
    if ((result.get(doc) ?? 0) < scaled) result.set(doc, scaled);
  }
  return result;
}

function bestScores(index: DirectoryIndex, alternatives: readonly TermAlternative[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { term, quality } of alternatives) {
    const posting = index.postings.get(term);
    if (!posting) continue;
    const factor = posting.idf * quality;
    for (let i = 0; i < posting.docs.length; i++) {
      const doc = posting.docs[i]!;
      const score = posting.weights[i]! * factor;
      if ((scores.get(doc) ?? 0) < score) scores.set(doc, score);
    }
  }
  return scores;
}
