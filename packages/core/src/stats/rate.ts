import { byarsLower, byarsUpper } from './byars.ts';
import { checkMultiplier, confidenceLevel } from './confidence.ts';
import type { Estimate, IntervalOptions } from './estimate.ts';
import { exactPoissonLower, exactPoissonUpper } from './poisson-exact.ts';
import { isPresent, warn } from './warnings.ts';

/**
 * Crude rates with Poisson limits. Strategy `'auto'` is the Fingertips rule (PHEindicatormethods
 * phe_rate / calculate_ISRate): exact limits below 10 events, where Byar's approximation is poor,
 * Byar's from 10 on. `'exact'` and `'byars'` force one method.
 */
export type CountLimitMethod = 'auto' | 'exact' | 'byars';

export interface RateOptions extends IntervalOptions {
  method?: CountLimitMethod;
  /** The count from which `'auto'` switches to Byar's method; 10 in Fingertips. */
  exactBelow?: number;
}

export interface CountLimits {
  lower: number;
  upper: number;
  method: 'exact' | 'byars';
}

/** Limits for the expected value of an observed count (the unscaled core of rates and ISRs). */
export function countLimits(
  count: number,
  options: Omit<RateOptions, 'multiplier' | 'warnings'> = {},
): CountLimits {
  const { confidence = 0.95, method = 'auto', exactBelow = 10 } = options;
  confidenceLevel(confidence);
  const useExact = method === 'exact' || (method === 'auto' && count < exactBelow);
  if (useExact)
    return {
      lower: exactPoissonLower(count, confidence),
      upper: exactPoissonUpper(count, confidence),
      method: 'exact',
    };
  return { lower: byarsLower(count, confidence), upper: byarsUpper(count, confidence), method: 'byars' };
}

/**
 * count / denominator × multiplier (default per 100,000) with limits; null with a counted warning
 * for missing input, a negative count or a denominator <= 0. Counts above the denominator are fine.
 */
export function rate(
  count: number | null | undefined,
  denominator: number | null | undefined,
  options: RateOptions = {},
): (Estimate & { method: 'exact' | 'byars' }) | null {
  const multiplier = checkMultiplier(options.multiplier ?? 100_000);
  const { warnings, ...limitOptions } = options;
  confidenceLevel(options.confidence ?? 0.95);
  if (!isPresent(count) || !isPresent(denominator)) return warn(warnings, 'missing-input');
  if (count < 0) return warn(warnings, 'negative-count');
  if (denominator <= 0) return warn(warnings, 'non-positive-denominator');
  const limits = countLimits(count, limitOptions);
  return {
    value: (count / denominator) * multiplier,
    lower: (limits.lower / denominator) * multiplier,
    upper: (limits.upper / denominator) * multiplier,
    method: limits.method,
  };
}
