import { CellMap } from './cell-map.ts';
import type { DisclosureHierarchy } from './disclosure-hierarchy.ts';

/**
 * The cells of one indicator and period on all levels (level id + area key → index), and the
 * equations the hierarchies impose on them: for every parent, `parent = sum of children` (complete
 * hierarchies) or `parent >= sum of children` (incomplete ones). Engine and attacker share it.
 */
export interface CellIndex {
  levelIds: string[];
  areaKeys: string[];
  indexOf: CellMap<number>;
}

export interface Group {
  parent: number;
  /** Sorted by area key, so that choices among siblings do not depend on input order. */
  children: Int32Array;
  complete: boolean;
  hierarchyId: string;
  parentLevelId: string;
  childLevelId: string;
}

export interface EquationSystem {
  cells: CellIndex;
  groups: Group[];
  /** For every cell, the groups it takes part in (as parent or child), in group order. */
  groupsOf: number[][];
}

export function emptyCellIndex(): CellIndex {
  return { levelIds: [], areaKeys: [], indexOf: new CellMap() };
}

/** The index of a cell, added when it is new. */
export function cellAt(cells: CellIndex, levelId: string, areaKey: string): number {
  let index = cells.indexOf.get(levelId, areaKey);
  if (index === undefined) {
    index = cells.levelIds.length;
    cells.levelIds.push(levelId);
    cells.areaKeys.push(areaKey);
    cells.indexOf.set(levelId, areaKey, index);
  }
  return index;
}

/**
 * Builds the groups of all hierarchies. Cells named by a hierarchy but absent from the data are added
 * (they are unknowns: an attacker sees no value for them). A group that another hierarchy already
 * declared with the same children and completeness is kept once.
 */
export function buildEquationSystem(
  cells: CellIndex,
  hierarchies: readonly DisclosureHierarchy[],
): EquationSystem {
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (const h of hierarchies) {
    h.parentOf.forEach((parentOf, i) => {
      const childLevelId = h.levels[i]!;
      const parentLevelId = h.levels[i + 1]!;
      const byParent = new Map<string, string[]>();
      for (const [child, parent] of parentOf) {
        const list = byParent.get(parent);
        if (list) list.push(child);
        else byParent.set(parent, [child]);
      }
      for (const parentKey of [...byParent.keys()].sort(compareText)) {
        const childKeys = byParent.get(parentKey)!.sort(compareText);
        const signature = `${parentLevelId}\u0001${parentKey}\u0001${childLevelId}\u0001${h.complete}\u0001${childKeys.join('\u0001')}`;
        if (seen.has(signature)) continue;
        seen.add(signature);
        groups.push({
          parent: cellAt(cells, parentLevelId, parentKey),
          children: Int32Array.from(childKeys, (k) => cellAt(cells, childLevelId, k)),
          complete: h.complete,
          hierarchyId: h.id,
          parentLevelId,
          childLevelId,
        });
      }
    });
  }
  addImpliedGroups(cells, groups, seen);
  const groupsOf: number[][] = cells.levelIds.map(() => []);
  groups.forEach((g, gi) => {
    groupsOf[g.parent]!.push(gi);
    for (const c of g.children) groupsOf[c]!.push(gi);
  });
  return { cells, groups, groupsOf };
}

/**
 * Equations that follow from two hierarchies over the same children: when every child of parent P
 * (say a Prognoseraum, from PLR → PGR) lies in a group Q_i of another hierarchy (its BZR, from
 * PLR → BZR) and those groups together hold exactly P's children, then P = Σ Q_i. An attacker gets
 * this by combining equations; stating it explicitly lets the group pass see "P minus the published
 * Q_i" as the single-unknown case it is. Complete groups only: bounds do not compose.
 */
function addImpliedGroups(cells: CellIndex, groups: Group[], seen: Set<string>): void {
  const complete = groups.filter((g) => g.complete);
  const families = new Map<string, Map<string, Group[]>>();
  for (const g of complete) {
    let byParentLevel = families.get(g.childLevelId);
    if (!byParentLevel) families.set(g.childLevelId, (byParentLevel = new Map()));
    const list = byParentLevel.get(g.parentLevelId);
    if (list) list.push(g);
    else byParentLevel.set(g.parentLevelId, [g]);
  }
  for (const byParentLevel of families.values()) {
    if (byParentLevel.size < 2) continue;
    for (const [innerLevel, inner] of byParentLevel) {
      const innerOf = new Map<number, Group>();
      for (const q of inner) for (const c of q.children) innerOf.set(c, q);
      for (const [outerLevel, outer] of byParentLevel) {
        if (outerLevel === innerLevel) continue;
        for (const p of outer) {
          const parts = partition(p, innerOf);
          if (!parts) continue;
          const children = Int32Array.from(parts, (q) => q.parent).sort((a, b) =>
            compareText(cells.areaKeys[a]!, cells.areaKeys[b]!),
          );
          const signature = `${p.parent}\u0001${innerLevel}\u0001implied\u0001${children.join('\u0001')}`;
          if (seen.has(signature)) continue;
          seen.add(signature);
          groups.push({
            parent: p.parent,
            children,
            complete: true,
            hierarchyId: `${p.hierarchyId}+${parts[0]!.hierarchyId}`,
            parentLevelId: outerLevel,
            childLevelId: innerLevel,
          });
        }
      }
    }
  }
}

/** The inner groups that together hold exactly p's children, or null when they do not. */
function partition(p: Group, innerOf: Map<number, Group>): Group[] | null {
  const parts = new Set<Group>();
  for (const c of p.children) {
    const q = innerOf.get(c);
    if (!q) return null;
    parts.add(q);
  }
  let size = 0;
  for (const q of parts) size += q.children.length;
  return size === p.children.length ? [...parts] : null;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `kreis 01001` for messages and reports. */
export function cellLabel(cells: CellIndex, index: number): string {
  return `${cells.levelIds[index]} ${cells.areaKeys[index]}`;
}
