import { describe, expect, it } from 'vitest';
import {
  byarsLower,
  dsr,
  dsrNonIndependent,
  ESP_1976,
  ESP_2013,
  isr,
  meanWithLimits,
  StatWarnings,
  type FrequencyBand,
} from '../../src/stats/index.ts';
import { DeviationLog, hasPhe, num, readSheet, type Row } from './reference-data.ts';

// Tolerance: 1e-12 relative for sheets holding full doubles (largest deviation seen: 4e-15). The
// non-independent DSR results are rounded to 8 decimals on values of 684–11,964, i.e. to at most
// 7.3e-12 relative: 1e-10 there (largest seen: 5.6e-12).
const TOLERANCE = 1e-12;
const ROUNDED_TOLERANCE = 1e-10;

describe('dsr (Dobson)', () => {
  it('equals the crude rate when the population has the standard shape', () => {
    const bands = [
      { count: 10, population: 1000, standard: 1000 },
      { count: 30, population: 2000, standard: 2000 },
    ];
    const r = dsr(bands, { multiplier: 1000 })!;
    expect(r.value).toBeCloseTo((40 / 3000) * 1000, 12);
    // Same shape: the Dobson interval collapses to the Byar interval of the crude rate, 28.5733/3000.
    expect(r.lower).toBeCloseTo((byarsLower(40) / 3000) * 1000, 12);
    expect(r.lower).toBeCloseTo(9.524433288812302, 12);
    expect(r.totalCount).toBe(40);
  });

  it('suppresses fewer than 10 events and counts it', () => {
    const warnings = new StatWarnings();
    expect(dsr([{ count: 9, population: 100, standard: 1 }], { warnings })).toBeNull();
    expect(dsr([{ count: 10, population: 0, standard: 1 }], { warnings })).toBeNull();
    expect(warnings.toJSON()).toEqual({ 'too-few-events': 1, 'non-positive-denominator': 1 });
  });

  it('ESP tables sum to 100,000', () => {
    expect(ESP_2013.reduce((a, b) => a + b)).toBe(100_000);
    expect(ESP_1976.reduce((a, b) => a + b)).toBe(100_000);
  });
});

describe('isr and mean', () => {
  it('ratio: observed / expected × 100 with exact limits below 10', () => {
    const bands = [
      { count: 4, population: 1000, referenceCount: 10, referencePopulation: 10_000 },
      { count: 3, population: 1000, referenceCount: 30, referencePopulation: 10_000 },
    ];
    const r = isr(bands)!;
    expect(r.expected).toBeCloseTo(4, 12);
    expect(r.value).toBeCloseTo(175, 12);
    expect(r.method).toBe('exact');
    // χ²(0.025; 14)/2 = 2.8143630515198654
    expect(r.lower).toBeCloseTo((2.8143630515198654 / 4) * 100, 11);
  });

  it('mean with Student-t limits', () => {
    const r = meanWithLimits([30, 40, 50, 60])!;
    // t(0.975; 3) = 3.1824463052837078, s = √(500/3)
    expect(r.value).toBe(45);
    expect(r.lower).toBeCloseTo(45 - (3.1824463052837078 * Math.sqrt(500 / 3)) / 2, 11);
    expect(meanWithLimits([1])).toBeNull();
  });
});

/** Rows of the area's bands, in sheet order. */
function byArea(rows: Row[]): Map<string, Row[]> {
  const areas = new Map<string, Row[]>();
  for (const row of rows) {
    const area = String(row.area);
    areas.set(area, [...(areas.get(area) ?? []), row]);
  }
  return areas;
}

const multiplierOf = (statistic: string) =>
  Number(/per (\d+)|x (\d+)/.exec(statistic)!.slice(1).find(Boolean));

function checkLimits(
  log: DeviationLog,
  result: { value: number; lower: number; upper: number } | null,
  expected: Row,
  confidence: 0.95 | 0.998,
) {
  const [lo, hi] = confidence === 0.95 ? ['lower95_0cl', 'upper95_0cl'] : ['lower99_8cl', 'upper99_8cl'];
  const where = `${expected.area} ${expected.statistic}`;
  log.check(result?.value, num(expected.value)!, `${where} value`);
  log.check(result?.lower, num(expected[lo])!, `${where} ${lo}`);
  log.check(result?.upper, num(expected[hi])!, `${where} ${hi}`);
}

