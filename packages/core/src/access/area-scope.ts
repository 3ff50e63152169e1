import type { AreaScope } from './principal.ts';

/** The area one level up, or null at the top or where the area does not nest. */
export type ParentOf = (levelId: string, key: string) => AreaScope | null;

/**
 * Is the area one of the scopes or inside one of them (a Gemeinde user's Gemeinde and its quarters)?
 * Walks up the parents; a cycle in bad data ends the walk instead of looping.
 */
export function withinScopes(area: AreaScope, scopes: readonly AreaScope[], parentOf: ParentOf): boolean {
  if (scopes.length === 0) return false;
  const seen = new Set<string>();
  let current: AreaScope | null = area;
  while (current !== null) {
    const id = `${current.levelId}\u0000${current.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    const here: AreaScope = current;
    if (scopes.some((s) => s.levelId === here.levelId && s.key === here.key)) return true;
    current = parentOf(here.levelId, here.key);
  }
  return false;
}
