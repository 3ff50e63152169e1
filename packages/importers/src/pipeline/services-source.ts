import { bbox, issue, type GeoPoint, type ImportIssue } from '@lagebild/core';
import type { AreaMapping } from '../mapping/area-mapping.schema.ts';
import type { TableMapping } from '../mapping/mapping.schema.ts';
import { resolveCrs } from '../readers/crs.ts';
import type { GeoProperties } from '../readers/geo-table.ts';
import { readGeoSource, readTableSource } from './read-source.ts';
import type { ServicesMapping } from './services.schema.ts';
import type { SourceFile } from './source-file.ts';

/** One record of a directory source, whatever the format: its properties and its location. */
export interface SourceRecord {
  /** Feature or record number (geo formats), source line (tables). */
  row: number;
  properties: GeoProperties;
  location: GeoPoint | null;
}

export interface SourceRecords {
  file: string;
  records: SourceRecord[];
  /** Every property (column) name the source has. */
  properties: Set<string>;
  issues: ImportIssue[];
  /** The column(s) or field the coordinates come from, for findings. */
  locationField: string;
}

const TABLE_SOURCES = new Set(['csv', 'xlsx']);

/** Reads the records of a directory source with WGS84 locations (tables: from coordinate columns). */
export async function readServiceRecords(
  files: SourceFile[],
  mapping: ServicesMapping,
): Promise<SourceRecords> {
  return TABLE_SOURCES.has(mapping.source)
    ? readTableRecords(files, mapping)
    : readGeoRecords(files, mapping);
}

async function readGeoRecords(files: SourceFile[], mapping: ServicesMapping): Promise<SourceRecords> {
  const geo = await readGeoSource(files, {
    format: mapping.source,
    sourceCrs: mapping.sourceCrs,
    layer: mapping.layer,
  } as AreaMapping);
  const issues = [...geo.issues];
  const properties = new Set<string>();
  const records = geo.features.map((feature) => {
    for (const key of Object.keys(feature.properties)) properties.add(key);
    let location: GeoPoint | null = null;
    const geometry = feature.geometry;
    if (geometry?.type === 'Point' || geometry?.type === 'MultiPoint') {
      const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : (geometry.coordinates[0] ?? []);
      if (lon !== undefined && lat !== undefined) location = { lon, lat };
    } else if (geometry) {
      // A facility drawn as an area: the centre of its extent stands for it.
      const box = bbox(geometry)!;
      location = { lon: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 };
      issues.push(
        issue({
          severity: 'warning',
          code: 'InvalidGeometry',
          file: geo.file,
          row: feature.index,
          expected: 'a Point',
          found: geometry.type,
          message: `Record ${feature.index} is a ${geometry.type}; the centre of its extent is used as the location.`,
        }),
      );
    }
    return { row: feature.index, properties: feature.properties, location };
  });
  return { file: geo.file, records, properties, issues, locationField: 'geometry' };
}

async function readTableRecords(files: SourceFile[], mapping: ServicesMapping): Promise<SourceRecords> {
  const table = await readTableSource(files, {
    format: mapping.source,
    encoding: mapping.encoding,
    delimiter: mapping.delimiter,
    headerRow: mapping.headerRow,
    sheet: mapping.sheet,
  } as TableMapping);
  const issues = [...table.issues];
  const coordinates = mapping.coordinates;
  const crs = coordinates ? resolveCrs(coordinates.crs) : null;
  if (coordinates && !crs)
    issues.push(
      issue({
        code: 'MissingProjection',
        file: table.file,
        expected: 'a CRS like EPSG:4326 or EPSG:25833',
        found: coordinates.crs,
        message: `${table.file}: coordinates.crs "${coordinates.crs}" is not a known coordinate reference system.`,
      }),
    );
  const x = coordinates ? table.header.indexOf(coordinates.x) : -1;
  const y = coordinates ? table.header.indexOf(coordinates.y) : -1;
  const records = table.rows.map((row) => {
    const properties: GeoProperties = {};
    table.header.forEach((column, i) => {
      const cell = row.cells[i]?.trim() ?? '';
      properties[column] = cell === '' ? null : cell;
    });
    const location = crs && x >= 0 && y >= 0 ? toPoint(row.cells[x], row.cells[y], crs.toWgs84) : null;
    return { row: row.line, properties, location };
  });
  const locationField = coordinates ? `${coordinates.x}/${coordinates.y}` : 'coordinates';
  return { file: table.file, records, properties: new Set(table.header), issues, locationField };
}

/** Decimal comma or point; null when either is missing, not a number, or lands outside lon/lat. */
function toPoint(
  xText: string | undefined,
  yText: string | undefined,
  toWgs84: (x: number, y: number) => [number, number],
): GeoPoint | null {
  const read = (text: string | undefined) => Number((text ?? '').trim().replace(',', '.'));
  const x = read(xText);
  const y = read(yText);
  if (!xText?.trim() || !yText?.trim() || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const [lon, lat] = toWgs84(x, y);
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
  return { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}
