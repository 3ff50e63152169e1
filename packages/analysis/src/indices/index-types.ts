import type { Exclusion, Explanation, StandardisationStats } from '@lagebild/core';

/** A class as results name it; `code` is null for a cross class without a number template. */
export interface IndexClassRef {
  code: number | null;
  label: string;
  symbol: string;
}

export interface IndexAreaResult {
  key: string;
  name: string | null;
  /** Why the area is left out (named, population-below-minimum, all-zero, missing-values …). */
  excluded: Exclusion | null;
  /** Per component id: the value as stored. */
  raw: Record<string, number | null>;
  /** Per component id: the standardised value before direction and weight. */
  standardised: Record<string, number | null>;
  /** The combined score before re-standardisation (the MSS Status-Summe). */
  combined: number | null;
  score: number | null;
  class: IndexClassRef | null;
  explanation: Explanation | null;
  /** For a cross class: the class of each part (e.g. Status, Dynamik); null for a composite index. */
  parts: Record<string, IndexClassRef | null> | null;
}

export interface IndexAnalysis {
  preset: { id: string; name: string; kind: 'index' | 'cross'; version: number };
  level: string;
  period: string;
  areas: IndexAreaResult[];
  summary: {
    areas: number;
    n: number;
    excluded: number;
    excludedBy: Record<string, number>;
    /** Areas per class code (composite index) or class symbol (cross class). */
    classCounts: Record<string, number>;
    components: Record<string, StandardisationStats>;
    combined: StandardisationStats | null;
    warnings: string[];
  };
}
