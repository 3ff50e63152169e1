import type { DisclosureHierarchy } from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';

/** One observation of indicator `cases`, period 2022; a string value is a missing reason. */
export function obs(
  levelId: string,
  areaKey: string,
  value: number | null,
  extra: Partial<Observation> = {},
): Observation {
  return {
    indicatorId: 'cases',
    levelId,
    areaKey,
    period: '2022',
    value,
    numerator: null,
    denominator: null,
    status: 'final',
    missingReason: null,
    ...extra,
  };
}

/** A hierarchy from `child → parent` records per level pair, e.g. `{ a1: 'A', a2: 'A' }`. */
export function hierarchy(
  id: string,
  levels: string[],
  maps: Record<string, string>[],
  complete = true,
): DisclosureHierarchy {
  return { id, levels, parentOf: maps.map((m) => new Map(Object.entries(m))), complete };
}

/** A hierarchy whose parent keys are prefixes of the child keys (AGS, LOR): `lengths` from fine to coarse. */
export function prefixHierarchy(
  id: string,
  levels: string[],
  keysOfFinest: readonly string[],
  lengths: number[],
  top: string | null = null,
  complete = true,
): DisclosureHierarchy {
  const parentOf: Map<string, string>[] = [];
  let keys = [...new Set(keysOfFinest)];
  for (let i = 0; i < levels.length - 1; i++) {
    const next = lengths[i + 1];
    const map = new Map(keys.map((k) => [k, next === undefined ? top! : k.slice(0, next)]));
    parentOf.push(map);
    keys = [...new Set(map.values())];
  }
  return { id, levels, parentOf, complete };
}

/** Cell key `level key` of an observation or a cell reference. */
export const label = (c: { levelId: string; areaKey: string }) => `${c.levelId} ${c.areaKey}`;

/** mulberry32: a small seeded generator, the same sequence on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
