import { byarsLower, byarsUpper } from './byars.ts';
import { proportionFunnelPoint } from './funnel-proportion.ts';
import { rateDenominators, type RateRow } from './funnel-ratio-rate.ts';
import { exactPoissonLower, exactPoissonUpper } from './poisson-exact.ts';
import { isPresent, warn, type StatWarnings } from './warnings.ts';

/**
 * Which areas lie outside the funnel (PHEindicatormethods assign_funnel_significance): high or low at
 * 0.001 (outside the 3 s / 99.8 % limit) or 0.025 (outside 2 s / 95 %), else not significant.
 * Directly standardised rates with fewer than 10 events are not assessed, as for DSRs themselves.
 * Rows that cannot be assessed (missing or impossible input) get null and a counted warning.
 */
export type FunnelSignificance =
  'high-0.001' | 'high-0.025' | 'low-0.001' | 'low-0.025' | 'not-significant' | 'not-applicable';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function validProportion(numerator: number, denominator: number): boolean {
  return (
    isPresent(numerator) &&
    isPresent(denominator) &&
    numerator >= 0 &&
    denominator > 0 &&
    numerator <= denominator
  );
}

/** Proportions x/n against the Wilson-based funnel around the pooled proportion. */
export function proportionFunnelSignificance(
  rows: readonly { numerator: number; denominator: number }[],
  warnings?: StatWarnings,
): (FunnelSignificance | null)[] {
  const valid = rows.filter((r) => validProportion(r.numerator, r.denominator));
  const average = sum(valid.map((r) => r.numerator)) / sum(valid.map((r) => r.denominator));
  return rows.map(({ numerator, denominator }) => {
    if (!validProportion(numerator, denominator)) return warn(warnings, 'missing-input');
    const value = numerator / denominator;
    const limit = (p: number, side: 'low' | 'high') =>
      proportionFunnelPoint(p, denominator, average, side, 1);
    if (value < limit(0.999, 'low')) return 'low-0.001';
    if (value < limit(0.975, 'low')) return 'low-0.025';
    if (value > limit(0.999, 'high')) return 'high-0.001';
    if (value > limit(0.975, 'high')) return 'high-0.025';
    return 'not-significant';
  });
}

/**
 * PHE funnel_ratio_significance: a confidence limit of the observed count (exact below 10,
 * Byar's from 10) divided by the denominator.
 */
function countLimit(observed: number, denominator: number, confidence: number, side: 'low' | 'high'): number {
  const exact = observed < 10;
  if (side === 'low') {
    if (observed === 0) return 0;
    return (exact ? exactPoissonLower(observed, confidence) : byarsLower(observed, confidence)) / denominator;
  }
  return (exact ? exactPoissonUpper(observed, confidence) : byarsUpper(observed, confidence)) / denominator;
}

/** Where `centre` lies relative to the limits of observed/denominator. */
function classify(observed: number, denominator: number, centre: number): FunnelSignificance {
  if (centre < countLimit(observed, denominator, 0.998, 'low')) return 'high-0.001';
  if (centre < countLimit(observed, denominator, 0.95, 'low')) return 'high-0.025';
  if (centre > countLimit(observed, denominator, 0.998, 'high')) return 'low-0.001';
  if (centre > countLimit(observed, denominator, 0.95, 'high')) return 'low-0.025';
  return 'not-significant';
}

const validCount = (observed: number, denominator: number | null): denominator is number =>
  isPresent(observed) && observed >= 0 && isPresent(denominator) && denominator > 0;

/** Ratios observed/expected against 1. */
export function ratioFunnelSignificance(
  rows: readonly { observed: number; expected: number }[],
  warnings?: StatWarnings,
): (FunnelSignificance | null)[] {
  return rows.map(({ observed, expected }) =>
    validCount(observed, expected) ? classify(observed, expected, 1) : warn(warnings, 'missing-input'),
  );
}

/** Rates against the weighted average Σ events / Σ derived denominators. */
export function rateFunnelSignificance(
  rows: readonly RateRow[],
  options: { rateType: 'dsr' | 'crude'; multiplier: number; warnings?: StatWarnings },
): (FunnelSignificance | null)[] {
  const denominators = rateDenominators(rows, options.rateType, options.multiplier);
  const average = sum(rows.map((r) => r.events)) / sum(denominators.filter(isPresent));
  return rows.map((row, i) => {
    if (options.rateType === 'dsr' && row.events < 10) return 'not-applicable';
    const denominator = denominators[i]!;
    return validCount(row.events, denominator)
      ? classify(row.events, denominator, average)
      : warn(options.warnings, 'missing-input');
  });
}
