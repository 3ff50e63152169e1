import { issue, type Geometry, type ImportIssue } from '@lagebild/core';

export type GeoFormat = 'geojson' | 'shapefile' | 'geopackage';

export type GeoProperties = Record<string, string | number | null>;

export interface GeoFeature {
  /** 1-based record number in the source (shapefile record, GeoJSON feature, GeoPackage row). */
  index: number;
  properties: GeoProperties;
  /** WGS84 lon/lat, coordinates rounded to 6 decimals; null for empty or unreadable geometry. */
  geometry: Geometry | null;
}

/** What every geographic reader returns; mapping into areas happens separately (mapping/area-mapping.ts). */
export interface GeoTable {
  file: string;
  format: GeoFormat;
  /** The CRS the source was read in, e.g. `EPSG:31467`; `WKT` for an unrecognised .prj, `unknown` when missing. */
  sourceCrs: string;
  features: GeoFeature[];
  issues: ImportIssue[];
}

/** Turns source attribute values into the three kinds an import keeps. */
export function toPropertyValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return isoDate(value);
  return JSON.stringify(value);
}

function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  // dBase dates are calendar dates built in local time by the shapefile package; read them back the same way.
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function toProperties(source: Record<string, unknown> | null | undefined): GeoProperties {
  const result: GeoProperties = {};
  for (const [name, value] of Object.entries(source ?? {})) result[name] = toPropertyValue(value);
  return result;
}

export function outOfRange(file: string, row: number, crs: string): ImportIssue {
  return issue({
    code: 'InvalidGeometry',
    file,
    row,
    expected: `coordinates in ${crs} that transform to valid longitude/latitude`,
    found: 'positions outside the valid range',
    message: `${file}, record ${row}: the geometry does not fit ${crs}; is the CRS right?`,
  });
}

export function unreadable(file: string, error: unknown): ImportIssue {
  const message = error instanceof Error ? error.message : String(error);
  return issue({
    code: 'Unreadable',
    file,
    found: message,
    message: `${file} could not be read: ${message}`,
  });
}

/** File name without its extension, keeping any directory part. */
export function stem(file: string): string {
  return file.replace(/\.[^./\\]*$/, '');
}
