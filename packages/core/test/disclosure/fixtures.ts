import { mulberry32 } from '../../src/correlate/random.ts';
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

/** A deterministic pseudo-random generator, so generated data is the same every run. */
export const seeded = mulberry32;
