import { YEARS } from '../fixtures/national.ts';

/**
 * Benchmark 3: what the Lagebild job writes after its timed part and the DuckDB job compares with its
 * own results after its timed part, so a mismatch shows that the two did not do the same work.
 */
export interface AnalysisCheck {
  /** Per level (`kreis`, `land`) and year: Σ of all count values present, and how many are missing. */
  countTotals: { level: string; period: string; sum: number; missing: number }[];
  /** Per level and year: Σ of all share and rate values present, and how many are missing. */
  ratioTotals: { level: string; period: string; sum: number; missing: number }[];
  /** Wilson limits (percent) of a sample of shares on every level. */
  intervals: {
    level: string;
    indicatorId: string;
    areaKey: string;
    period: string;
    lower: number;
    upper: number;
  }[];
  /** Per year: included Gemeinden and Gemeinden per class. */
  indexClasses: { period: string; included: number; classes: Record<string, number> }[];
  /** The re-standardised score of a sample of Gemeinden. */
  indexScores: { areaKey: string; period: string; score: number | null }[];
}

/** Which cells are sampled: a spread of shares, years, and every n-th area of each level. */
export const SAMPLE = {
  shares: ['s_01', 's_17', 's_30'],
  periods: [YEARS[0]!, YEARS[9]!, YEARS[YEARS.length - 1]!],
  every: { gemeinde: 1000, kreis: 50, land: 1 } as Record<string, number>,
  scoreEvery: 500,
};

export const TOLERANCE = 1e-9;

/** Equal within 1e-9 (relative above 1); two missing values are equal. */
export function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
