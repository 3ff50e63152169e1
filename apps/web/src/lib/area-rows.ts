import type { AreaFeature, MissingReason, ObservationStatus, Value } from '../api/types.ts';

/** How an area is drawn when it has no value: hatched (missing), cross-hatched (confidential), grey (no row). */
export type MissingKind = 'missing' | 'suppressed' | 'nodata';

/** One area with its value in the period shown: what map, table, legend and export all read. */
export interface AreaRow {
  key: string;
  name: string;
  parentKey: string | null;
  value: number | null;
  status: ObservationStatus | 'nodata';
  missingReason: MissingReason | null;
  numerator: number | null;
  denominator: number | null;
}

const CONFIDENTIAL: readonly (MissingReason | null)[] = ['secret', 'suppressed'];

/** Joins the areas shown with the values of one period; areas without a value row get `nodata`. */
export function joinAreaValues(features: readonly AreaFeature[], values: readonly Value[] | null): AreaRow[] {
  const byKey = new Map((values ?? []).map((v) => [v.areaKey, v]));
  return features.map(({ properties: area }) => {
    const v = byKey.get(area.key);
    return {
      key: area.key,
      name: area.name,
      parentKey: area.parentKey,
      value: v && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null,
      status: v ? v.status : 'nodata',
      missingReason: v?.missingReason ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
    };
  });
}

/** null when the row has a value to classify. */
export function missingKind(row: AreaRow): MissingKind | null {
  if (row.value !== null) return null;
  if (row.status === 'nodata') return 'nodata';
  if (row.status === 'suppressed' || CONFIDENTIAL.includes(row.missingReason)) return 'suppressed';
  return 'missing';
}

/** Ranks by value, highest first (1-based); equal values share a rank. */
export function rankByValue(rows: readonly AreaRow[]): Map<string, number> {
  const sorted = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  const ranks = new Map<string, number>();
  sorted.forEach((row, i) => {
    const previous = sorted[i - 1];
    ranks.set(row.key, previous && previous.value === row.value ? ranks.get(previous.key)! : i + 1);
  });
  return ranks;
}
