export interface Standardized {
  /** rows[i][j]: z-value of row i, column j. */
  rows: number[][];
  means: number[];
  sds: number[];
  /** Columns without variation; their z-values are 0, so they do not move any cluster. */
  constantColumns: number[];
}

/**
 * z-standardises each column with its mean and sample SD (n − 1, as R's `scale()`), so indicators in
 * percent, euros and per-1,000 weigh equally in distances.
 */
export function standardizeColumns(rows: readonly (readonly number[])[]): Standardized {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const means: number[] = [];
  const sds: number[] = [];
  const constantColumns: number[] = [];
  for (let j = 0; j < width; j++) {
    const mean = rows.reduce((s, r) => s + r[j]!, 0) / n;
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean) ** 2, 0) / (n - 1));
    means.push(mean);
    sds.push(sd);
    if (!(sd > 0)) constantColumns.push(j);
  }
  const z = rows.map((r) => r.map((v, j) => (sds[j]! > 0 ? (v - means[j]!) / sds[j]! : 0)));
  return { rows: z, means, sds, constantColumns };
}
