import type { AreaRow } from './area-rows.ts';

/** How many of the highest and of the lowest values a long ranking shows. */
export const RANKING_EDGE = 10;

/** The rows the ranking shows: all when few, else the top and bottom ten and the selected areas. */
export function rankingRows(rows: readonly AreaRow[], selected: readonly string[]): (AreaRow | null)[] {
  const sorted = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  if (sorted.length <= RANKING_EDGE * 2 + 5) return sorted;
  const chosen = new Set(selected);
  const result: (AreaRow | null)[] = [];
  sorted.forEach((row, i) => {
    const keep = i < RANKING_EDGE || i >= sorted.length - RANKING_EDGE || chosen.has(row.key);
    if (keep) result.push(row);
    else if (result.at(-1) !== null) result.push(null);
  });
  return result;
}

export interface Bin {
  low: number;
  high: number;
  count: number;
}

/** Equal-width bins over the values (Sturges' rule, 5–30 bins); the last bin includes its upper limit. */
export function histogramBins(values: readonly number[]): Bin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ low: min, high: max, count: values.length }];
  const n = Math.min(30, Math.max(5, Math.ceil(Math.log2(values.length) + 1)));
  const width = (max - min) / n;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    low: min + i * width,
    high: i === n - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) bins[Math.min(n - 1, Math.floor((v - min) / width))]!.count++;
  return bins;
}
