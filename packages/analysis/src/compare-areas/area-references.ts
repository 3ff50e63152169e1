import type { IndicatorDefinition, SpatialLevel, StoredObservation } from '@lagebild/core';
import type { Counts } from '../compare/interval-method.ts';
import { resolveReference, type ReferenceBasis } from '../compare/reference-values.ts';
import { areasAt, requireLevel, usable } from '../store-reads.ts';
import { levelValues, type IndicatorReads } from './indicator-reads.ts';

/**
 * A figure the compared areas are set against: the whole level (Berlin for the Planungsräume, all
 * Kreise) or the parent area of some of them. `derived`: computed by the formula on the parent level.
 */
export interface CompareReference {
  role: 'level' | 'parent';
  level: string;
  key: string | null;
  name: string | null;
  value: number | null;
  basis: ReferenceBasis | 'derived';
}

export interface ReferenceContext {
  reads: IndicatorReads;
  indicator: IndicatorDefinition;
  level: SpatialLevel;
  period: string;
  /** All areas of the level in the period. */
  values: readonly StoredObservation[];
  counts: ReadonlyMap<string, Counts>;
  multiplier: number;
  pooled: boolean;
}

/** The whole level: pooled from counts where known, else weighted or plain mean (see compare/). */
export async function levelReference(context: ReferenceContext): Promise<CompareReference> {
  const { reads, ...input } = context;
  const resolve = await resolveReference({ kind: 'level' }, { store: reads.store, ...input });
  const reference = resolve('')!;
  return { role: 'level', ...reference };
}

/**
 * The parent area of each area (by area key); empty on a level without a parent level. Stored
 * indicators use the parent's stored value, else one aggregated from its children; derived ones
 * apply their formula on the parent level.
 */
export async function parentReferences(
  context: ReferenceContext,
  areaKeys: readonly string[],
): Promise<Map<string, CompareReference>> {
  const { reads, indicator, level, period } = context;
  const result = new Map<string, CompareReference>();
  if (!level.parentLevelId) return result;
  if (indicator.formula === null) {
    const { reads: _reads, ...input } = context;
    const resolve = await resolveReference({ kind: 'parent' }, { store: reads.store, ...input });
    for (const key of areaKeys) {
      const reference = resolve(key);
      if (reference) result.set(key, { role: 'parent', ...reference });
    }
    return result;
  }
  const parentLevel = await requireLevel(reads.store, level.parentLevelId);
  const [areas, parents, values] = await Promise.all([
    areasAt(reads.store, level.id, period),
    areasAt(reads.store, parentLevel.id, period),
    levelValues(reads, indicator, parentLevel.id, period),
  ]);
  const valueOf = new Map(values.map((o) => [o.areaKey, usable(o)]));
  for (const key of areaKeys) {
    const parentKey = areas.get(key)?.parentKey;
    if (!parentKey) continue;
    result.set(key, {
      role: 'parent',
      level: parentLevel.id,
      key: parentKey,
      name: parents.get(parentKey)?.name ?? null,
      value: valueOf.get(parentKey) ?? null,
      basis: 'derived',
    });
  }
  return result;
}
