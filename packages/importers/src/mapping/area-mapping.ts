import {
  isPolygonal,
  issue,
  mergePolygons,
  padKey,
  pointInPolygon,
  simplifyGeometry,
  type Area,
  type Geometry,
  type ImportIssue,
  type PolygonalGeometry,
  type SpatialLevel,
  appendAll,
} from '@lagebild/core';
import type { GeoFeature, GeoTable } from '../readers/geo-table.ts';
import type { AreaMapping } from './area-mapping.schema.ts';

export interface MappedAreas {
  level: SpatialLevel;
  areas: Area[];
  issues: ImportIssue[];
  /** Features left out by the mapping's filter. */
  skipped: number;
}

/** One key's features on their way to an area (several when dissolving). */
interface Group {
  feature: GeoFeature;
  key: string;
  parts: PolygonalGeometry[];
  sourceKey: string | null;
}

/**
 * Turns the features of a geographic source into the areas of one level: keys, names, parents,
 * validity, attributes, explicit re-keying of source defects, dissolving of multi-part keys and
 * simplification. Every problem becomes an issue with the record number; nothing is guessed.
 */
export function mapFeatures(table: GeoTable, mapping: AreaMapping): MappedAreas {
  const level: SpatialLevel = { ...mapping.level };
  const issues: ImportIssue[] = [];
  const result: MappedAreas = { level, areas: [], issues, skipped: 0 };
  if (!requiredColumnsPresent(table, mapping, issues)) return result;
  const kept = table.features.filter((f) => passesFilter(f, mapping.filter));
  result.skipped = table.features.length - kept.length;
  warnMissingAttributes(table, mapping, issues);
  const groups = groupByKey(kept, table.file, mapping, issues);
  result.areas = [...groups.values()].map((group) => toArea(group, table, mapping, issues));
  applyRenames(result.areas, mapping, table.file, issues);
  return result;
}

function applyRenames(areas: Area[], mapping: AreaMapping, file: string, issues: ImportIssue[]): void {
  for (const rule of mapping.rename) {
    const area = areas.find((a) => a.key === rule.key);
    if (!area) {
      const message = `${file}: the rename of ${rule.key} matched no area; is it still needed?`;
      issues.push({
        severity: 'warning',
        code: 'UnknownArea',
        file,
        row: null,
        column: null,
        expected: null,
        found: rule.key,
        message,
      });
      continue;
    }
    area.attributes = { ...area.attributes, sourceName: area.name, renameReason: rule.reason };
    area.name = rule.name;
  }
}

function requiredColumnsPresent(table: GeoTable, mapping: AreaMapping, issues: ImportIssue[]): boolean {
  if (table.features.length === 0) return true;
  const parent = mapping.parent && 'property' in mapping.parent ? [mapping.parent.property] : [];
  const required = [
    mapping.key.property,
    mapping.name.property,
    ...parent,
    ...Object.keys(mapping.filter ?? {}),
  ];
  const missing = required.filter((p) => !table.features.some((f) => p in f.properties));
  for (const property of new Set(missing)) issues.push(columnMissing(table, property, 'error'));
  return missing.length === 0;
}

function warnMissingAttributes(table: GeoTable, mapping: AreaMapping, issues: ImportIssue[]): void {
  for (const property of mapping.attributes) {
    if (table.features.length > 0 && !table.features.some((f) => property in f.properties)) {
      issues.push(columnMissing(table, property, 'warning'));
    }
  }
}

function columnMissing(table: GeoTable, property: string, severity: ImportIssue['severity']): ImportIssue {
  const available = Object.keys(table.features[0]?.properties ?? {}).join(', ');
  return issue({
    severity,
    code: 'ColumnMissing',
    file: table.file,
    column: property,
    expected: `a property "${property}"`,
    found: available,
    message: `${table.file}: no feature has the property "${property}" (available: ${available})`,
  });
}

