import type { Correspondence } from '../domain/area.ts';
import { DomainError } from '../domain/errors.ts';
import type { AggregationLink, AggregationWarning } from './aggregation-types.ts';

/** Links of a nesting hierarchy: every child lies wholly in its parent. */
export function linksFromParentMap(parentOf: ReadonlyMap<string, string>): AggregationLink[] {
  return [...parentOf].map(([childKey, parentKey]) => ({ childKey, parentKey, weight: 1 }));
}

/** Links across non-nesting levels or territorial versions; the weight is the child's share in the parent. */
export function linksFromCorrespondences(correspondences: readonly Correspondence[]): AggregationLink[] {
  return correspondences.map((c) => ({ childKey: c.fromKey, parentKey: c.toKey, weight: c.weight }));
}

export interface LinkIndex {
  /** Parent keys in order of first appearance, each with its children. */
  byParent: Map<string, AggregationLink[]>;
  byChild: Map<string, AggregationLink[]>;
}

/**
 * Indexes links and checks them. A weight outside [0, 1] is a data error; a child whose weights add
 * up to more than 1 would be counted more than once, which is reported, not silently rescaled.
 */
export function indexLinks(links: readonly AggregationLink[], warnings: AggregationWarning[]): LinkIndex {
  const byParent = new Map<string, AggregationLink[]>();
  const byChild = new Map<string, AggregationLink[]>();
  for (const link of links) {
    if (!Number.isFinite(link.weight) || link.weight < 0 || link.weight > 1)
      throw new DomainError(
        'ValidationFailed',
        `link ${link.childKey} → ${link.parentKey} has weight ${link.weight}; weights must lie in [0, 1]`,
        { ...link },
      );
    push(byParent, link.parentKey, link);
    push(byChild, link.childKey, link);
  }
  const over = [...byChild].filter(([, ls]) => ls.reduce((s, l) => s + l.weight, 0) > 1 + 1e-9);
  if (over.length > 0)
    warnings.push({
      code: 'weights_exceed_one',
      indicatorId: null,
      period: null,
      parentKey: null,
      count: over.length,
      children: over.map(([key]) => key),
      message: `${over.length} child area(s) have link weights adding up to more than 1 and are counted more than once`,
    });
  return { byParent, byChild };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
