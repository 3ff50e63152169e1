import { dsrBandVariance, dsrWithVariance, type DsrBand, type DsrResult } from './dsr.ts';
import type { IntervalOptions } from './estimate.ts';
import { isPresent, warn } from './warnings.ts';

/**
 * DSR for events that are not independent (one person can have several admissions), following the
 * Fingertips technical guidance as implemented in PHEindicatormethods calculate_dsr(independent_events
 * = FALSE): the input counts *persons* by event frequency; the DSR is computed on events
 * (Σ frequency × persons per band) and its variance is Σ_f f² · Var_f, where Var_f is the Dobson
 * variance of the persons with frequency f. The limits are therefore wider than for independent events.
 */
export interface FrequencyBand {
  /** Standardisation category, e.g. the age band label; must carry the same population and standard in every frequency. */
  band: string;
  /** Number of events each of these persons had (1, 2, 3, …). */
  frequency: number;
  /** Persons with exactly `frequency` events in the band; null is read as 0. */
  persons: number | null;
  population: number;
  standard: number;
}

export function dsrNonIndependent(
  rows: readonly FrequencyBand[],
  options: IntervalOptions = {},
): DsrResult | null {
  const { warnings } = options;
  if (rows.some((r) => !isPresent(r.frequency) || r.frequency < 0)) return warn(warnings, 'missing-input');
  const events = eventsByBand(rows);
  if (!events) return warn(warnings, 'inconsistent-bands');
  return dsrWithVariance(events, options, frequencyVariance(rows));
}

/** Σ_f f² · Var_f over the frequency groups. */
function frequencyVariance(rows: readonly FrequencyBand[]): number {
  const groups = new Map<number, DsrBand[]>();
  for (const row of rows) {
    const group = groups.get(row.frequency) ?? [];
    group.push({ count: row.persons, population: row.population, standard: row.standard });
    groups.set(row.frequency, group);
  }
  let variance = 0;
  for (const [frequency, bands] of groups) variance += dsrBandVariance(bands) * frequency ** 2;
  return variance;
}

/** Events per band; null when one band is given different populations or standards. */
function eventsByBand(rows: readonly FrequencyBand[]): DsrBand[] | null {
  const bands = new Map<string, DsrBand & { count: number }>();
  for (const row of rows) {
    const band = bands.get(row.band) ?? { count: 0, population: row.population, standard: row.standard };
    if (band.population !== row.population || band.standard !== row.standard) return null;
    band.count += row.frequency * (isPresent(row.persons) ? row.persons : 0);
    bands.set(row.band, band);
  }
  return [...bands.values()];
}
