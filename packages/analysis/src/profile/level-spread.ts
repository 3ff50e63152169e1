import {
  assignQuantiles,
  invertForPolarity,
  summarizeDistribution,
  type DistributionSummary,
  type Polarity,
  type StoredObservation,
} from '@lagebild/core';
import { usable } from '../store-reads.ts';

/** What a profile needs of all areas of a level: their spread and the quintile of each value. */
export interface LevelSpread {
  distribution: DistributionSummary | null;
  /** Value → quintile (1 = worst, or lowest for neutral indicators); ties share one. */
  quintiles: ReadonlyMap<number, number>;
}

/** Where spreads are kept: a profile of the next Gemeinde reuses the 11,000 values' summary. */
export type SpreadCache = (
  key: { indicatorId: string; level: string; period: string },
  compute: () => Promise<LevelSpread>,
) => Promise<LevelSpread>;

/** Quintiles by the PHE method (as the compare analysis assigns them) and the five-number summary. */
export function levelSpread(values: readonly StoredObservation[], polarity: Polarity): LevelSpread {
  const present = values.map(usable);
  const groups = assignQuantiles(present, { groups: 5, invert: invertForPolarity(polarity) });
  const quintiles = new Map<number, number>();
  present.forEach((value, i) => {
    const group = groups[i];
    if (value !== null && group !== null && group !== undefined) quintiles.set(value, group);
  });
  return { distribution: summarizeDistribution(present), quintiles };
}
