import { linearFit, type LinearFit } from '../../../../packages/core/src/correlate/least-squares.ts';
import type { Value } from '../api/types.ts';
import type { AreaRow } from './area-rows.ts';

/** One area in the scatter chart: x is the second indicator, y the map's indicator. */
export interface ScatterPoint {
  key: string;
  name: string;
  x: number;
  y: number;
}

/** Why areas of the map are not in the chart: no value of the map's indicator, of the second, of both. */
export interface LeftOut {
  noY: number;
  noX: number;
  neither: number;
}

export interface ScatterData {
  points: ScatterPoint[];
  /** Areas shown on the map (level, parent) that the chart has. */
  total: number;
  leftOut: LeftOut;
  fit: LinearFit;
}

/**
 * Pairs the map's rows (y) with the second indicator's values (x) by area key. Only areas with both
 * values become points; the others are counted by reason, so the chart can say what it leaves out.
 */
export function scatterData(rows: readonly AreaRow[], xValues: readonly Value[]): ScatterData {
  const xByKey = new Map<string, number>();
  for (const v of xValues)
    if (typeof v.value === 'number' && Number.isFinite(v.value)) xByKey.set(v.areaKey, v.value);
  const points: ScatterPoint[] = [];
  const leftOut: LeftOut = { noY: 0, noX: 0, neither: 0 };
  for (const row of rows) {
    const x = xByKey.get(row.key);
    if (row.value !== null && x !== undefined) points.push({ key: row.key, name: row.name, x, y: row.value });
    else if (row.value === null && x === undefined) leftOut.neither++;
    else if (row.value === null) leftOut.noY++;
    else leftOut.noX++;
  }
  const fit = linearFit(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  return { points, total: rows.length, leftOut, fit };
}

/** The regression line drawn across the points: its two ends at the smallest and the largest x. */
export function regressionEnds(data: ScatterData): [[number, number], [number, number]] | null {
  const line = data.fit.line;
  if (!line || data.points.length === 0) return null;
  const xs = data.points.map((p) => p.x);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return [
    [min, line.intercept + line.slope * min],
    [max, line.intercept + line.slope * max],
  ];
}

/**
 * The period of the second indicator that goes with the map's period: the same one, else the latest
 * of the same year, else the latest before, else the earliest after. Periods sort in time order
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), so comparing years as text is enough.
 */
export function matchingPeriod(periods: readonly string[], wanted: string): string | null {
  if (periods.includes(wanted)) return wanted;
  const sorted = [...periods].sort();
  const year = wanted.slice(0, 4);
  const sameYear = sorted.filter((p) => p.slice(0, 4) === year);
  if (sameYear.length > 0) return sameYear.at(-1)!;
  const before = sorted.filter((p) => p.slice(0, 4) < year);
  return before.at(-1) ?? sorted[0] ?? null;
}
