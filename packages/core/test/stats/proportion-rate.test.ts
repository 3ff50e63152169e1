import { describe, expect, it } from 'vitest';
import {
  byarsLower,
  byarsUpper,
  countLimits,
  exactPoissonLower,
  exactPoissonUpper,
  rate,
  StatWarnings,
  wilson,
  wilsonLower,
  wilsonUpper,
} from '../../src/stats/index.ts';
import { DeviationLog, hasPhe, num, PHE_DIR, readCsv, readSheet, type Row } from './reference-data.ts';

// Tolerance: 1e-12 relative (PHEindicatormethods' own tests use 1.5e-8). The sheets hold full doubles
// from Excel (NORMSINV, CHIINV) and R; the largest deviation seen is 2e-14.
const TOLERANCE = 1e-12;

describe('wilson', () => {
  it('reproduces the PHE examples (65 of 100)', () => {
    expect(wilsonLower(65, 100)).toBeCloseTo(0.5525444329688797, 14);
    expect(wilsonUpper(65, 100, 99.8)).toBeCloseTo(0.7783540614089697, 14);
    const pct = wilson(65, 100, { confidence: 0.95, multiplier: 100 })!;
    expect(pct.value).toBe(65);
    expect(pct.lower).toBeCloseTo(55.25444329688797, 12);
  });

  it('stays inside [0, 1] at 0 and n events', () => {
    const none = wilson(0, 20)!;
    const all = wilson(20, 20)!;
    expect(none.lower).toBe(0);
    expect(all.upper).toBeCloseTo(1, 15);
    expect(none.upper).toBeGreaterThan(0);
  });

  it('counts bad input instead of throwing, and rejects bad options', () => {
    const warnings = new StatWarnings();
    expect(wilson(null, 100, { warnings })).toBeNull();
    expect(wilson(101, 100, { warnings })).toBeNull();
    expect(wilson(-1, 100, { warnings })).toBeNull();
    expect(wilson(1, 0, { warnings })).toBeNull();
    expect(warnings.toJSON()).toEqual({
      'missing-input': 1,
      'numerator-exceeds-denominator': 1,
      'negative-count': 1,
      'non-positive-denominator': 1,
    });
    expect(() => wilson(1, 10, { confidence: 0.5 })).toThrow('invalid confidence: 0.5');
    expect(() => wilson(1, 10, { multiplier: 0 })).toThrow('invalid multiplier: 0');
  });
});

describe('Byar and exact Poisson limits', () => {
  it('reproduce hand-checked values', () => {
    // 65 events: Byar's 50.16–82.85 (PHE examples); 5 events exact: χ²(0.025; 10)/2 and χ²(0.975; 12)/2.
    expect(byarsLower(65)).toBeCloseTo(50.163187710459454, 11);
    expect(byarsUpper(65)).toBeCloseTo(82.84913854593984, 11);
    expect(exactPoissonLower(5)).toBeCloseTo(1.6234863901184207, 13);
    expect(exactPoissonUpper(5)).toBeCloseTo(11.66833207932267, 12);
    expect(exactPoissonLower(0)).toBe(0);
    expect(exactPoissonUpper(0)).toBeCloseTo(-Math.log(0.025), 13);
  });

  it("switches from exact to Byar's at 10 events unless told otherwise", () => {
    expect(countLimits(9).method).toBe('exact');
    expect(countLimits(10).method).toBe('byars');
    expect(countLimits(10, { method: 'exact' }).method).toBe('exact');
    expect(countLimits(3, { exactBelow: 2 }).method).toBe('byars');
  });

  it('rate scales by the multiplier and allows counts above the denominator', () => {
    const r = rate(250, 220, { multiplier: 100_000 })!;
    expect(r.value).toBeCloseTo(113636.36363636365, 8);
    expect(r.method).toBe('byars');
    expect(rate(10, null)).toBeNull();
  });
});

/** The sheet columns of one confidence level, or the single-level sheet's lowercl/uppercl. */
const columns = [
  ['lower95_0cl', 'upper95_0cl', 0.95],
  ['lower99_8cl', 'upper99_8cl', 0.998],
] as const;

