import { checkMultiplier, confidenceLevel } from './confidence.ts';
import type { Estimate } from './estimate.ts';
import { countLimits, type RateOptions } from './rate.ts';
import { isPresent, warn, type StatWarnings } from './warnings.ts';

/**
 * Indirect standardisation (PHEindicatormethods calculate_ISRatio / calculate_ISRate): expected
 * events apply the reference rates to the local population; limits are those of the observed count
 * (exact below 10, Byar's from 10 — see rate.ts) divided by the expected count.
 * `'ratio'` gives observed/expected × multiplier (default 100, the SMR-style ratio);
 * `'rate'` gives observed/expected × the reference rate per multiplier (default 100,000).
 */
export interface IsrBand {
  /** Local observed events; null counts as 0. */
  count: number | null;
  /** Local population; null counts as 0 (a band without people expects no events). */
  population: number | null;
  /** Reference events; null counts as 0. */
  referenceCount: number | null;
  /** Reference population; must be > 0. */
  referencePopulation: number;
}

export interface IsrOptions extends RateOptions {
  kind?: 'ratio' | 'rate';
  /** Total observed events when no breakdown by band exists; replaces Σ count. */
  observed?: number;
}

export interface IsrResult extends Estimate {
  observed: number;
  expected: number;
  /** Crude reference rate per multiplier; only for kind 'rate'. */
  referenceRate: number | null;
  method: 'exact' | 'byars';
}

interface IsrSums {
  observed: number;
  expected: number;
  referenceCount: number;
  referencePopulation: number;
}

function sumBands(bands: readonly IsrBand[], warnings?: StatWarnings): IsrSums | null {
  const sums: IsrSums = { observed: 0, expected: 0, referenceCount: 0, referencePopulation: 0 };
  for (const band of bands) {
    const count = band.count ?? 0;
    const population = band.population ?? 0;
    const referenceCount = band.referenceCount ?? 0;
    if (![count, population, referenceCount, band.referencePopulation].every(isPresent)) {
      return warn(warnings, 'missing-input');
    }
    if (count < 0 || referenceCount < 0) return warn(warnings, 'negative-count');
    if (population < 0 || band.referencePopulation <= 0) return warn(warnings, 'non-positive-denominator');
    sums.observed += count;
    sums.expected += (referenceCount / band.referencePopulation) * population;
    sums.referenceCount += referenceCount;
    sums.referencePopulation += band.referencePopulation;
  }
  return sums;
}

export function isr(bands: readonly IsrBand[], options: IsrOptions = {}): IsrResult | null {
  const { kind = 'ratio', warnings } = options;
  const multiplier = checkMultiplier(options.multiplier ?? (kind === 'ratio' ? 100 : 100_000));
  confidenceLevel(options.confidence ?? 0.95);
  const sums = sumBands(bands, warnings);
  if (!sums) return null;
  const observed = options.observed ?? sums.observed;
  if (!isPresent(observed)) return warn(warnings, 'missing-input');
  if (observed < 0) return warn(warnings, 'negative-count');
  if (!(sums.expected > 0)) return warn(warnings, 'non-positive-denominator');
  const referenceRate =
    kind === 'rate' ? (sums.referenceCount / sums.referencePopulation) * multiplier : null;
  const scale = referenceRate ?? multiplier;
  const limits = countLimits(observed, options);
  return {
    value: (observed / sums.expected) * scale,
    lower: (limits.lower / sums.expected) * scale,
    upper: (limits.upper / sums.expected) * scale,
    observed,
    expected: sums.expected,
    referenceRate,
    method: limits.method,
  };
}
