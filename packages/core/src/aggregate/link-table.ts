import { areaIndex, type AreaIndex } from '../derive/value-frame.ts';
import { indexLinks } from './aggregation-links.ts';
import type { AggregationLink, AggregationWarning } from './aggregation-types.ts';

/**
 * Weighted links from the areas of a child frame to parent areas, as flat arrays (compressed rows):
 * the links of parent `p` are entries `start[p]` … `start[p + 1] - 1`, in the order given. Built once
 * per pair of levels and reused for every indicator and period.
 */
export interface LinkTable {
  /** The child frame's areas this table indexes into. */
  childAreas: AreaIndex;
  /** Parent areas in order of first appearance in the links. */
  parents: AreaIndex;
  start: Int32Array;
  /** Position of the link's child in `childAreas`; -1 when it is not there (it has no values). */
  child: Int32Array;
  childKeys: readonly string[];
  weight: Float64Array;
  /** Per child area: 1 when it has at least one parent. */
  mapped: Uint8Array;
  /** Problems found in the links themselves (`weights_exceed_one`). */
  warnings: readonly AggregationWarning[];
}

/**
 * Indexes and checks links as the object path does (a weight outside [0, 1] is an error; a child
 * counted more than once is a warning), then lays them out over the child frame's area positions.
 */
export function linkTable(links: readonly AggregationLink[], childAreas: AreaIndex): LinkTable {
  const warnings: AggregationWarning[] = [];
  const { byParent } = indexLinks(links, warnings);
  const start = new Int32Array(byParent.size + 1);
  const child = new Int32Array(links.length);
  const childKeys: string[] = [];
  const weight = new Float64Array(links.length);
  const mapped = new Uint8Array(childAreas.keys.length);
  let k = 0;
  let p = 0;
  for (const parentLinks of byParent.values()) {
    start[p++] = k;
    for (const link of parentLinks) {
      const position = childAreas.positions.get(link.childKey) ?? -1;
      if (position >= 0) mapped[position] = 1;
      child[k] = position;
      childKeys.push(link.childKey);
      weight[k++] = link.weight;
    }
  }
  start[p] = k;
  return {
    childAreas,
    parents: areaIndex(byParent.keys()),
    start,
    child,
    childKeys,
    weight,
    mapped,
    warnings,
  };
}

/** The table of a nesting hierarchy (`parentOf`: child key → parent key), every weight 1. */
export function parentLinkTable(parentOf: ReadonlyMap<string, string>, childAreas: AreaIndex): LinkTable {
  const links: AggregationLink[] = [];
  for (const [childKey, parentKey] of parentOf) links.push({ childKey, parentKey, weight: 1 });
  return linkTable(links, childAreas);
}
