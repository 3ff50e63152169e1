import { averageRanks, meanOf, sdOf } from '../classify/statistics.ts';
import type { Standardisation } from './definition.ts';

/** What a standardisation used: the figures a reader needs to redo it by hand. */
export interface StandardisationStats {
  n: number;
  mean: number;
  /** The SD used (z), else the population SD for information. */
  sd: number;
  min: number;
  max: number;
}

export interface Standardised {
  values: number[];
  stats: StandardisationStats;
  warning: string | null;
}

/** Standardises complete (finite) values; a series without spread becomes the scale's centre, with a warning. */
export function standardise(values: readonly number[], how: Standardisation, what: string): Standardised {
  const mean = meanOf(values);
  const sd = sdOf(values, how.method === 'z' ? how.sd : 'population', mean);
  const min = values.length > 0 ? Math.min(...values) : Number.NaN;
  const max = values.length > 0 ? Math.max(...values) : Number.NaN;
  const stats = { n: values.length, mean, sd, min, max };
  const flat = (centre: number) => ({
    values: values.map(() => centre),
    stats,
    warning: `${what} has no spread over ${values.length} areas: every standardised value is ${centre}`,
  });
  switch (how.method) {
    case 'none':
      return { values: [...values], stats, warning: null };
    case 'z':
      if (!(sd > 0)) return flat(0);
      return { values: values.map((v) => (v - mean) / sd), stats, warning: null };
    case 'min-max':
      if (!(max > min)) return flat(0.5);
      return { values: values.map((v) => (v - min) / (max - min)), stats, warning: null };
    case 'rank': {
      if (values.length < 2 || !(max > min)) return flat(0.5);
      const ranks = averageRanks(values);
      return { values: ranks.map((r) => (r - 1) / (values.length - 1)), stats, warning: null };
    }
  }
}

/** Direction −1 mirrors a standardised value about the centre of its scale. */
export function directed(value: number, direction: 1 | -1, how: Standardisation): number {
  if (direction === 1) return value;
  return how.method === 'min-max' || how.method === 'rank' ? 1 - value : -value;
}
