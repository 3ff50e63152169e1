import type { Observation } from '../domain/observation.ts';
import { publishedNumber } from './attack-publication.ts';
import type { DisclosureRule } from './disclosure-rule.ts';
import type { PrimaryReason } from './disclosure-types.ts';
import { CellMap } from './cell-map.ts';

/** One cell of a count table: its count as the engine knows it, and why it is suppressed, if it is. */
export interface CountCell {
  levelId: string;
  areaKey: string;
  /** null when the engine does not know the count (missing in the data, or confidential at the source). */
  value: number | null;
  primary: PrimaryReason | null;
}

/** Population per cell, for the minimum-population rule. */
export type PopulationLookup = CellMap<number | null>;

export function populationLookup(population: readonly Observation[] | undefined): PopulationLookup {
  const lookup = new CellMap<number | null>();
  for (const o of population ?? []) lookup.set(o.levelId, o.areaKey, publishedNumber(o));
  return lookup;
}

/** Confidential at the source: suppressed there, or GENESIS "." (secret) — never published here either. */
export function confidentialAtSource(o: Observation): boolean {
  return o.status === 'suppressed' || o.missingReason === 'secret' || o.missingReason === 'suppressed';
}

/**
 * The primary suppression reason of one count, or null. Order: confidential at the source, small
 * count, small area (population below the threshold or unknown).
 */
export function primaryReason(
  count: number | null,
  cell: { levelId: string; areaKey: string },
  rule: DisclosureRule,
  population: PopulationLookup,
): PrimaryReason | null {
  if (rule.minCount !== null && count !== null) {
    if (count > 0 && count < rule.minCount) return 'min_count';
    if (count === 0 && !rule.publishZeros) return 'min_count';
  }
  return populationReason(cell, rule, population);
}

/** The minimum-population rule alone (applies to every indicator kind). */
export function populationReason(
  cell: { levelId: string; areaKey: string },
  rule: DisclosureRule,
  population: PopulationLookup,
): PrimaryReason | null {
  if (rule.minPopulation === null) return null;
  const people = population.get(cell.levelId, cell.areaKey);
  if (people === undefined || people === null) return 'population_unknown';
  return people < rule.minPopulation.threshold ? 'min_population' : null;
}

/**
 * The count table read from observations: `read` picks the count (the value, or a ratio's numerator
 * or denominator); an observation that is confidential at the source stays suppressed; one that is
 * missing for another reason is unknown (an attacker sees no value) but needs no protection.
 */
export function countCells(
  observations: readonly Observation[],
  read: (o: Observation, index: number) => number | null,
  rule: DisclosureRule,
  population: PopulationLookup,
): CountCell[] {
  return observations.map((o, i): CountCell => {
    const { levelId, areaKey } = o;
    if (confidentialAtSource(o)) return { levelId, areaKey, value: null, primary: 'suppressed_at_source' };
    const value = read(o, i);
    if (value === null) return { levelId, areaKey, value: null, primary: null };
    return { levelId, areaKey, value, primary: primaryReason(value, o, rule, population) };
  });
}