function compareRows(
  rows: Row[],
  compute: (row: Row, confidence: number) => { value: number; lower: number; upper: number } | null,
) {
  const log = new DeviationLog();
  let blank = 0;
  for (const row of rows) {
    const levels =
      'confidence' in row
        ? ([['lowercl', 'uppercl', row.confidence === '95%' ? 0.95 : 0.998]] as const)
        : columns;
    for (const [lo, hi, confidence] of levels) {
      const expected = num(row[lo]);
      const result = compute(row, confidence);
      if (expected === null) {
        expect(result, `row ${row._row}`).toBeNull();
        blank++;
        continue;
      }
      log.check(result?.value, num(row.value)!, `row ${row._row} value`);
      log.check(result?.lower, expected, `row ${row._row} ${lo}`);
      log.check(result?.upper, num(row[hi])!, `row ${row._row} ${hi}`);
    }
  }
  return { log, blank };
}

describe.skipIf(!hasPhe)(
  'PHEindicatormethods reference results (needs ../shared/data/phe-indicator-methods-testdata)',
  () => {
    it('testdata_Proportion.xlsx: every Wilson limit, both sheets', async () => {
      for (const sheet of ['testdata_Prop', 'testdata_Prop_g']) {
        const rows = await readSheet('testdata_Proportion.xlsx', sheet);
        const { log, blank } = compareRows(rows, (row, confidence) =>
          wilson(num(row.Numerator), num(row.Denominator), { confidence, multiplier: num(row.multiplier)! }),
        );
        expect(log.max, log.where).toBeLessThan(TOLERANCE);
        expect(log.compared + blank).toBeGreaterThan(20);
      }
    });

    it('testdata_Rate.xlsx: every rate limit, exact below 10 and Byar above, both sheets', async () => {
      for (const sheet of ['testdata_Rate', 'testdata_Rate_g']) {
        const rows = await readSheet('testdata_Rate.xlsx', sheet);
        const { log } = compareRows(rows, (row, confidence) => {
          const r = rate(num(row.Numerator), num(row.Denominator), {
            confidence,
            multiplier: num(row.multiplier)!,
          });
          if (r && row.method) expect(r.method, `row ${row._row}`).toBe(String(row.method).toLowerCase());
          return r;
        });
        expect(log.max, log.where).toBeLessThan(TOLERANCE);
      }
    });

    it("testdata_Byars_Wilson.xlsx: Byar's and Wilson limits", async () => {
      const rows = await readSheet('testdata_Byars_Wilson.xlsx', 'testdata_B_W');
      const log = new DeviationLog();
      for (const row of rows) {
        const x = num(row.x)!;
        const confidence = row.confidence === '95%' ? 0.95 : 0.998;
        const lower =
          row.method === 'Byars' ? byarsLower(x, confidence) : wilsonLower(x, num(row.n)!, confidence);
        const upper =
          row.method === 'Byars' ? byarsUpper(x, confidence) : wilsonUpper(x, num(row.n)!, confidence);
        // The one blank lower limit (1 event at 99.8 %) is where Byar's formula turns negative: clamped to 0.
        if (row.lowercl === null) expect(lower).toBe(0);
        else log.check(lower, num(row.lowercl)!, `row ${row._row} lower`);
        log.check(upper, num(row.uppercl)!, `row ${row._row} upper`);
      }
      expect(log.compared).toBe(25);
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });

    it('NCMP_testdata.csv: 240 obesity prevalences by deprivation decile with Wilson limits (percent)', () => {
      const rows = readCsv(PHE_DIR + 'NCMP_testdata.csv');
      const log = new DeviationLog();
      for (const [i, row] of rows.entries()) {
        const result = wilson(num(row.Count), num(row.Measured), { multiplier: 100 });
        log.check(result?.value, num(row.Rate)!, `row ${i + 2} Rate`);
        log.check(result?.lower, num(row.LCL)!, `row ${i + 2} LCL`);
        log.check(result?.upper, num(row.UCL)!, `row ${i + 2} UCL`);
      }
      expect(log.compared).toBe(720);
      expect(log.max, log.where).toBeLessThan(TOLERANCE);
    });
  },
);
