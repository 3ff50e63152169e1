import {
  bbox,
  isPolygonal,
  issue,
  pointInPolygon,
  type ImportIssue,
  type ImportPlan,
  type PlannedObservation,
} from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import type { AreaMapping } from '../mapping/area-mapping.schema.ts';
import type { GeoFeature, GeoTable } from '../readers/geo-table.ts';
import type { PointsMapping } from './points.schema.ts';
import { readGeoSource } from './read-source.ts';
import type { SourceFile } from './source-file.ts';

interface Tally {
  count: number;
  sums: number[];
  incomplete: boolean[];
}

/** Counts points per area and sums their properties; areas without points get a real 0. */
export async function planPoints(
  files: SourceFile[],
  mapping: PointsMapping,
  raw: unknown,
  store: Store,
): Promise<ImportPlan> {
  const geo = await readGeoSource(files, {
    format: mapping.source,
    sourceCrs: mapping.sourceCrs,
    layer: mapping.layer,
  } as AreaMapping);
  const at = mapping.at ?? (mapping.period.length === 10 ? mapping.period : undefined);
  const areas = (await store.listAreas(mapping.level, { at, withGeometry: true })).filter((a) =>
    isPolygonal(a.geometry),
  );
  const issues: ImportIssue[] = [...geo.issues];
  const tallies = new Map(areas.map((a) => [a.key, emptyTally(mapping)]));
  for (const feature of geo.features) {
    if (!passes(feature, mapping.filter)) continue;
    const area = locate(feature, areas);
    if (!area) {
      issues.push(outside(geo, feature, mapping.level));
      continue;
    }
    add(tallies.get(area.key)!, feature, mapping, geo, issues);
  }
  return {
    source: { file: geo.file, format: 'points', encoding: null, mapping: raw },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: [],
    observations: observations(tallies, mapping),
    issues,
  };
}

function emptyTally(mapping: PointsMapping): Tally {
  return { count: 0, sums: mapping.sum.map(() => 0), incomplete: mapping.sum.map(() => false) };
}

function passes(feature: GeoFeature, filter: PointsMapping['filter']): boolean {
  return Object.entries(filter ?? {}).every(([property, allowed]) =>
    allowed.map(String).includes(String(feature.properties[property] ?? '')),
  );
}

function locate(feature: GeoFeature, areas: StoredArea[]): StoredArea | undefined {
  if (feature.geometry?.type !== 'Point') return undefined;
  const point = feature.geometry.coordinates;
  return areas.find((area) => {
    const box = area.bbox ?? bbox(area.geometry!);
    if (!box || point[0]! < box[0] || point[0]! > box[2] || point[1]! < box[1] || point[1]! > box[3])
      return false;
    return isPolygonal(area.geometry) && pointInPolygon(point, area.geometry);
  });
}

/** A point whose value is missing still counts; the area's sum is then marked as an estimate (a lower bound). */
function add(
  tally: Tally,
  feature: GeoFeature,
  mapping: PointsMapping,
  geo: GeoTable,
  issues: ImportIssue[],
): void {
  tally.count++;
  mapping.sum.forEach((spec, i) => {
    const value = Number(
      String(feature.properties[spec.property] ?? '')
        .trim()
        .replace(',', '.'),
    );
    const raw = feature.properties[spec.property];
    if (raw === null || raw === undefined || String(raw).trim() === '' || !Number.isFinite(value)) {
      tally.incomplete[i] = true;
      issues.push(
        issue({
          severity: 'warning',
          code: 'NotANumber',
          file: geo.file,
          row: feature.index,
          column: spec.property,
          expected: 'a number',
          found: raw === null || raw === undefined ? '' : String(raw),
          message: `Record ${feature.index} has no number in "${spec.property}"; its area's sum is marked as estimated.`,
        }),
      );
      return;
    }
    tally.sums[i]! += value;
  });
}

function outside(geo: GeoTable, feature: GeoFeature, level: string): ImportIssue {
  return issue({
    severity: 'warning',
    code: feature.geometry?.type === 'Point' ? 'UnknownArea' : 'MissingCoordinates',
    file: geo.file,
    row: feature.index,
    expected: `a point inside an area of level ${level}`,
    found: feature.geometry ? JSON.stringify(feature.geometry.coordinates) : 'no coordinates',
    message: `Record ${feature.index} lies in no area of level "${level}" and is not counted.`,
  });
}

function observations(tallies: Map<string, Tally>, mapping: PointsMapping): PlannedObservation[] {
  const result: PlannedObservation[] = [];
  const base = {
    levelId: mapping.level,
    period: mapping.period,
    numerator: null,
    denominator: null,
    missingReason: null,
    row: null,
    column: null,
  };
  for (const [areaKey, tally] of tallies) {
    if (mapping.count)
      result.push({
        ...base,
        areaKey,
        indicatorId: mapping.count.indicator,
        value: tally.count,
        status: 'final',
      });
    mapping.sum.forEach((spec, i) => {
      const status = tally.incomplete[i] ? 'estimated' : 'final';
      result.push({ ...base, areaKey, indicatorId: spec.indicator, value: tally.sums[i]!, status });
    });
  }
  return result;
}
