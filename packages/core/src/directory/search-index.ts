import { CategoryLookup, type CategoryTree } from './category-tree.ts';
import { stemGerman } from './cistem.ts';
import type { DirectoryEntry } from './directory-types.ts';
import { tokenizeText } from './normalize-text.ts';
import { SpatialGrid } from './spatial-grid.ts';
import { conceptTerm, SynonymMatcher, type SynonymConfig } from './synonyms.ts';

/** How much a word counts by where it occurs; a word's weight in an entry is the highest of them. */
export const DIRECTORY_FIELD_WEIGHTS = { name: 3, category: 2, provider: 1.5, other: 1 } as const;
type Field = keyof typeof DIRECTORY_FIELD_WEIGHTS;

/** An entry as the search sees it: its filter values precomputed. */
export interface IndexedEntry {
  entry: DirectoryEntry;
  /** The category and its ancestors, so a filter on a parent finds the children's entries. */
  categories: ReadonlySet<string>;
  /** The same as a list, nearest first (cheaper to walk when counting facets). */
  categoryPath: readonly string[];
  targetGroups: ReadonlySet<string>;
  lifePhases: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  accessibility: ReadonlySet<string>;
  /** NaN without a location. */
  lon: number;
  lat: number;
  /** Position in the German alphabetical order of names (the order without a better one). */
  nameRank: number;
}

export interface IndexPosting {
  docs: Int32Array;
  weights: Float32Array;
  /** ln(1 + N / document frequency). */
  idf: number;
}

export interface DirectorySearchConfig {
  categories: CategoryTree;
  synonyms: SynonymConfig;
}

/**
 * The in-memory search index over the public entries of one data version: an inverted index from
 * stems (and synonym groups) to entries, the vocabulary for prefix and typo matching, and the filter
 * values of every entry. Built once per data version; queries never change it (except a bounded
 * cache of expanded query words).
 */
export class DirectoryIndex {
  readonly entries: IndexedEntry[];
  readonly postings: ReadonlyMap<string, IndexPosting>;
  /** Every normalised word form, sorted, for prefix matching. */
  readonly surfaces: readonly string[];
  /** The stems each word form stands for. */
  readonly stemsOfSurface: ReadonlyMap<string, readonly string[]>;
  /** Stems and word forms by length, for typo matching. */
  readonly stemsByLength: ReadonlyMap<number, readonly string[]>;
  readonly surfacesByLength: ReadonlyMap<number, readonly string[]>;
  readonly synonyms: SynonymMatcher;
  readonly categories: CategoryLookup;
  /** The entries by location, for radius and area searches. */
  readonly grid: SpatialGrid;
  readonly stem: (word: string) => string;
  /** Query words already expanded (see expandWord); cleared when it grows too large. */
  readonly expansions = new Map<string, unknown>();

  constructor(entries: readonly DirectoryEntry[], config: DirectorySearchConfig) {
    this.categories = new CategoryLookup(config.categories);
    this.synonyms = new SynonymMatcher(config.synonyms);
    this.stem = memoized(stemGerman);
    const build = new IndexBuilder(this);
    this.entries = sortedByName(entries).map((entry, i) => build.add(entry, i));
    this.postings = build.postings(this.entries.length);
    this.stemsOfSurface = build.surfaceStems();
    this.surfaces = [...this.stemsOfSurface.keys()].sort();
    this.surfacesByLength = byLength(this.surfaces);
    this.stemsByLength = byLength([...this.postings.keys()].filter((t) => !t.startsWith('~')));
    this.grid = new SpatialGrid(this.entries);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry of a service id, if it is in the index. */
  entryById(serviceId: string): DirectoryEntry | undefined {
    this.#byId ??= new Map(this.entries.map((e, i) => [e.entry.service.id, i]));
    const i = this.#byId.get(serviceId);
    return i === undefined ? undefined : this.entries[i]!.entry;
  }

  #byId: Map<string, number> | undefined;
}

class IndexBuilder {
  readonly #terms = new Map<string, Map<number, number>>();
  readonly #surfaces = new Map<string, Set<string>>();
  readonly #targetGroupNames: Map<string, string>;

