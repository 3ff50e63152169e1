import type { Area } from '../domain/area.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * One area hierarchy along which totals are published, e.g. Gemeinde → Amt → Kreis or Berlin
 * PLR → BZR → Bezirk → Land. An area may belong to several hierarchies (Gemeinde → Kreis and
 * Gemeinde → Amt → Kreis); every hierarchy adds its equations "parent = sum of children".
 */
export interface DisclosureHierarchy {
  /** Names the hierarchy in reports, e.g. `gemeinde-amt-kreis`. */
  id: string;
  /** Level ids from the finest to the coarsest. */
  levels: readonly string[];
  /** One map per adjacent pair `levels[i] → levels[i + 1]`: child area key → parent area key. */
  parentOf: readonly ReadonlyMap<string, string>[];
  /**
   * True when every parent value is exactly the sum of its children's values (no unassigned or
   * unknown remainder). Only then is "parent minus published children" an exact equation; otherwise
   * it is an upper bound for the unknown children.
   */
  complete: boolean;
}

/** Checks the shape of the hierarchies; bad input gets an error naming the hierarchy and the problem. */
export function validateHierarchies(hierarchies: readonly DisclosureHierarchy[]): void {
  const ids = new Set<string>();
  for (const h of hierarchies) {
    const name = `hierarchy "${h.id}"`;
    if (ids.has(h.id)) fail(`${name} is given twice`);
    ids.add(h.id);
    if (h.levels.length < 2) fail(`${name} needs at least two levels, got ${h.levels.length}`);
    if (new Set(h.levels).size !== h.levels.length)
      fail(`${name} lists a level twice: ${h.levels.join(' → ')}`);
    if (h.parentOf.length !== h.levels.length - 1)
      fail(
        `${name} has ${h.levels.length} levels and so needs ${h.levels.length - 1} parent maps, got ${h.parentOf.length}`,
      );
    if (typeof h.complete !== 'boolean') fail(`${name}: complete must be true or false`);
  }
}

/**
 * A hierarchy from stored areas whose `parentKey` points to the next level (the nesting recorded at
 * import). Areas of other levels are ignored; an area without a parent key belongs to no group.
 */
export function hierarchyFromAreas(
  id: string,
  levels: readonly string[],
  areas: readonly Pick<Area, 'levelId' | 'key' | 'parentKey'>[],
  complete: boolean,
): DisclosureHierarchy {
  const parentOf = levels.slice(0, -1).map(() => new Map<string, string>());
  const position = new Map(levels.map((level, i) => [level, i]));
  for (const area of areas) {
    const i = position.get(area.levelId);
    if (i === undefined || i === levels.length - 1 || area.parentKey === null) continue;
    parentOf[i]!.set(area.key, area.parentKey);
  }
  return { id, levels, parentOf, complete };
}

function fail(message: string): never {
  throw new DomainError('ValidationFailed', `invalid disclosure hierarchy: ${message}`);
}
