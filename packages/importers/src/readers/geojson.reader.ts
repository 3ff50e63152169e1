import { forEachPosition, issue, type Geometry, type ImportIssue, appendAll } from '@lagebild/core';
import { chooseCrs, reprojectGeometry, type ResolvedCrs } from './crs.ts';
import { outOfRange, toProperties, unreadable, type GeoFeature, type GeoTable } from './geo-table.ts';

export interface GeoJsonOptions {
  file: string;
  /** Overrides a legacy `crs` member, and is required for projected coordinates without one. */
  sourceCrs?: string;
}

interface RawFeature {
  geometry?: unknown;
  properties?: Record<string, unknown> | null;
}

/**
 * Reads a GeoJSON FeatureCollection or single Feature. RFC 7946 says WGS84, but German open data often
 * still carries the 2008 `crs` member (e.g. Berlin's facilities in `urn:ogc:def:crs:EPSG::25833`); it is
 * honoured. Projected coordinates without any CRS are refused rather than guessed.
 */
export function readGeoJson(bytes: Uint8Array | string, options: GeoJsonOptions): GeoTable {
  const table: GeoTable = {
    file: options.file,
    format: 'geojson',
    sourceCrs: 'unknown',
    features: [],
    issues: [],
  };
  const root = parse(bytes, table);
  const raw = root ? rawFeatures(root, table) : null;
  if (!root || !raw) return table;
  const crs = pickCrs(root, raw, options, table);
  if (!crs) return table;
  table.sourceCrs = crs.code;
  table.features = raw.map((feature, i) => toFeature(feature, i + 1, crs, table));
  return table;
}

function parse(bytes: Uint8Array | string, table: GeoTable): Record<string, unknown> | null {
  try {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
    const root: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (root && typeof root === 'object' && !Array.isArray(root)) return root as Record<string, unknown>;
    table.issues.push(notGeoJson(table.file, typeof root));
  } catch (error) {
    table.issues.push(unreadable(table.file, error));
  }
  return null;
}

function rawFeatures(root: Record<string, unknown>, table: GeoTable): RawFeature[] | null {
  if (root.type === 'FeatureCollection' && Array.isArray(root.features)) return root.features as RawFeature[];
  if (root.type === 'Feature') return [root as RawFeature];
  table.issues.push(notGeoJson(table.file, String(root.type)));
  return null;
}

function notGeoJson(file: string, found: string): ImportIssue {
  const message = `${file}: expected a GeoJSON FeatureCollection or Feature, found ${found}`;
  return issue({ code: 'Unreadable', file, expected: 'FeatureCollection or Feature', found, message });
}

function pickCrs(
  root: Record<string, unknown>,
  raw: RawFeature[],
  options: GeoJsonOptions,
  table: GeoTable,
): ResolvedCrs | null {
  const declared = declaredCrs(root.crs);
  const expected = 'a "crs" member or sourceCrs in the mapping';
  if (declared === null && options.sourceCrs === undefined && looksProjected(raw)) {
    const message = `${table.file}: coordinates are not longitude/latitude and no CRS is declared`;
    table.issues.push(
      issue({
        code: 'MissingProjection',
        file: table.file,
        expected,
        found: 'projected coordinates',
        message,
      }),
    );
    return null;
  }
  const defaulted = declared ?? (options.sourceCrs === undefined ? 'EPSG:4326' : null);
  const { crs, issues } = chooseCrs({
    declared: defaulted,
    sourceCrs: options.sourceCrs,
    file: table.file,
    expected,
  });
  appendAll(table.issues, issues);
  return crs;
}

/** The legacy (GeoJSON 2008) named CRS, e.g. `{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25833' } }`. */
function declaredCrs(crs: unknown): string | null {
  if (!crs || typeof crs !== 'object') return null;
  const { type, properties } = crs as { type?: unknown; properties?: Record<string, unknown> };
  if (type === 'name' && typeof properties?.name === 'string') return properties.name;
  if (type === 'EPSG' && properties?.code !== undefined) return `EPSG:${String(properties.code)}`;
  return null;
}

function looksProjected(raw: RawFeature[]): boolean {
  return raw.some((f) => {
    const geometry = validGeometry(f.geometry);
    let projected = false;
    if (geometry)
      forEachPosition(geometry, (p) => (projected ||= Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90));
    return projected;
  });
}

function toFeature(raw: RawFeature, index: number, crs: ResolvedCrs, table: GeoTable): GeoFeature {
  const properties = toProperties(raw?.properties);
  if (raw?.geometry === null || raw?.geometry === undefined) return { index, properties, geometry: null };
  const geometry = validGeometry(raw.geometry);
  if (!geometry) {
    table.issues.push(invalidGeometry(table.file, index, raw.geometry));
    return { index, properties, geometry: null };
  }
  const projected = reprojectGeometry(geometry, crs);
  if (!projected) table.issues.push(outOfRange(table.file, index, crs.code));
  return { index, properties, geometry: projected };
}

function invalidGeometry(file: string, row: number, geometry: unknown): ImportIssue {
  const found = JSON.stringify(geometry)?.slice(0, 80) ?? String(geometry);
  return issue({
    code: 'InvalidGeometry',
    file,
    row,
    expected: 'a Point, LineString, Polygon or Multi* geometry with numeric coordinates',
    found,
    message: `${file}, feature ${row}: the geometry is not valid GeoJSON`,
  });
}

/** Depth of the coordinate arrays per geometry type (Point = a position = depth 1). */
const DEPTH: Record<string, number> = {
  Point: 1,
  MultiPoint: 2,
  LineString: 2,
  MultiLineString: 3,
  Polygon: 3,
  MultiPolygon: 4,
};

function validGeometry(value: unknown): Geometry | null {
  if (!value || typeof value !== 'object') return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const depth = typeof type === 'string' ? DEPTH[type] : undefined;
  return depth !== undefined && hasDepth(coordinates, depth) ? (value as Geometry) : null;
}

function hasDepth(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 1)
    return value.length >= 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
  return value.every((v) => hasDepth(v, depth - 1));
}
