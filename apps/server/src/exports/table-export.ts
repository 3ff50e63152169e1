import { DomainError } from '@lagebild/core';
import {
  joinAreaRows,
  viewRows,
  type ExportLocale,
  type ExportSortColumn,
  type ExportTable,
} from '@lagebild/importers';
import type { Store } from '@lagebild/store';

export interface TableExportQuery {
  indicatorId: string;
  level: string;
  /** Default: the latest period with values, as in the atlas and `/values`. */
  period?: string;
  parent?: string;
  filter?: string;
  sort: ExportSortColumn;
  direction: 'asc' | 'desc';
  locale: ExportLocale;
  withGeometry: boolean;
  /** ISO date of the export (passed in, so tests are deterministic). */
  today: string;
}

/**
 * The rows of the atlas table for one selection: the current areas of the level (inside `parent`)
 * joined with the values of one period, stored or derived, filtered and sorted like the table.
 * `reads` is the principal's view of the store (the route's `analysis().reads`), so the file holds
 * exactly what the principal may see, suppressed values as such.
 */
export async function loadTableExport(reads: Store, query: TableExportQuery): Promise<ExportTable> {
  const indicator = await reads.getIndicator(query.indicatorId);
  if (!indicator)
    throw new DomainError('IndicatorNotFound', `No indicator "${query.indicatorId}" in the catalogue.`);
  const level = await reads.getLevel(query.level);
  if (!level) {
    const known = (await reads.listLevels()).map((l) => l.id).join(', ');
    throw new DomainError('LevelNotFound', `No spatial level "${query.level}". Known levels: ${known}.`);
  }
  const parent = query.parent ? await parentArea(reads, level.parentLevelId, query.parent) : null;
  const period = query.period ?? (await reads.listPeriods(indicator.id, level.id)).at(-1) ?? null;
  const [areas, values] = await Promise.all([
    reads.listAreas(level.id, { parentKey: query.parent, withGeometry: query.withGeometry }),
    period === null
      ? Promise.resolve([])
      : reads.getValues({ indicatorId: indicator.id, levelId: level.id, period }),
  ]);
  const rows = viewRows(joinAreaRows(areas, values, period), {
    filter: query.filter,
    sort: { column: query.sort, direction: query.direction },
    locale: query.locale,
  });
  const levelName = query.locale === 'en' && level.nameEn ? level.nameEn : level.name;
  return {
    indicator,
    level: { id: level.id, name: levelName },
    parent,
    period,
    rows,
    exportedAt: query.today,
    ...(query.withGeometry ? { geometries: new Map(areas.map((a) => [a.key, a.geometry])) } : {}),
  };
}

async function parentArea(
  reads: Store,
  parentLevelId: string | null,
  key: string,
): Promise<{ key: string; name: string }> {
  const area = parentLevelId ? await reads.getArea(parentLevelId, key) : null;
  if (!area) {
    throw new DomainError(
      'AreaNotFound',
      parentLevelId
        ? `No area "${key}" on the parent level "${parentLevelId}".`
        : `The level has no parent level, so it cannot be limited to "${key}".`,
    );
  }
  return { key: area.key, name: area.name };
}