function passesFilter(feature: GeoFeature, filter: AreaMapping['filter']): boolean {
  return Object.entries(filter ?? {}).every(([property, allowed]) =>
    allowed.some((value) => String(value) === String(feature.properties[property] ?? '')),
  );
}

function groupByKey(
  features: GeoFeature[],
  file: string,
  mapping: AreaMapping,
  issues: ImportIssue[],
): Map<string, Group> {
  const groups = new Map<string, Group>();
  const usedRules = new Set<number>();
  for (const feature of features) {
    const sourceKey = readKey(feature, file, mapping, issues);
    if (sourceKey === null || readName(feature, file, mapping, issues) === null) continue;
    const key = rekey(sourceKey, feature, mapping, usedRules);
    addToGroup(
      groups,
      {
        feature,
        key,
        parts: polygonParts(feature, file, issues),
        sourceKey: key === sourceKey ? null : sourceKey,
      },
      mapping,
      file,
      issues,
    );
  }
  mapping.rekey.forEach((rule, i) => {
    if (!usedRules.has(i)) issues.push(unusedRekey(file, rule));
  });
  return groups;
}

function addToGroup(
  groups: Map<string, Group>,
  group: Group,
  mapping: AreaMapping,
  file: string,
  issues: ImportIssue[],
): void {
  const existing = groups.get(group.key);
  if (!existing) {
    groups.set(group.key, group);
  } else if (mapping.dissolve) {
    appendAll(existing.parts, group.parts);
  } else {
    issues.push(
      duplicate(file, group.key, existing.feature.index, group.feature.index, mapping.key.property),
    );
  }
}

function readKey(
  feature: GeoFeature,
  file: string,
  mapping: AreaMapping,
  issues: ImportIssue[],
): string | null {
  const raw = text(feature.properties[mapping.key.property]);
  if (raw === null) {
    issues.push(missingValue(file, feature.index, mapping.key.property, 'a key'));
    return null;
  }
  const translated = mapping.key.map?.[raw];
  if (translated !== undefined) return translated;
  if (mapping.key.pad === undefined) return raw;
  const padded = padKey(raw, mapping.key.pad);
  if (padded === null) issues.push(badKey(file, feature.index, mapping.key.property, mapping.key.pad, raw));
  return padded;
}

function readName(
  feature: GeoFeature,
  file: string,
  mapping: AreaMapping,
  issues: ImportIssue[],
): string | null {
  const name = text(feature.properties[mapping.name.property]);
  if (name === null) issues.push(missingValue(file, feature.index, mapping.name.property, 'a name'));
  return name;
}

function text(value: string | number | null | undefined): string | null {
  const result = value === null || value === undefined ? '' : String(value).trim();
  return result === '' ? null : result;
}

/** Applies the first matching explicit fix; the point test keeps the twin with the correct key untouched. */
function rekey(key: string, feature: GeoFeature, mapping: AreaMapping, used: Set<number>): string {
  const geometry = feature.geometry;
  const index = mapping.rekey.findIndex(
    (rule) => rule.key === key && isPolygonal(geometry) && pointInPolygon(rule.containsLonLat, geometry),
  );
  if (index === -1) return key;
  used.add(index);
  return mapping.rekey[index]!.newKey;
}

function polygonParts(feature: GeoFeature, file: string, issues: ImportIssue[]): PolygonalGeometry[] {
  if (isPolygonal(feature.geometry)) return [feature.geometry];
  if (feature.geometry === null) issues.push(noGeometry(file, feature.index));
  else issues.push(notPolygonal(file, feature.index, feature.geometry));
  return [];
}

function toArea(group: Group, table: GeoTable, mapping: AreaMapping, issues: ImportIssue[]): Area {
  const { feature } = group;
  return {
    levelId: mapping.level.id,
    key: group.key,
    name: text(feature.properties[mapping.name.property])!,
    parentKey: parentKey(group, table.file, mapping, issues),
    validFrom: mapping.validFrom,
    validTo: mapping.validTo,
    predecessors: [],
    sourceCrs: table.sourceCrs,
    geometry: areaGeometry(group.parts, mapping.simplify),
    attributes: attributes(group, mapping),
  };
}

