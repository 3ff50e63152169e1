import { DomainError, periodEndDate, type SpatialLevel } from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import type { ProfileLevelRef } from './profile-types.ts';

export interface ChainLink {
  level: SpatialLevel;
  area: StoredArea;
}

export function levelRef(level: SpatialLevel): ProfileLevelRef {
  return { id: level.id, name: level.name, nameEn: level.nameEn };
}

/**
 * The area (today's version, else the one valid at the period) and its ancestors along the level
 * hierarchy, parent first. A top level holding a single area (Deutschland) contains every area,
 * whether the child names it as parent or not.
 */
export async function areaChain(
  store: Store,
  level: SpatialLevel,
  key: string,
  period: string | undefined,
): Promise<{ area: StoredArea; ancestors: ChainLink[] }> {
  const area =
    (await store.getArea(level.id, key)) ??
    (period === undefined ? null : await store.getArea(level.id, key, periodEndDate(period)));
  if (!area)
    throw new DomainError('AreaNotFound', `No area "${key}" on level "${level.id}".`, {
      level: level.id,
      key,
    });
  const levels = new Map((await store.listLevels()).map((l) => [l.id, l]));
  const ancestors: ChainLink[] = [];
  let current = level;
  let parentKey = area.parentKey;
  while (current.parentLevelId && ancestors.length < levels.size) {
    const parentLevel = levels.get(current.parentLevelId);
    if (!parentLevel) break;
    const parent = await parentArea(store, parentLevel, parentKey);
    if (!parent) break;
    ancestors.push({ level: parentLevel, area: parent });
    current = parentLevel;
    parentKey = parent.parentKey;
  }
  return { area, ancestors };
}

async function parentArea(store: Store, level: SpatialLevel, key: string | null): Promise<StoredArea | null> {
  if (key !== null) return store.getArea(level.id, key);
  const all = await store.listAreas(level.id);
  return all.length === 1 ? all[0]! : null;
}