describe.skipIf(!hasPhe)(
  'PHEindicatormethods DSR/ISR/mean reference results (needs ../shared/data/phe-indicator-methods-testdata)',
  () => {
    const file = 'testdata_DSR_ISR.xlsx';

    it('testresults_DSR: ESP 2013 areas per 10,000 and 100,000, both confidence levels', async () => {
      const areas = byArea(await readSheet(file, 'testdata_multiarea'));
      const results = (await readSheet(file, 'testresults_DSR')).filter((r) => String(r.method) === 'Dobson');
      const log = new DeviationLog();
      let suppressed = 0;
      for (const expected of results.filter((r) => r.area !== 'testdata_1976')) {
        const bands = areas
          .get(String(expected.area))!
          .map((r, i) => ({ count: num(r.count), population: num(r.pop)!, standard: ESP_2013[i]! }));
        const multiplier =
          expected.statistic === 'dsr NA for total count < 10'
            ? 100_000
            : multiplierOf(String(expected.statistic));
        for (const confidence of [0.95, 0.998] as const) {
          const result = dsr(bands, { confidence, multiplier });
          if (expected.value === null) {
            expect(result).toBeNull();
            suppressed++;
          } else checkLimits(log, result, expected, confidence);
        }
      }
      expect(suppressed).toBe(4);
      expect(log.compared).toBe(24);
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });

    it('testresults_DSR: ESP 1976 with 18 bands (95 % limits; the sheet’s 99.8 % cells for it are off by ×10 and untested upstream)', async () => {
      const rows = await readSheet(file, 'testdata_1976');
      const bands = rows.map((r) => ({
        count: num(r.count),
        population: num(r.pop)!,
        standard: num(r.esp1976)!,
      }));
      expect(bands.map((b) => b.standard)).toEqual(ESP_1976);
      const results = (await readSheet(file, 'testresults_DSR')).filter((r) => r.area === 'testdata_1976');
      const log = new DeviationLog();
      for (const expected of results) {
        const multiplier = multiplierOf(String(expected.statistic));
        const r95 = dsr(bands, { multiplier })!;
        log.check(r95.value, num(expected.value)!, `1976 ${multiplier} value`);
        log.check(r95.lower, num(expected.lower95_0cl)!, `1976 ${multiplier} lower`);
        log.check(r95.upper, num(expected.upper95_0cl)!, `1976 ${multiplier} upper`);
        // The published 99.8 % cells hold ten times the limit (per 100,000 in the per-10,000 row, and per 1,000,000 below).
        const r998 = dsr(bands, { multiplier: multiplier * 10, confidence: 0.998 })!;
        log.check(r998.lower, num(expected.lower99_8cl)!, `1976 ${multiplier} lower 99.8 ×10`);
        log.check(r998.upper, num(expected.upper99_8cl)!, `1976 ${multiplier} upper 99.8 ×10`);
      }
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });

    it('testresults_DSR: non-independent events (persons by event frequency)', async () => {
      const rows = await readSheet(file, 'testdata_nonindepe');
      const areas = byArea(rows);
      const results = (await readSheet(file, 'testresults_DSR')).filter((r) =>
        String(r.method).includes('non-independent'),
      );
      const log = new DeviationLog();
      for (const expected of results) {
        const bands = areas.get(String(expected.area))!;
        const frequencyRows: FrequencyBand[] = bands.flatMap((r, i) => {
          // Cells with formulas whose cached result is missing evaluate to 0 (the counts check it).
          const persons = [r.f1, r.f2, r.f3, r.f4].map((v) => num(v) ?? 0);
          expect(
            persons.reduce((a, p, f) => a + p * (f + 1), 0),
            `${expected.area} band ${i}`,
          ).toBe(num(r.count));
          return persons.map((p, f) => ({
            band: String(r.ageband),
            frequency: f + 1,
            persons: p,
            population: num(r.pop)!,
            standard: ESP_2013[i]!,
          }));
        });
        for (const confidence of [0.95, 0.998] as const) {
          const result = dsrNonIndependent(frequencyRows, { confidence, multiplier: 100_000 });
          if (expected.value === null) expect(result).toBeNull();
          else checkLimits(log, result, expected, confidence);
        }
      }
      expect(log.compared).toBe(18);
      expect(log.max, log.where).toBeLessThan(ROUNDED_TOLERANCE);
    });

    it('testresults_ISR: ratios ×1 and ×100, rates per 1,000 and 100,000, exact for 9 events', async () => {
      const areas = byArea(await readSheet(file, 'testdata_multiarea_isr'));
      const reference = await readSheet(file, 'refdata');
      const err2 = byArea(await readSheet(file, 'testdata_err2'));
      const results = await readSheet(file, 'testresults_ISR');
      const log = new DeviationLog();
      for (const expected of results) {
        const statistic = String(expected.statistic);
        const kind = statistic.includes('ratio') ? 'ratio' : 'rate';
        const multiplier = multiplierOf(statistic);
        // Rows "Area1"/"Area2" are the zero-population test on testdata_err2 with the reference sheet.
        const local = areas.get(String(expected.area)) ?? err2.get(String(expected.area))!;
        const bands = local.map((r, i) => ({
          count: num(r.count),
          population: num(r.pop),
          referenceCount: num(reference[i]!.refcount),
          referencePopulation: num(reference[i]!.refpop)!,
        }));
        for (const confidence of [0.95, 0.998] as const) {
          if (expected.lower99_8cl === null && confidence === 0.998) continue;
          const result = isr(bands, { kind, multiplier, confidence })!;
          expect(result.method).toBe(String(expected.method).toLowerCase());
          log.check(result.expected, num(expected.expected)!, `${expected.area} expected`);
          if (kind === 'rate')
            log.check(result.referenceRate, num(expected.ref_rate)!, `${expected.area} ref_rate`);
          checkLimits(log, result, expected, confidence);
        }
      }
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });

    it('testdata_Mean_results: Student-t limits per area and ungrouped', async () => {
      const values = await readSheet('testdata_Mean.xlsx', 'testdata_Mean');
      const results = await readSheet('testdata_Mean.xlsx', 'testdata_Mean_results');
      const log = new DeviationLog();
      for (const expected of results) {
        const group = values
          .filter((v) => expected.area === 'No grouping' || v.area === expected.area)
          .map((v) => num(v.values));
        for (const confidence of [0.95, 0.998] as const) {
          const result = meanWithLimits(group, { confidence })!;
          expect(result.count).toBe(num(expected.value_count));
          log.check(result.sum, num(expected.value_sum)!, `${expected.area} sum`);
          log.check(result.standardDeviation, num(expected.stdev)!, `${expected.area} sd`);
          checkLimits(log, result, expected, confidence);
        }
      }
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });
  },
);
