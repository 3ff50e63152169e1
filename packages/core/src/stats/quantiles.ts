import type { Polarity } from '../domain/indicator.ts';
import { DomainError } from '../domain/errors.ts';
import { isPresent, type StatWarnings } from './warnings.ts';

/**
 * Quantile groups by the Fingertips / OHID method ("Assigning deprivation categories"), as in
 * PHEindicatormethods phe_quantile: rank r (ties share the lowest rank) of N values, then
 * q = floor(k + 1 − ceil((N + 1 − r) / (N / k))), with 0 lifted to 1. Ties always share a group;
 * groups are as equal as ties allow. With `invert` the highest value gets group 1 (the value
 * ranked is max − value, as PHE computes it). Fewer than k values: no groups (null, counted).
 * This is the method for indicators without confidence intervals.
 */
export const QUANTILE_NAMES: Readonly<Record<number, string>> = {
  2: 'Half',
  3: 'Tertile',
  4: 'Quartile',
  5: 'Quintile',
  6: 'Sextile',
  7: 'Septile',
  8: 'Octile',
  10: 'Decile',
  12: 'Duo-decile',
  16: 'Hexadecile',
  20: 'Ventile',
};

export interface QuantileOptions {
  /** Number of groups, e.g. 5 for quintiles, 10 for deciles. */
  groups: number;
  /** true: group 1 holds the highest values. PHE's default is true; see invertForPolarity. */
  invert?: boolean;
  warnings?: StatWarnings;
}

/**
 * Group 1 = worst: invert when high values are bad. Neutral indicators count from the lowest values,
 * which is what FingertipsNext's no-judgement quintiles ("Lowest" … "Highest") do.
 */
export function invertForPolarity(polarity: Polarity): boolean {
  return polarity === 'higher_is_worse';
}

/** The group (1…k) of each value, in input order; null for missing values. */
export function assignQuantiles(
  values: readonly (number | null | undefined)[],
  options: QuantileOptions,
): (number | null)[] {
  const { groups, invert = true, warnings } = options;
  if (!Number.isInteger(groups) || groups < 2) {
    throw new DomainError('ValidationFailed', `invalid groups: ${groups} (expected an integer >= 2)`, {
      groups,
    });
  }
  const present = values.filter(isPresent);
  const n = present.length;
  if (n < values.length) warnings?.add('missing-input', values.length - n);
  if (n < groups) {
    if (n > 0) warnings?.add('too-few-values', n);
    return values.map(() => null);
  }
  const max = present.reduce((a, b) => Math.max(a, b));
  const adjusted = (v: number) => (invert ? max - v : v);
  const ranks = minRanks(present.map(adjusted));
  return values.map((v) => {
    if (!isPresent(v)) return null;
    const rank = ranks.get(adjusted(v))!;
    const q = Math.floor(groups + 1 - Math.ceil((n + 1 - rank) / (n / groups)));
    return q === 0 ? 1 : q;
  });
}

/** Rank of each distinct value with ties given the lowest rank (R's ties.method = "min"). */
function minRanks(values: readonly number[]): Map<number, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const ranks = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!ranks.has(v)) ranks.set(v, i + 1);
  });
  return ranks;
}

export interface GroupedQuantileOptions<T> {
  groups: number;
  /** Key of the set within which groups are assigned (e.g. indicator × sex × region). */
  groupKey: (row: T) => string;
  value: (row: T) => number | null | undefined;
  /** One direction for all rows, or one per row that must agree within each set. */
  invert: boolean | ((row: T) => boolean);
  warnings?: StatWarnings;
}

/** assignQuantiles within each set of rows; results in input order. */
export function assignQuantilesByGroup<T>(
  rows: readonly T[],
  options: GroupedQuantileOptions<T>,
): (number | null)[] {
  const sets = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = options.groupKey(row);
    const set = sets.get(key);
    if (set) set.push(i);
    else sets.set(key, [i]);
  });
  const result: (number | null)[] = rows.map(() => null);
  for (const [key, indices] of sets) {
    const invert = setInvert(
      key,
      indices.map((i) => rows[i]!),
      options.invert,
    );
    const values = indices.map((i) => options.value(rows[i]!));
    const groups = assignQuantiles(values, { groups: options.groups, invert, warnings: options.warnings });
    indices.forEach((rowIndex, j) => (result[rowIndex] = groups[j]!));
  }
  return result;
}

/** The set's direction; ranking one set in two directions has no meaning, so that is an error. */
function setInvert<T>(key: string, rows: readonly T[], invert: boolean | ((row: T) => boolean)): boolean {
  if (typeof invert === 'boolean') return invert;
  const directions = new Set(rows.map(invert));
  if (directions.size > 1) {
    throw new DomainError('ValidationFailed', `invert differs within group: ${key}`, { group: key });
  }
  return directions.has(true);
}
