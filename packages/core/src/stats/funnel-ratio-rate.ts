import { checkMultiplier } from './confidence.ts';
import { funnelAxisRange, funnelGrid } from './funnel-axis.ts';
import { poissonFunnel } from './funnel-poisson.ts';
import { funnelTotals } from './funnel-totals.ts';
import type { StatWarnings } from './warnings.ts';

/**
 * Funnel-plot control limits for ratios (observed/expected) and rates (PHEindicatormethods
 * calculate_funnel_limits, statistic "ratio" and "rate"): for each number of events on the grid,
 * the denominator at which the 2 s / 3 s Poisson limit passes through it (funnel-poisson.ts).
 * Cost: each point sums a Poisson series of about `events` terms, 4 × 22 times.
 */
export interface PoissonFunnelRow {
  /** Observed events: the x position of the row. */
  events: number;
  /** Denominator at which the limit passes through `events`: expected events (ratios) or population per year (rates). */
  lower2sDenominator: number;
  lower2s: number;
  upper2sDenominator: number;
  upper2s: number;
  lower3sDenominator: number;
  lower3s: number;
  upper3sDenominator: number;
  upper3s: number;
}

/** The four bisection results (Poisson means) for one number of events. */
function poissonMeans(events: number) {
  return {
    lower2s: poissonFunnel(events, 0.025, 'high'),
    upper2s: poissonFunnel(events, 0.025, 'low'),
    lower3s: poissonFunnel(events, 0.001, 'high'),
    upper3s: poissonFunnel(events, 0.001, 'low'),
  };
}

/** Builds a row from the means: `denominator` turns a mean into the x-axis unit, `limit` gives the y value. */
function poissonRow(
  events: number,
  denominator: (mean: number) => number,
  limit: (mean: number) => number,
): PoissonFunnelRow {
  const m = poissonMeans(events);
  return {
    events,
    lower2sDenominator: denominator(m.lower2s),
    lower2s: limit(m.lower2s),
    upper2sDenominator: denominator(m.upper2s),
    upper2s: limit(m.upper2s),
    lower3sDenominator: denominator(m.lower3s),
    lower3s: limit(m.lower3s),
    upper3sDenominator: denominator(m.upper3s),
    upper3s: limit(m.upper3s),
  };
}

/** Ratios of observed to expected events: `'count'` as observed/expected − 1, `'isr'` as × 100. */
export function ratioFunnelLimits(
  rows: readonly { observed: number; expected: number }[],
  options: { kind: 'count' | 'isr'; warnings?: StatWarnings },
): PoissonFunnelRow[] {
  const totals = funnelTotals(
    rows.map((r) => ({ numerator: r.observed, denominator: r.expected })),
    options.warnings,
  );
  const axis = funnelAxisRange(totals.minDenominator, totals.maxDenominator);
  const scale = (ratio: number) => (options.kind === 'count' ? ratio - 1 : ratio * 100);
  return funnelGrid(axis.min, axis.max, 1).map((events) =>
    poissonRow(
      events,
      (mean) => mean,
      (mean) => scale(events / mean),
    ),
  );
}

export interface RateFunnelOptions {
  /** 'dsr': the denominator is derived from events and rate (none for 0 events); 'crude': 0 events use the population. */
  rateType: 'dsr' | 'crude';
  multiplier: number;
  /** Years the pooled data cover: the x axis shows population per year. */
  yearsOfData: number;
  warnings?: StatWarnings;
}

export interface RateRow {
  events: number;
  /** The rate per multiplier. */
  rate: number;
  population?: number | null;
}

/** Denominators implied by events and rate: multiplier × events / rate; 0 events use the population (crude) or none (dsr). */
export function rateDenominators(
  rows: readonly RateRow[],
  rateType: 'dsr' | 'crude',
  multiplier: number,
): (number | null)[] {
  return rows.map((r) => {
    if (r.events !== 0) return (multiplier * r.events) / r.rate;
    return rateType === 'crude' ? (r.population ?? null) : null;
  });
}

/** Rate funnel: the baseline (weighted average per multiplier) and 100 rows with limits per multiplier. */
export function rateFunnelLimits(
  rows: readonly RateRow[],
  options: RateFunnelOptions,
): { baseline: number; rows: PoissonFunnelRow[] } {
  const multiplier = checkMultiplier(options.multiplier);
  const years = options.yearsOfData;
  const denominators = rateDenominators(rows, options.rateType, multiplier);
  const totals = funnelTotals(
    rows.map((r, i) => ({ numerator: r.events, denominator: denominators[i]! })),
    options.warnings,
  );
  const axis = funnelAxisRange(totals.minDenominator / years, totals.maxDenominator / years);
  // The grid counts events: the per-year population axis times years times the average rate.
  const min = Math.floor(axis.min * years * totals.average);
  const max = Math.ceil(axis.max * years * totals.average);
  return {
    baseline: totals.average * multiplier,
    rows: rateFunnelRows(funnelGrid(min, max), totals.average, multiplier, years),
  };
}

/** Rate funnel rows for given event counts, average rate per unit and years of data. */
export function rateFunnelRows(
  events: readonly number[],
  average: number,
  multiplier: number,
  years: number,
): PoissonFunnelRow[] {
  return events.map((n) =>
    poissonRow(
      n,
      (mean) => mean / average / years,
      (mean) => (n / (mean / average)) * multiplier,
    ),
  );
}
