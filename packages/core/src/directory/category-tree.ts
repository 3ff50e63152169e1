import { DomainError } from '../domain/errors.ts';
import { invalid, list, optionalText, record, text } from '../indices/validate.ts';
import { LIFE_PHASES, type LifePhase } from './directory-types.ts';

/** One category of the tree, flattened: its parent, depth and order among all categories. */
export interface DirectoryCategory {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  /** Further search words for this category (e.g. "Pflegestützpunkt" for care counselling). */
  terms: string[];
  /** Life phases the category usually serves (a default for imports and a hint for the portal). */
  lifePhases: LifePhase[];
  depth: number;
}

export interface TargetGroup {
  id: string;
  name: string;
  nameEn: string | null;
}

/** The configured categories in tree order (parents before their children), and the target groups. */
export interface CategoryTree {
  categories: DirectoryCategory[];
  targetGroups: TargetGroup[];
}

const ID = /^[a-z][a-z0-9-]*$/;
const CATEGORY_KEYS = ['id', 'name', 'nameEn', 'terms', 'lifePhases', 'children'];
const MAX_DEPTH = 4;

/**
 * Reads a category tree (parsed YAML/JSON: `categories:` nested through `children:`, and
 * `targetGroups:`). Ids are lower-case slugs, unique across the tree; every error names the path of
 * the bad entry as a `ValidationFailed` DomainError.
 */
export function parseCategoryTree(raw: unknown): CategoryTree {
  const top = record(raw, '', ['categories', 'targetGroups']);
  const categories: DirectoryCategory[] = [];
  const seen = new Set<string>();
  const visit = (entries: unknown, path: string, parentId: string | null, depth: number) => {
    if (depth > MAX_DEPTH) throw invalid(path, `at most ${MAX_DEPTH} levels deep`, 'deeper');
    list(entries, path, 1).forEach((entry, i) => {
      const at = `${path}[${i}]`;
      const fields = record(entry, at, CATEGORY_KEYS);
      const id = slug(fields.id, `${at}.id`, seen);
      categories.push({
        id,
        parentId,
        name: text(fields.name, `${at}.name`),
        nameEn: optionalText(fields.nameEn, `${at}.nameEn`),
        terms: words(fields.terms, `${at}.terms`),
        lifePhases: lifePhases(fields.lifePhases, `${at}.lifePhases`),
        depth,
      });
      if (fields.children !== undefined) visit(fields.children, `${at}.children`, id, depth + 1);
    });
  };
  visit(top.categories, 'categories', null, 0);
  const groupIds = new Set<string>();
  const targetGroups = (top.targetGroups === undefined ? [] : list(top.targetGroups, 'targetGroups')).map(
    (entry, i) => {
      const fields = record(entry, `targetGroups[${i}]`, ['id', 'name', 'nameEn']);
      return {
        id: slug(fields.id, `targetGroups[${i}].id`, groupIds),
        name: text(fields.name, `targetGroups[${i}].name`),
        nameEn: optionalText(fields.nameEn, `targetGroups[${i}].nameEn`),
      };
    },
  );
  return { categories, targetGroups };
}

function slug(value: unknown, path: string, seen: Set<string>): string {
  if (typeof value !== 'string' || !ID.test(value))
    throw invalid(path, 'a lower-case id (a-z, 0-9, -)', value);
  if (seen.has(value))
    throw new DomainError('ValidationFailed', `${path}: id "${value}" is given twice`, { path, value });
  seen.add(value);
  return value;
}

function words(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  return list(value, path).map((w, i) => text(w, `${path}[${i}]`));
}

function lifePhases(value: unknown, path: string): LifePhase[] {
  if (value === undefined) return [];
  return list(value, path).map((p, i) => {
    if ((LIFE_PHASES as readonly unknown[]).includes(p)) return p as LifePhase;
    throw invalid(`${path}[${i}]`, `one of ${LIFE_PHASES.join(', ')}`, p);
  });
}

/** Lookups over a tree: a category by id, its ancestors, its descendants. */
export class CategoryLookup {
  readonly #byId = new Map<string, DirectoryCategory>();
  readonly #children = new Map<string, string[]>();

  constructor(readonly tree: CategoryTree) {
    for (const c of tree.categories) {
      this.#byId.set(c.id, c);
      if (c.parentId !== null)
        this.#children.set(c.parentId, [...(this.#children.get(c.parentId) ?? []), c.id]);
    }
  }

  get(id: string): DirectoryCategory | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The category and its ancestors, nearest first; an unknown id stands alone. */
  selfAndAncestors(id: string): string[] {
    const path = [id];
    for (let c = this.#byId.get(id); c?.parentId; c = this.#byId.get(c.parentId)) path.push(c.parentId);
    return path;
  }

  /** The category and every category below it. */
  selfAndDescendants(id: string): string[] {
    const result = [id];
    for (let i = 0; i < result.length; i++)
      for (const child of this.#children.get(result[i]!) ?? []) result.push(child);
    return result;
  }

  /** Throws a `ValidationFailed` naming the known ids when `id` is not in the tree. */
  require(id: string): DirectoryCategory {
    const found = this.#byId.get(id);
    if (found) return found;
    throw new DomainError(
      'ValidationFailed',
      `No category "${id}". Known categories: ${this.tree.categories.map((c) => c.id).join(', ')}.`,
      { category: id },
    );
  }
}
