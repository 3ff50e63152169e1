import { invalid, list, record, text } from '../indices/validate.ts';
import { tokenizeText, type TextToken } from './normalize-text.ts';

/** Groups of words and phrases that mean the same in a search ("Kita", "Kindertagesstätte", …). */
export interface SynonymConfig {
  groups: string[][];
}

/**
 * Reads `synonyms:` — a list of groups, each a list of at least two words or phrases, or the same
 * written as one comma-separated line (easier to read in YAML).
 */
export function parseSynonyms(raw: unknown): SynonymConfig {
  const top = record(raw, '', ['synonyms']);
  const groups = list(top.synonyms, 'synonyms').map((group, i) => {
    const terms =
      typeof group === 'string'
        ? group
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : group;
    return list(terms, `synonyms[${i}]`, 2).map((term, j) => text(term, `synonyms[${i}][${j}]`));
  });
  groups.forEach((group, i) => {
    for (const [j, term] of group.entries())
      if (tokenizeText(term).length === 0)
        throw invalid(`synonyms[${i}][${j}]`, 'a word that is not a stopword', term);
  });
  return { groups };
}

/** The token of a synonym group inside the search index; it cannot collide with a word. */
export function conceptTerm(group: number): string {
  return `~${group}`;
}

/** A compound ending in a synonym (Alten|pflegeheim) means it too, if that synonym is this long. */
const MIN_COMPOUND_TAIL = 5;

/**
 * Finds the synonym groups a text mentions. One-word synonyms match a token's stem, or the end of a
 * longer compound; phrases match consecutive tokens.
 */
export class SynonymMatcher {
  readonly #single = new Map<string, number[]>();
  readonly #phrases: { stems: string[]; group: number }[] = [];
  /** Phrases by their first stem, for the exact matching of documents. */
  readonly #phrasesByFirst = new Map<string, { stems: string[]; group: number }[]>();
  readonly #tails = new Set<number>();
  /** groupsOfStem answers, since an index asks for the same words over and over. */
  readonly #groupsCache = new Map<string, number[]>();

  constructor(readonly config: SynonymConfig) {
    config.groups.forEach((group, g) => {
      for (const term of group) {
        // The words themselves; the joined form of a hyphenated word would break the phrase.
        const stems = tokenizeText(term)
          .filter((t) => t.length === 1)
          .map((t) => t.stem);
        if (stems.length === 1) {
          const stem = stems[0]!;
          this.#single.set(stem, [...new Set([...(this.#single.get(stem) ?? []), g])]);
          if (stem.length >= MIN_COMPOUND_TAIL) this.#tails.add(stem.length);
        } else {
          const phrase = { stems, group: g };
          this.#phrases.push(phrase);
          this.#phrasesByFirst.set(stems[0]!, [...(this.#phrasesByFirst.get(stems[0]!) ?? []), phrase]);
        }
      }
    });
  }

  /** One-word synonym stems, for typo-tolerant matching of query words. */
  singleStems(): string[] {
    return [...this.#single.keys()];
  }

  /** Groups of one stem: exactly, or as the tail of a compound. */
  groupsOfStem(stem: string): number[] {
    const cached = this.#groupsCache.get(stem);
    if (cached) return cached;
    const found = new Set(this.#single.get(stem) ?? []);
    for (const length of this.#tails) {
      if (length >= stem.length) continue;
      for (const g of this.#single.get(stem.slice(-length)) ?? []) found.add(g);
    }
    const groups = [...found];
    if (this.#groupsCache.size >= 100_000) this.#groupsCache.clear();
    this.#groupsCache.set(stem, groups);
    return groups;
  }

  /**
   * Groups of multi-word phrases found in the tokens, with the positions they span. `matches` says
   * whether a token stands for a phrase word (exactly, or with typos on the query side).
   */
  phrasesIn(
    tokens: readonly TextToken[],
    matches?: (token: TextToken, stem: string) => boolean,
  ): { group: number; from: number; to: number }[] {
    if (!matches) return this.#exactPhrases(tokens);
    const found: { group: number; from: number; to: number }[] = [];
    const byPosition = positions(tokens);
    for (const { stems, group } of this.#phrases) {
      for (const [position, first] of byPosition) {
        if (!first.some((t) => matches(t, stems[0]!))) continue;
        const all = stems.every((stem, k) =>
          (byPosition.get(position + k) ?? []).some((t) => matches(t, stem)),
        );
        if (all) found.push({ group, from: position, to: position + stems.length - 1 });
      }
    }
    return found;
  }

  #exactPhrases(tokens: readonly TextToken[]): { group: number; from: number; to: number }[] {
    return exactPhrasesIn(tokens, this.#phrasesByFirst);
  }
}

/** Documents: phrases looked up by the stem they start with, then checked word by word. */
function exactPhrasesIn(
  tokens: readonly TextToken[],
  byFirst: ReadonlyMap<string, { stems: string[]; group: number }[]>,
): { group: number; from: number; to: number }[] {
  const found: { group: number; from: number; to: number }[] = [];
  if (byFirst.size === 0) return found;
  let byPosition: Map<number, TextToken[]> | null = null;
  for (const token of tokens) {
    const candidates = byFirst.get(token.stem);
    if (!candidates) continue;
    byPosition ??= positions(tokens);
    for (const { stems, group } of candidates) {
      const all = stems.every((stem, k) =>
        (byPosition!.get(token.position + k) ?? []).some((t) => t.stem === stem),
      );
      if (all) found.push({ group, from: token.position, to: token.position + stems.length - 1 });
    }
  }
  return found;
}

function positions(tokens: readonly TextToken[]): Map<number, TextToken[]> {
  const map = new Map<number, TextToken[]>();
  for (const t of tokens) map.set(t.position, [...(map.get(t.position) ?? []), t]);
  return map;
}
