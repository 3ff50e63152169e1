import {
  DomainError,
  periodEndDate,
  type IndicatorDefinition,
  type SpatialLevel,
  type StoredObservation,
} from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import { aggregatedObservations } from '../aggregate/aggregate-analysis.ts';
import { areasAt, requireLevel, usable } from '../store-reads.ts';
import { hasCounts, type Counts } from './interval-method.ts';

/** What an area is compared with: its parent area, one named area, or the whole level. */
export type ReferenceSpec =
  { kind: 'level' } | { kind: 'parent' } | { kind: 'area'; level: string; key: string };

/** Reads a reference as written in URLs and on the command line: `level`, `parent` or `<level>:<key>`. */
export function parseReference(raw: string): ReferenceSpec {
  if (raw === 'level' || raw === 'parent') return { kind: raw };
  const colon = raw.indexOf(':');
  if (colon > 0 && colon < raw.length - 1)
    return { kind: 'area', level: raw.slice(0, colon), key: raw.slice(colon + 1) };
  throw new DomainError('ValidationFailed', `reference "${raw}": expected level, parent or <level>:<key>`, {
    reference: raw,
  });
}

/**
 * - `stored`: the reference area's own stored value;
 * - `aggregated`: computed from the children, the parent having no stored value for the period;
 * - `pooled`: Σ numerator / Σ denominator over the level's areas;
 * - `weighted_mean`: weighted by the indicator's weight indicator over the level's areas;
 * - `mean`: the plain mean over the level's areas (indicators that cannot be pooled).
 */
export type ReferenceBasis = 'stored' | 'aggregated' | 'pooled' | 'weighted_mean' | 'mean';

export interface ReferenceValue {
  level: string;
  key: string | null;
  name: string | null;
  value: number | null;
  basis: ReferenceBasis;
}

export interface ReferenceInput {
  store: Store;
  indicator: IndicatorDefinition;
  level: SpatialLevel;
  period: string;
  values: readonly StoredObservation[];
  counts: ReadonlyMap<string, Counts>;
  multiplier: number;
  pooled: boolean;
}

/** The reference of each area (by area key); one shared value unless the reference is the parent. */
export async function resolveReference(
  spec: ReferenceSpec,
  input: ReferenceInput,
): Promise<(key: string) => ReferenceValue | null> {
  if (spec.kind === 'parent') return parentReference(input);
  const single = spec.kind === 'area' ? await namedArea(spec, input) : await levelAggregate(input);
  return () => single;
}

async function namedArea(
  spec: { level: string; key: string },
  input: ReferenceInput,
): Promise<ReferenceValue> {
  const level = await requireLevel(input.store, spec.level);
  const [values, area] = await Promise.all([
    input.store.getValues({
      indicatorId: input.indicator.id,
      levelId: level.id,
      period: input.period,
      areaKeys: [spec.key],
    }),
    input.store.getArea(level.id, spec.key, periodEndDate(input.period)),
  ]);
  const current = area ?? (await input.store.getArea(level.id, spec.key));
  if (!current && values.length === 0)
    throw new DomainError('AreaNotFound', `No area "${spec.key}" on level "${level.id}".`, {
      level: level.id,
      key: spec.key,
    });
  const stored = values[0];
  return {
    level: level.id,
    key: spec.key,
    name: current?.name ?? null,
    value: stored ? usable(stored) : null,
    basis: 'stored',
  };
}

async function levelAggregate(input: ReferenceInput): Promise<ReferenceValue> {
  const base = { level: input.level.id, key: null, name: input.level.name };
  if (input.pooled) {
    let num = 0;
    let den = 0;
    for (const counts of input.counts.values()) {
      if (!hasCounts(counts)) continue;
      num += counts.numerator!;
      den += counts.denominator!;
    }
    return { ...base, value: den > 0 ? (num / den) * input.multiplier : null, basis: 'pooled' };
  }
  const { weightId, aggregation } = input.indicator;
  if (aggregation === 'weighted_mean' && weightId) {
    const weights = await input.store.getValues({
      indicatorId: weightId,
      levelId: input.level.id,
      period: input.period,
    });
    const weightOf = new Map(weights.map((w) => [w.areaKey, usable(w)]));
    let sumWx = 0;
    let sumW = 0;
    for (const obs of input.values) {
      const x = usable(obs);
      const w = weightOf.get(obs.areaKey);
      if (x === null || w === null || w === undefined) continue;
      sumWx += w * x;
      sumW += w;
    }
    return { ...base, value: sumW > 0 ? sumWx / sumW : null, basis: 'weighted_mean' };
  }
  const present = input.values.map(usable).filter((v): v is number => v !== null);
  const mean = present.length > 0 ? present.reduce((s, v) => s + v, 0) / present.length : null;
  return { ...base, value: mean, basis: 'mean' };
}

/** Each area's parent on the parent level: its stored value, else the value aggregated from its children. */
async function parentReference(input: ReferenceInput): Promise<(key: string) => ReferenceValue | null> {
  const { store, indicator, level, period } = input;
  if (!level.parentLevelId)
    throw new DomainError('ValidationFailed', `level "${level.id}" has no parent level to compare with`, {
      level: level.id,
    });
  const parentLevel = await requireLevel(store, level.parentLevelId);
  const [areas, parents, stored] = await Promise.all([
    areasAt(store, level.id, period),
    areasAt(store, parentLevel.id, period),
    store.getValues({ indicatorId: indicator.id, levelId: parentLevel.id, period }),
  ]);
  const values = new Map<string, { value: number | null; basis: ReferenceBasis }>(
    stored.map((o) => [o.areaKey, { value: usable(o), basis: 'stored' }]),
  );
  const parentKeys = new Set(
    [...areas.values()].map((a) => a.parentKey).filter((k): k is string => k !== null),
  );
  if ([...parentKeys].some((k) => !values.has(k))) {
    const aggregated = await aggregatedObservations(store, indicator, level, parentLevel, period);
    for (const o of aggregated.observations)
      if (o.indicatorId === indicator.id && !values.has(o.areaKey))
        values.set(o.areaKey, { value: o.value, basis: 'aggregated' });
  }
  return (key) => parentValue(areas.get(key), parents, values, parentLevel.id);
}

function parentValue(
  area: StoredArea | undefined,
  parents: ReadonlyMap<string, StoredArea>,
  values: ReadonlyMap<string, { value: number | null; basis: ReferenceBasis }>,
  parentLevelId: string,
): ReferenceValue | null {
  const parentKey = area?.parentKey;
  if (!parentKey) return null;
  const found = values.get(parentKey);
  return {
    level: parentLevelId,
    key: parentKey,
    name: parents.get(parentKey)?.name ?? null,
    value: found?.value ?? null,
    basis: found?.basis ?? 'stored',
  };
}
