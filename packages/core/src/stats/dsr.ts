import { byarsLower, byarsUpper } from './byars.ts';
import { checkMultiplier, confidenceLevel } from './confidence.ts';
import type { Estimate, IntervalOptions } from './estimate.ts';
import { isPresent, warn, type StatWarnings } from './warnings.ts';

/**
 * Directly standardised rates with Dobson et al. (1991) limits: Byar's limits for the total count,
 * rescaled by the variance of the weighted sum. As in Fingertips (PHEindicatormethods calculate_dsr)
 * no DSR is given for fewer than 10 events in total, and a missing band count counts as 0.
 */

export interface DsrBand {
  /** Observed events in the band; null is read as 0. */
  count: number | null;
  /** Population of the band; must be > 0. */
  population: number;
  /** Standard population weight of the band, e.g. ESP_2013[i]. */
  standard: number;
}

export interface DsrResult extends Estimate {
  totalCount: number;
  totalPopulation: number;
}

/** Sum and variance terms of a DSR; undefined with a counted warning when a band is invalid. */
interface WeightedSums {
  totalCount: number;
  totalPopulation: number;
  totalStandard: number;
  weightedRate: number;
  squaredRate: number;
}

function weightedSums(bands: readonly DsrBand[], warnings?: StatWarnings): WeightedSums | null {
  const sums: WeightedSums = {
    totalCount: 0,
    totalPopulation: 0,
    totalStandard: 0,
    weightedRate: 0,
    squaredRate: 0,
  };
  for (const band of bands) {
    if (!isPresent(band.population) || !isPresent(band.standard)) return warn(warnings, 'missing-input');
    if (band.population <= 0) return warn(warnings, 'non-positive-denominator');
    if (band.standard < 0) return warn(warnings, 'negative-standard-population');
    const count = isPresent(band.count) ? band.count : 0;
    if (count < 0) return warn(warnings, 'negative-count');
    const weight = band.standard / band.population;
    sums.totalCount += count;
    sums.totalPopulation += band.population;
    sums.totalStandard += band.standard;
    sums.weightedRate += (count * band.standard) / band.population;
    sums.squaredRate += count * weight ** 2;
  }
  return sums;
}

/** Variance of the DSR (per unit, before the multiplier): Σ x·(w/n)² / (Σw)². */
function dsrVariance(sums: WeightedSums): number {
  return (1 / sums.totalStandard ** 2) * sums.squaredRate;
}

/** Dobson limits given the DSR, its variance and the total count. */
function dobson(
  value: number,
  variance: number,
  total: number,
  confidence: number,
  multiplier: number,
): Estimate {
  const scale = Math.sqrt(variance / total);
  return {
    value,
    lower: value + scale * (byarsLower(total, confidence) - total) * multiplier,
    upper: value + scale * (byarsUpper(total, confidence) - total) * multiplier,
  };
}

/** The DSR per `multiplier` (default 100,000) with Dobson limits, or null (counted) below 10 events. */
export function dsr(bands: readonly DsrBand[], options: IntervalOptions = {}): DsrResult | null {
  return dsrWithVariance(bands, options, null);
}

/** Shared by the independent and the non-independent variants; `variance` overrides Σ x·(w/n)²/(Σw)². */
export function dsrWithVariance(
  bands: readonly DsrBand[],
  options: IntervalOptions,
  variance: number | null,
): DsrResult | null {
  const { confidence = 0.95, warnings } = options;
  const multiplier = checkMultiplier(options.multiplier ?? 100_000);
  confidenceLevel(confidence);
  if (bands.length === 0) return warn(warnings, 'missing-input');
  const sums = weightedSums(bands, warnings);
  if (!sums) return null;
  if (sums.totalCount < 10) return warn(warnings, 'too-few-events');
  const value = (sums.weightedRate / sums.totalStandard) * multiplier;
  const estimate = dobson(value, variance ?? dsrVariance(sums), sums.totalCount, confidence, multiplier);
  return { ...estimate, totalCount: sums.totalCount, totalPopulation: sums.totalPopulation };
}

/** Exposed for the non-independent variant, which needs the variance of each frequency group. */
export function dsrBandVariance(bands: readonly DsrBand[]): number {
  const sums = weightedSums(bands);
  return sums ? dsrVariance(sums) : NaN;
}
