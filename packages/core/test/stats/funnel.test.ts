import { describe, expect, it } from 'vitest';
import {
  funnelAxisRange,
  funnelGrid,
  poissonFunnel,
  proportionFunnelLimits,
  proportionFunnelSignificance,
  rateFunnelLimits,
  rateFunnelRows,
  rateFunnelSignificance,
  ratioFunnelLimits,
  ratioFunnelSignificance,
  rCharacterWidth,
  roundHalfEven,
  StatWarnings,
  type FunnelSignificance,
} from '../../src/stats/index.ts';
import { DeviationLog, hasPhe, num, PHE_DIR, readCsv, type Row } from './reference-data.ts';

describe('funnel helpers', () => {
  it('reproduce R rounding and width quirks', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(3.4)).toBe(3);
    expect(rCharacterWidth(100000)).toBe(5); // "1e+05"
    expect(rCharacterWidth(123456)).toBe(6);
    expect(rCharacterWidth(1200000)).toBe(7); // "1200000" ties with "1.2e+06"
  });

  it('axis and grid: neat ends, 100 increasing points', () => {
    // 95 % of 31,000 floored to its leading digit; 105 % of 40,000 ceiled to two digits.
    expect(funnelAxisRange(31_000, 40_000)).toEqual({ min: 20_000, max: 42_000 });
    expect(funnelAxisRange(100, 40_000).min).toBe(0);
    const grid = funnelGrid(0, 42_000);
    expect(grid).toHaveLength(100);
    expect(grid[0]).toBe(1);
    expect(grid[99]).toBe(42_000);
    expect(grid.every((x, i) => i === 0 || x > grid[i - 1]!)).toBe(true);
  });

  it('counts rows that cannot be placed instead of failing', () => {
    const warnings = new StatWarnings();
    const rows = [
      { numerator: 50, denominator: 100 },
      { numerator: 60, denominator: 100 },
      { numerator: 5, denominator: 0 },
    ];
    expect(proportionFunnelSignificance(rows, warnings)).toEqual([
      'not-significant',
      'not-significant',
      null,
    ]);
    expect(proportionFunnelLimits(rows, { warnings })[0]!.baseline).toBeCloseTo(55, 12);
    expect(warnings.count('missing-input')).toBe(2);
  });

  it('rate funnels: baseline from derived denominators, grid in events', () => {
    const rows = [
      { events: 100, rate: 500 },
      { events: 300, rate: 600 },
      { events: 0, rate: 0, population: 10_000 },
    ];
    // Derived denominators 20,000 and 50,000 (the zero-event DSR row has none): 400 / 70,000.
    const funnel = rateFunnelLimits(rows, { rateType: 'dsr', multiplier: 100_000, yearsOfData: 1 });
    expect(funnel.baseline).toBeCloseTo((400 / 70_000) * 100_000, 9);
    expect(funnel.rows).toHaveLength(100);
    expect(funnel.rows[0]!.events).toBe(1);
    expect(funnel.rows.every((r) => r.lower3s < r.lower2s && r.upper2s < r.upper3s)).toBe(true);
  });

  it('the Poisson bisection lands on the exact limits to ~1e-7', () => {
    // Mean whose P(K >= 1) = 0.025 is −ln(0.975); mean whose P(K <= 1) = 0.025 is the exact 95 % upper limit of 1.
    expect(poissonFunnel(1, 0.025, 'low')).toBeCloseTo(0.025317807984289897, 6);
    expect(poissonFunnel(1, 0.025, 'high')).toBeCloseTo(5.571643390938898, 5);
  });
});

// Tolerance: the output CSVs are rounded — proportions to 6 decimals (so 5e-7 absolute), Poisson
// funnels to 10 significant digits and at most 9 decimals (so 1e-8 relative, 1e-8 absolute below 1;
// this also absorbs the rounding of the rate table's baseline, from which the average is taken).
const SIGNIFICANCE: Record<string, FunnelSignificance> = {
  'High (0.001)': 'high-0.001',
  'High (0.025)': 'high-0.025',
  'Low (0.001)': 'low-0.001',
  'Low (0.025)': 'low-0.025',
  'Not significant': 'not-significant',
  'Not applicable for events less than 10 for dsrs': 'not-applicable',
};

function compareColumns(
  log: DeviationLog,
  actual: Record<string, number>[],
  expected: Row[],
  columns: [string, string][],
) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    for (const [ours, theirs] of columns)
      log.check(actual[i]![ours], num(row[theirs])!, `row ${i + 1} ${theirs}`);
  });
}

