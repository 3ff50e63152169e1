import type { Area } from '../domain/area.ts';
import type { SpatialLevel } from '../domain/level.ts';
import { hierarchyFromAreas, type DisclosureHierarchy } from './disclosure-hierarchy.ts';

/**
 * The hierarchies disclosure control protects along: one per chain of nesting levels, from each level
 * no other level nests in up to the top (Planungsraum → Bezirksregion → Bezirk → Land). Every chain is
 * declared complete: an attacker may treat a parent as the exact sum of its children, so protection
 * must too; data that does not add up gets a `hierarchy_mismatch` warning, never a weaker protection.
 * Levels that nest in nothing and contain nothing form no hierarchy (primary suppression only).
 */
export function levelHierarchies(
  levels: readonly Pick<SpatialLevel, 'id' | 'parentLevelId'>[],
  areas: readonly Pick<Area, 'levelId' | 'key' | 'parentKey'>[],
): DisclosureHierarchy[] {
  const byId = new Map(levels.map((l) => [l.id, l]));
  const parents = new Set(levels.map((l) => l.parentLevelId).filter((p): p is string => p !== null));
  const hierarchies: DisclosureHierarchy[] = [];
  for (const leaf of levels) {
    if (parents.has(leaf.id) || leaf.parentLevelId === null) continue;
    const chain: string[] = [];
    for (let level: typeof leaf | undefined = leaf; level; level = byId.get(level.parentLevelId ?? '')) {
      if (chain.includes(level.id)) break;
      chain.push(level.id);
      if (level.parentLevelId === null) break;
    }
    if (chain.length < 2) continue;
    const inChain = new Set(chain);
    hierarchies.push(
      hierarchyFromAreas(
        chain.join('>'),
        chain,
        areas.filter((a) => inChain.has(a.levelId)),
        true,
      ),
    );
  }
  return hierarchies;
}
