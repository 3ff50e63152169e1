import type {
  Geometry,
  IndicatorDefinition,
  MissingReason,
  ObservationStatus,
  StoredObservation,
} from '@lagebild/core';

export type ExportLocale = 'de' | 'en';

/** `nodata`: the area has no value row at all for the period (not the same as a missing value). */
export type ExportStatus = ObservationStatus | 'nodata';

/** One line of an export: an area (and period) with its value, or the reason it has none. */
export interface ExportRow {
  areaKey: string;
  areaName: string | null;
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ExportStatus;
  missingReason: MissingReason | null;
}

/**
 * What every export writer (CSV, XLSX, GeoJSON) gets: the rows and everything a reader needs to know
 * where they come from. The CLI and the server build it; the writers only format it.
 */
export interface ExportTable {
  indicator: IndicatorDefinition;
  level: { id: string; name: string };
  /** The selection was limited to the areas inside this area of the parent level. */
  parent: { key: string; name: string } | null;
  /** The one period exported; null when the rows span several periods. */
  period: string | null;
  rows: ExportRow[];
  /** ISO date (YYYY-MM-DD) of the export. */
  exportedAt: string;
  /** Geometry per area key (GeoJSON only); areas without one get `geometry: null`. */
  geometries?: ReadonlyMap<string, Geometry | null>;
}

export interface AreaLike {
  key: string;
  name: string;
}

/**
 * The areas shown joined with the values of one period, in the order of the areas: what the atlas
 * table shows. An area without a value row gets `nodata`; values of areas not shown are left out.
 */
export function joinAreaRows(
  areas: readonly AreaLike[],
  values: readonly StoredObservation[],
  period: string | null,
): ExportRow[] {
  const byKey = new Map(values.map((v) => [v.areaKey, v]));
  return areas.map((area) => {
    const v = byKey.get(area.key);
    return {
      areaKey: area.key,
      areaName: area.name,
      period: v?.period ?? period,
      value: v && v.value !== null && Number.isFinite(v.value) ? v.value : null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      status: v ? v.status : 'nodata',
      missingReason: v?.missingReason ?? null,
    };
  });
}

/** Stored values as they are (one row per value, every period), named where the area is known. */
export function valueRows(
  values: readonly StoredObservation[],
  names: ReadonlyMap<string, string>,
): ExportRow[] {
  return values.map((v) => ({
    areaKey: v.areaKey,
    areaName: names.get(v.areaKey) ?? null,
    period: v.period,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    status: v.status,
    missingReason: v.missingReason,
  }));
}

export const EXPORT_SORT_COLUMNS = ['name', 'key', 'value'] as const;
export type ExportSortColumn = (typeof EXPORT_SORT_COLUMNS)[number];

export interface RowView {
  /** Keep rows whose name or key contains this text (case-insensitive), as the table's filter does. */
  filter?: string;
  sort?: { column: ExportSortColumn; direction: 'asc' | 'desc' };
  locale?: ExportLocale;
}

/**
 * Filters and sorts like the atlas table (apps/web/src/lib/table-rows.ts), so an export holds the
 * rows the planner sees, in the same order: areas without a value always last.
 */
export function viewRows(rows: readonly ExportRow[], view: RowView): ExportRow[] {
  const needle = (view.filter ?? '').trim().toLocaleLowerCase('de');
  const kept = needle
    ? rows.filter(
        (r) => (r.areaName ?? '').toLocaleLowerCase('de').includes(needle) || r.areaKey.includes(needle),
      )
    : [...rows];
  const sort = view.sort ?? { column: 'name', direction: 'asc' };
  const collator = new Intl.Collator(view.locale === 'en' ? 'en-GB' : 'de-DE', { numeric: true });
  const dir = sort.direction === 'asc' ? 1 : -1;
  const name = (r: ExportRow) => r.areaName ?? '';
  return kept.sort((a, b) => {
    if (sort.column === 'value') {
      if (a.value === null || b.value === null)
        return a.value === b.value ? collator.compare(name(a), name(b)) : a.value === null ? 1 : -1;
      return (a.value - b.value) * dir || collator.compare(name(a), name(b));
    }
    const x = sort.column === 'name' ? name(a) : a.areaKey;
    const y = sort.column === 'name' ? name(b) : b.areaKey;
    return collator.compare(x, y) * dir || a.areaKey.localeCompare(b.areaKey);
  });
}

/** The indicator's name in the export's language. */
export function indicatorName(indicator: IndicatorDefinition, locale: ExportLocale): string {
  return locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

/** `lagebild_<indicator>_<level>[_<parent>][_<period>].<ext>`, safe on every file system. */
export function exportFileName(table: ExportTable, extension: string): string {
  const parts = ['lagebild', table.indicator.id, table.level.id, table.parent?.key ?? '', table.period ?? ''];
  return `${parts
    .filter((p) => p !== '')
    .join('_')
    .replace(/[^\w.-]+/g, '-')}.${extension}`;
}
