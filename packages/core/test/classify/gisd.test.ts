import { describe, expect, it } from 'vitest';
import { classify, rankClasses } from '../../src/classify/index.ts';
import { GISD_DIR, hasGisd, readCsv } from '../indices/real-data.ts';

/**
 * GISD (RKI) publishes quintiles and deciles of its score per Kreis and year: rank within the year,
 * unweighted over the 400 Kreise, class = floor(rank·k/n) + 1 (README section 7).
 */
describe.skipIf(!hasGisd)('GISD quintiles and deciles (skipped: ../shared/data/gisd-rki absent)', () => {
  const rows = hasGisd ? readCsv(`${GISD_DIR}GISD_Bund_Kreis.csv`) : [];
  const years = [...new Set(rows.map((r) => r.year!))];

  it('rankClasses (the ntile rule) reproduces gisd_5, gisd_10 and gisd_k: 0 mismatches of 9,600', () => {
    let mismatches = 0;
    let compared = 0;
    for (const year of years) {
      const inYear = rows.filter((r) => r.year === year);
      const scores = inYear.map((r) => Number(r.gisd_score));
      const q5 = rankClasses(scores, 5);
      const q10 = rankClasses(scores, 10);
      inYear.forEach((r, i) => {
        const k = q5[i] === 1 ? 1 : q5[i] === 5 ? 3 : 2;
        if (q5[i] !== Number(r.gisd_5) || q10[i] !== Number(r.gisd_10) || k !== Number(r.gisd_k))
          mismatches++;
        compared++;
      });
    }
    expect(years).toHaveLength(24);
    expect(compared).toBe(9600);
    expect(mismatches).toBe(0);
  });

  it('the value-based quantile classification agrees (the ties in the scores never straddle a limit)', () => {
    let mismatches = 0;
    for (const year of years) {
      const inYear = rows.filter((r) => r.year === year);
      const c = classify(
        inYear.map((r) => Number(r.gisd_score)),
        { method: 'quantile', classes: 10 },
      );
      mismatches += inYear.filter((r) => c.classOf(Number(r.gisd_score))! + 1 !== Number(r.gisd_10)).length;
    }
    expect(mismatches).toBe(0);
  });
});

describe('rankClasses', () => {
  it('gives classes 1…k by rank, ties in input order, missing values null', () => {
    expect(rankClasses([50, 10, null, 40, 20, 30, Number.NaN], 2)).toEqual([2, 1, null, 2, 1, 1, null]);
    expect(rankClasses([1, 1, 1, 1], 4)).toEqual([1, 2, 3, 4]);
    expect(() => rankClasses([1, 2], 0)).toThrow('classes must be an integer ≥ 2, got 0');
  });
});
