import type { IndexDefinition } from './definition.ts';

export const EXCLUSION_REASONS = [
  'named',
  'population-missing',
  'population-below-minimum',
  'all-zero',
  'missing-values',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface Exclusion {
  reason: ExclusionReason;
  detail: string;
}

/** One area's input: the values of the definition's indicators (components and population). */
export interface IndexRow {
  key: string;
  name?: string | null;
  values: Readonly<Record<string, number | null | undefined>>;
}

/**
 * Why an area is left out, or null. The rules are checked in a fixed order (named, population,
 * all zero, missing values) and the first that applies is the reason given.
 */
export function exclusionOf(row: IndexRow, definition: IndexDefinition): Exclusion | null {
  const { exclude, components, population } = definition;
  const named = exclude.areas.find((a) => a.key === row.key);
  if (named) return { reason: 'named', detail: named.reason };
  if (exclude.minPopulation !== null && population !== null) {
    const residents = row.values[population];
    if (!isNumber(residents)) return { reason: 'population-missing', detail: `no value for ${population}` };
    if (residents < exclude.minPopulation) {
      return {
        reason: 'population-below-minimum',
        detail: `${population} = ${residents} < ${exclude.minPopulation}`,
      };
    }
  }
  const values = components.map((c) => row.values[c.indicator]);
  if (exclude.allZero && values.every((v) => v === 0)) {
    return { reason: 'all-zero', detail: 'every component value is 0 (not evaluated)' };
  }
  const missing = components.filter((c) => !isNumber(row.values[c.indicator])).map((c) => c.id);
  if (missing.length > 0) return { reason: 'missing-values', detail: `no value for ${missing.join(', ')}` };
  return null;
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
