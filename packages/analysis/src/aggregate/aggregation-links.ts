import {
  DomainError,
  linksFromCorrespondences,
  type AggregationLink,
  type SpatialLevel,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { areasAt } from '../store-reads.ts';

export interface LevelLinks {
  /** `nesting`: parent keys of the areas (through intermediate levels); `correspondences`: weighted links. */
  basis: 'nesting' | 'correspondences';
  /** The levels walked through, child first (nesting only). */
  path: string[];
  links: AggregationLink[];
}

/**
 * How the areas of `from` add up to those of `to` at a period: along the parent keys when `to` is
 * above `from` in the level hierarchy (Gemeinde → Kreis → Land), else along stored correspondences
 * (non-nesting levels, territorial versions). Neither is a `ValidationFailed` naming both levels.
 */
export async function linksBetween(
  store: Store,
  from: SpatialLevel,
  to: SpatialLevel,
  period: string,
): Promise<LevelLinks> {
  if (from.id === to.id)
    throw new DomainError('ValidationFailed', `cannot aggregate level "${from.id}" onto itself`, {
      fromLevel: from.id,
    });
  const path = await nestingPath(store, from, to.id);
  if (path) return { basis: 'nesting', path, links: await nestedLinks(store, path, period) };
  const correspondences = await store.listCorrespondences(from.id, to.id);
  if (correspondences.length > 0)
    return {
      basis: 'correspondences',
      path: [from.id, to.id],
      links: linksFromCorrespondences(correspondences),
    };
  throw new DomainError(
    'ValidationFailed',
    `level "${from.id}" neither nests in "${to.id}" nor has correspondences to it`,
    { fromLevel: from.id, toLevel: to.id },
  );
}

/** The chain of levels from `from` up to `toId` by parentLevelId, or null when `toId` is not above. */
async function nestingPath(store: Store, from: SpatialLevel, toId: string): Promise<string[] | null> {
  const levels = new Map((await store.listLevels()).map((l) => [l.id, l]));
  const path = [from.id];
  let current: SpatialLevel | undefined = from;
  while (current?.parentLevelId && !path.includes(current.parentLevelId)) {
    path.push(current.parentLevelId);
    if (current.parentLevelId === toId) return path;
    current = levels.get(current.parentLevelId);
  }
  return null;
}

/** Child key → key on the last level of the path, composing the parent keys level by level. */
async function nestedLinks(store: Store, path: string[], period: string): Promise<AggregationLink[]> {
  const parentMaps = await Promise.all(
    path.slice(0, -1).map(async (levelId) => {
      const areas = await areasAt(store, levelId, period);
      return new Map([...areas].map(([key, area]) => [key, area.parentKey]));
    }),
  );
  const links: AggregationLink[] = [];
  for (const childKey of parentMaps[0]!.keys()) {
    let key: string | null | undefined = childKey;
    for (const parents of parentMaps) key = key === null || key === undefined ? key : parents.get(key);
    if (key) links.push({ childKey, parentKey: key, weight: 1 });
  }
  return links;
}