describe.skipIf(!hasPhe)('PHE funnel plots (needs ../shared/data/phe-indicator-methods-testdata)', () => {
  it('proportions: 100 limit rows from 303 PCTs, and each PCT’s significance', () => {
    const inputs = readCsv(PHE_DIR + 'testdata_funnel_prop_inputs.csv').map((r) => ({
      numerator: num(r.numerator)!,
      denominator: num(r.denominator)!,
      significance: String(r.significance),
    }));
    const expected = readCsv(PHE_DIR + 'testdata_funnel_prop_outputs.csv');
    const actual = proportionFunnelLimits(inputs, { multiplier: 100 });
    expect(actual.map((r) => r.population)).toEqual(expected.map((r) => num(r.Population)));
    const columns: [string, string][] = [
      ['lower2s', 'Lower2s0025limit'],
      ['upper2s', 'Upper2s0025limit'],
      ['lower3s', 'Lower3s0001limit'],
      ['upper3s', 'Upper3s0001limit'],
      ['baseline', 'Baseline'],
    ];
    actual.forEach((row, i) => {
      for (const [ours, theirs] of columns) {
        expect(
          Math.abs(row[ours as keyof typeof row] - num(expected[i]![theirs])!),
          `row ${i + 1} ${theirs}`,
        ).toBeLessThan(5.1e-7);
      }
    });
    expect(proportionFunnelSignificance(inputs)).toEqual(inputs.map((r) => SIGNIFICANCE[r.significance]));
  });

  it('ratios (count and ISR): 100 limit rows from 300 areas, and each area’s significance', () => {
    const inputs = readCsv(PHE_DIR + 'testdata_funnel_ratio_inputs.csv').map((r) => ({
      observed: num(r.obs)!,
      expected: num(r.expected)!,
      significance: String(r.significance),
    }));
    const expected = readCsv(PHE_DIR + 'testdata_funnel_ratio_outputs.csv');
    const log = new DeviationLog(1);
    for (const kind of ['count', 'isr'] as const) {
      const actual = ratioFunnelLimits(inputs, { kind });
      expect(actual.map((r) => r.events)).toEqual(expected.map((r) => num(r.Observed_events)));
      compareColumns(log, actual as unknown as Record<string, number>[], expected, [
        ['lower2sDenominator', 'lower_2s_exp_events'],
        ['lower2s', `lower_2s_${kind}`],
        ['upper2sDenominator', 'upper_2s_exp_events'],
        ['upper2s', `upper_2s_${kind}`],
        ['lower3sDenominator', 'lower_3s_exp_events'],
        ['lower3s', `lower_3s_${kind}`],
        ['upper3sDenominator', 'upper_3s_exp_events'],
        ['upper3s', `upper_3s_${kind}`],
      ]);
    }
    expect(log.compared).toBe(1600);
    expect(log.max, log.where).toBeLessThan(1e-8);
    expect(ratioFunnelSignificance(inputs)).toEqual(inputs.map((r) => SIGNIFICANCE[r.significance]));
  });

  it('rates (DSR per 100,000, 3 years): the event grid and all limits of the published table', () => {
    // The inputs of this table are not in the shared copy; the grid's ends and the baseline are.
    const expected = readCsv(PHE_DIR + 'testdata_funnel_rate_outputs.csv');
    const events = expected.map((r) => num(r.Events)!);
    expect(funnelGrid(events[0]!, events[99]!)).toEqual(events);
    const average = num(expected[0]!.baseline)! / 1e5;
    const actual = rateFunnelRows(events, average, 1e5, 3);
    const log = new DeviationLog(1);
    compareColumns(log, actual as unknown as Record<string, number>[], expected, [
      ['lower2sDenominator', 'lower_2s_population_1_year'],
      ['lower2s', 'lower_2s_limit'],
      ['upper2sDenominator', 'upper_2s_population_1_year'],
      ['upper2s', 'upper_2s_limit'],
      ['lower3sDenominator', 'lower_3s_population_1_year'],
      ['lower3s', 'lower_3s_limit'],
      ['upper3sDenominator', 'upper_3s_population_1_year'],
      ['upper3s', 'upper_3s_limit'],
    ]);
    expect(log.max, log.where).toBeLessThan(1e-8);
  });

  it('rate significance: DSR and crude, per 100,000 and per 100, with and without a zero count (8 × up to 40 areas)', () => {
    const inputs = readCsv(PHE_DIR + 'testdata_funnel_rate_dsr_inputs.csv');
    const variants = [
      ['dsr_per_100000', 'dsr', 'rate_dsr', 1e5],
      ['dsr_per_100', 'dsr', 'rate_dsr', 100],
      ['crude_per_100000', 'crude', 'rate_crude_per_100000', 1e5],
      ['crude_per_100', 'crude', 'rate_crude_per_100', 100],
    ] as const;
    let compared = 0;
    for (const [name, rateType, rateColumn, multiplier] of variants) {
      for (const zeros of ['with_0', 'without_0']) {
        const rows = inputs.filter((r) => zeros === 'with_0' || num(r.count) !== 0);
        const data = rows.map((r) => ({
          events: num(r.count)!,
          rate: num(r[rateColumn]) ?? NaN,
          population: num(r.pop),
        }));
        const actual = rateFunnelSignificance(data, { rateType, multiplier });
        expect(actual, `${name}_${zeros}`).toEqual(
          rows.map((r) => SIGNIFICANCE[String(r[`${name}_${zeros}`])]),
        );
        compared += rows.length;
      }
    }
    expect(compared).toBe(4 * (40 + 39));
  });
});