  constructor(private readonly index: DirectoryIndex) {
    this.#targetGroupNames = new Map(
      index.categories.tree.targetGroups.map((g) => [g.id, [g.name, g.nameEn ?? ''].join(' ')]),
    );
  }

  add(entry: DirectoryEntry, doc: number): IndexedEntry {
    const { service, facility, provider } = entry;
    const category = this.index.categories.get(service.categoryId);
    const texts: Record<Field, string[]> = {
      name: [service.name, facility && facility.name !== service.name ? facility.name : ''],
      category: category ? [category.name, category.nameEn ?? '', ...category.terms] : [service.categoryId],
      provider: [provider?.name ?? '', provider?.umbrella ?? ''],
      other: [
        service.description ?? '',
        ...addressWords(entry),
        ...service.targetGroups.map((g) => this.#targetGroupNames.get(g) ?? g),
        ...Object.values(service.attributes).map((v) => (typeof v === 'string' ? v : '')),
      ],
    };
    for (const field of Object.keys(texts) as Field[])
      this.#addText(doc, texts[field].join(' \n '), DIRECTORY_FIELD_WEIGHTS[field]);
    return {
      entry,
      categories: new Set(this.index.categories.selfAndAncestors(service.categoryId)),
      categoryPath: this.index.categories.selfAndAncestors(service.categoryId),
      targetGroups: new Set(service.targetGroups),
      lifePhases: new Set(service.lifePhases),
      languages: new Set(service.languages),
      accessibility: new Set(facility?.accessibility ?? []),
      lon: facility?.location?.lon ?? Number.NaN,
      lat: facility?.location?.lat ?? Number.NaN,
      nameRank: doc,
    };
  }

  #addText(doc: number, text: string, weight: number): void {
    const tokens = tokenizeText(text, this.index.stem);
    for (const t of tokens) {
      this.#add(t.stem, doc, weight);
      let stems = this.#surfaces.get(t.surface);
      if (!stems) this.#surfaces.set(t.surface, (stems = new Set()));
      stems.add(t.stem);
      for (const group of this.index.synonyms.groupsOfStem(t.stem))
        this.#add(conceptTerm(group), doc, weight);
    }
    for (const { group } of this.index.synonyms.phrasesIn(tokens)) this.#add(conceptTerm(group), doc, weight);
  }

  #add(term: string, doc: number, weight: number): void {
    let docs = this.#terms.get(term);
    if (!docs) this.#terms.set(term, (docs = new Map()));
    if ((docs.get(doc) ?? 0) < weight) docs.set(doc, weight);
  }

  postings(total: number): Map<string, IndexPosting> {
    const result = new Map<string, IndexPosting>();
    for (const [term, docs] of this.#terms) {
      result.set(term, {
        docs: Int32Array.from(docs.keys()),
        weights: Float32Array.from(docs.values()),
        idf: Math.log(1 + total / docs.size),
      });
    }
    return result;
  }

  surfaceStems(): Map<string, string[]> {
    return new Map([...this.#surfaces].map(([surface, stems]) => [surface, [...stems]]));
  }
}

function addressWords({ facility }: DirectoryEntry): string[] {
  if (!facility) return [];
  const a = facility.address;
  return [a.street ?? '', a.houseNumber ?? '', a.postcode ?? '', a.city ?? '', a.district ?? ''];
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

function sortedByName(entries: readonly DirectoryEntry[]): DirectoryEntry[] {
  return [...entries].sort(
    (a, b) => collator.compare(a.service.name, b.service.name) || (a.service.id < b.service.id ? -1 : 1),
  );
}

function byLength(words: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    let list = map.get(w.length);
    if (!list) map.set(w.length, (list = []));
    list.push(w);
  }
  return map;
}

function memoized(fn: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined) {
      value = fn(word);
      if (cache.size < 200_000) cache.set(word, value);
    }
    return value;
  };
}
