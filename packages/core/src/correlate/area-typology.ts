import type { AreaTable } from './area-table.ts';
import { kMeans, squaredDistance, type KMeansOptions } from './kmeans.ts';
import { standardizeColumns } from './standardize.ts';

export interface AreaTypology {
  indicatorIds: string[];
  /** Cluster (0..k−1) per area used. */
  clusters: { areaKey: string; cluster: number }[];
  /** Areas left out because one of their indicators is missing. */
  excluded: string[];
  /** Cluster centres in z-units and in the indicators' own units (the members' mean values). */
  centroidsZ: number[][];
  centroids: number[][];
  /** Within-cluster SS in z-units, per cluster, and in total; totalSS for the share explained. */
  withinSS: number[];
  totalWithinSS: number;
  totalSS: number;
  /** Indicators without variation across the areas: they cannot separate anything. */
  constantIndicators: string[];
}

/**
 * An area typology (Gebietstypisierung): k-means on z-standardised indicators, reproducible by seed.
 * Only areas with every indicator present take part; the others are listed, not imputed.
 */
export function areaTypology(table: AreaTable, k: number, options: KMeansOptions = {}): AreaTypology {
  const complete: string[] = [];
  const excluded: string[] = [];
  const rows: number[][] = [];
  table.areaKeys.forEach((key, i) => {
    const row = table.variables.map((v) => v.values[i]);
    if (row.every((x): x is number => x !== null && x !== undefined && Number.isFinite(x))) {
      complete.push(key);
      rows.push(row);
    } else excluded.push(key);
  });
  const z = standardizeColumns(rows);
  const result = kMeans(z.rows, k, options);
  const origin = z.means.map(() => 0);
  return {
    indicatorIds: table.variables.map((v) => v.id),
    clusters: complete.map((areaKey, i) => ({ areaKey, cluster: result.assignments[i]! })),
    excluded,
    centroidsZ: result.centroids,
    centroids: result.centroids.map((c) =>
      c.map((v, j) => z.means[j]! + v * (z.sds[j]! > 0 ? z.sds[j]! : 0)),
    ),
    withinSS: result.withinSS,
    totalWithinSS: result.totalWithinSS,
    totalSS: z.rows.reduce((s, r) => s + squaredDistance(r, origin), 0),
    constantIndicators: z.constantColumns.map((j) => table.variables[j]!.id),
  };
}
