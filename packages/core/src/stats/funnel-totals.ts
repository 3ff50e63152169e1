import { DomainError } from '../domain/errors.ts';
import { isPresent, warn, type StatWarnings } from './warnings.ts';

/**
 * What a funnel is drawn around and across: the pooled average Σ numerators / Σ denominators and the
 * range of denominators. Rows without a usable denominator are left out and counted.
 */
export interface FunnelTotals {
  average: number;
  minDenominator: number;
  maxDenominator: number;
}

export function funnelTotals(
  rows: readonly { numerator: number; denominator: number | null }[],
  warnings?: StatWarnings,
): FunnelTotals {
  let numerators = 0;
  let denominators = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const { numerator, denominator } of rows) {
    if (!isPresent(numerator) || !isPresent(denominator) || denominator <= 0 || numerator < 0) {
      warn(warnings, 'missing-input');
      continue;
    }
    numerators += numerator;
    denominators += denominator;
    min = Math.min(min, denominator);
    max = Math.max(max, denominator);
  }
  if (denominators === 0)
    throw new DomainError('ValidationFailed', 'invalid funnel data: no row with a denominator', {});
  return { average: numerators / denominators, minDenominator: min, maxDenominator: max };
}