function areaGeometry(parts: PolygonalGeometry[], tolerance: number | undefined): Geometry | null {
  const merged = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : mergePolygons(parts);
  return merged && tolerance !== undefined ? simplifyGeometry(merged, tolerance) : merged;
}

/**
 * A parent sliced from the key property uses the final key (padded, re-keyed): a re-keyed area belongs
 * under its corrected parent, and a zero-less numeric key would slice wrongly.
 */
function parentKey(group: Group, file: string, mapping: AreaMapping, issues: ImportIssue[]): string | null {
  const { parent } = mapping;
  const { feature } = group;
  if (!parent) return null;
  if ('value' in parent) return parent.value;
  const raw =
    parent.property === mapping.key.property ? group.key : text(feature.properties[parent.property]);
  const sliced = raw === null ? null : parent.slice ? raw.slice(...parent.slice) : raw;
  const key = sliced === null || parent.pad === undefined ? sliced : padKey(sliced, parent.pad);
  if (!key)
    issues.push({
      ...missingValue(file, feature.index, parent.property, 'a parent key'),
      severity: 'warning',
    });
  return key || null;
}

function attributes(group: Group, mapping: AreaMapping): Area['attributes'] {
  const result: Area['attributes'] = {};
  for (const property of mapping.attributes) result[property] = group.feature.properties[property] ?? null;
  if (group.sourceKey !== null) {
    const rule = mapping.rekey.find((r) => r.key === group.sourceKey && r.newKey === group.key);
    result.sourceKey = group.sourceKey;
    result.rekeyReason = rule?.reason ?? null;
  }
  return result;
}

function missingValue(file: string, row: number, column: string, what: string): ImportIssue {
  const message = `${file}, record ${row}: "${column}" is empty; each feature needs ${what}`;
  return issue({ code: 'MissingValue', file, row, column, expected: what, found: null, message });
}

function badKey(file: string, row: number, column: string, pad: number, found: string): ImportIssue {
  const expected = `a numeric key of at most ${pad} digits`;
  return issue({
    code: 'AmbiguousKey',
    file,
    row,
    column,
    expected,
    found,
    message: `${file}, record ${row}: "${found}" is not ${expected}`,
  });
}

function duplicate(file: string, key: string, first: number, second: number, column: string): ImportIssue {
  return issue({
    code: 'DuplicateRow',
    file,
    row: second,
    column,
    expected: 'a unique key per feature (or dissolve: true for multi-part areas, or a rekey fix)',
    found: key,
    message: `${file}: key ${key} appears in record ${first} and record ${second}; record ${second} is left out`,
  });
}

function noGeometry(file: string, row: number): ImportIssue {
  const message = `${file}, record ${row}: the feature has no geometry; the area is kept without one`;
  return issue({
    severity: 'warning',
    code: 'MissingCoordinates',
    file,
    row,
    expected: 'a polygon',
    found: null,
    message,
  });
}

function notPolygonal(file: string, row: number, geometry: Geometry): ImportIssue {
  const message = `${file}, record ${row}: ${geometry.type} is no area outline; the area is kept without geometry`;
  return issue({
    severity: 'warning',
    code: 'InvalidGeometry',
    file,
    row,
    expected: 'Polygon or MultiPolygon',
    found: geometry.type,
    message,
  });
}

function unusedRekey(file: string, rule: AreaMapping['rekey'][number]): ImportIssue {
  const where = `${rule.containsLonLat[0]}, ${rule.containsLonLat[1]}`;
  const message = `${file}: the rekey fix ${rule.key} → ${rule.newKey} matched no feature containing ${where}; is it still needed?`;
  return issue({
    severity: 'warning',
    code: 'UnknownArea',
    file,
    expected: `a feature ${rule.key} containing ${where}`,
    found: null,
    message,
  });
}
