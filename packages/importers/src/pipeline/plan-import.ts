import {
  singleGemeindeKreise,
  type ImportIssue,
  type ImportPlan,
  type PlannedObservation,
  type Table,
  appendAll,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { mapFeatures } from '../mapping/area-mapping.ts';
import type { TableMapping } from '../mapping/mapping.schema.ts';
import { mapTable } from '../mapping/table-mapping.ts';
import type { ImportSpec } from './import-mapping.ts';
import { planCorrespondences } from './plan-correspondences.ts';
import { planPoints } from './plan-points.ts';
import { planServices, type ServicesPlanContext } from './plan-services.ts';
import { planTerritorialStatus } from './plan-territorial-status.ts';
import { readGeoSource, readTableSource } from './read-source.ts';
import type { SourceFile } from './source-file.ts';

/** What planning may use besides the store: a geocoder for directory sources (`services`). */
export type PlanContext = ServicesPlanContext;

/** Reads the files and applies the mapping: the plan of what the import would write. */
export async function planImport(
  files: SourceFile[],
  spec: ImportSpec,
  store: Store,
  context: PlanContext = {},
): Promise<ImportPlan> {
  if (spec.kind === 'services') return planServices(files, spec.mapping, spec.raw, context);
  if (spec.kind === 'catalogue') return planCatalogue(files, spec);
  if (spec.kind === 'correspondence') return planCorrespondences(files, spec.mapping, spec.raw, store);
  if (spec.kind === 'points') return planPoints(files, spec.mapping, spec.raw, store);
  if (spec.kind === 'territorial-status') return planTerritorialStatus(files, spec.mapping, spec.raw, store);
  return spec.kind === 'areas' ? planAreas(files, spec) : planTable(files, spec, store);
}

function planCatalogue(files: SourceFile[], spec: Extract<ImportSpec, { kind: 'catalogue' }>): ImportPlan {
  return {
    source: { file: files[0]?.name ?? 'catalogue', format: 'catalogue', encoding: null, mapping: spec.raw },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: spec.mapping.indicators,
    observations: [],
    issues: [],
  };
}

async function planAreas(
  files: SourceFile[],
  spec: Extract<ImportSpec, { kind: 'areas' }>,
): Promise<ImportPlan> {
  const geo = await readGeoSource(files, spec.mapping);
  const mapped = mapFeatures(geo, spec.mapping);
  return {
    source: { file: geo.file, format: spec.mapping.format, encoding: null, mapping: spec.raw },
    levels: [mapped.level],
    areas: mapped.areas,
    correspondences: [],
    indicators: [],
    observations: [],
    issues: [...geo.issues, ...mapped.issues],
  };
}

async function planTable(
  files: SourceFile[],
  spec: Extract<ImportSpec, { kind: 'table' }>,
  store: Store,
): Promise<ImportPlan> {
  const first = spec.routes[0]!;
  const table = await readTableSource(files, first);
  const observations: PlannedObservation[] = [];
  const issues: ImportIssue[] = [...table.issues];
  for (const route of spec.routes) {
    const context = { kreisfreieStaedte: await kreisfreieStaedte(route, store) };
    const mapped = mapTable(table, route, context);
    appendAll(observations, mapped.observations);
    appendAll(issues, mapped.issues);
  }
  if (spec.allZeroRows) markAllZeroRows(observations, new Set(spec.allZeroRows.ignore));
  return {
    source: {
      file: table.file,
      format: first.format,
      encoding: table.encoding,
      mapping: spec.raw,
      keyColumn: first.area.column,
    },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: first.indicators ?? [],
    observations,
    issues: dedupeIssues(issues),
  };
}

/** The explicit Kreis → Gemeinde key map, built only when the mapping asks for it. */
async function kreisfreieStaedte(
  route: TableMapping,
  store: Store,
): Promise<Map<string, string> | undefined> {
  if (!route.area.kreisfreiToGemeinde) return undefined;
  const areas = await store.listAreas(route.level);
  return singleGemeindeKreise(areas.map((a) => a.key));
}

/**
 * Some sources write 0 for areas that were not evaluated (the Berlin MSS tables list every
 * Planungsraum, with 0 in all index columns for those below 300 residents). Where the mapping says so,
 * a row whose every value is 0 is taken as "not meaningful", never as a real 0.
 */
function markAllZeroRows(observations: PlannedObservation[], ignore: Set<string>): void {
  const byRow = new Map<number, PlannedObservation[]>();
  for (const o of observations) {
    if (o.row === null || ignore.has(o.indicatorId)) continue;
    const list = byRow.get(o.row) ?? [];
    list.push(o);
    byRow.set(o.row, list);
  }
  for (const group of byRow.values()) {
    if (group.length > 1 && group.every((o) => o.value === 0)) {
      for (const o of group)
        Object.assign(o, { value: null, status: 'missing', missingReason: 'not_meaningful' });
    }
  }
}

function dedupeIssues(issues: ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.file}|${i.row}|${i.column}|${i.found}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { Table };
