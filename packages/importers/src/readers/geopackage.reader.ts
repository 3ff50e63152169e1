import Database from 'better-sqlite3';
import { issue, type Geometry, type ImportIssue, type Position, appendAll } from '@lagebild/core';
import { chooseCrs, crsFromEpsg, reprojectGeometry, type ResolvedCrs } from './crs.ts';
import {
  outOfRange,
  toPropertyValue,
  unreadable,
  type GeoFeature,
  type GeoProperties,
  type GeoTable,
} from './geo-table.ts';

export interface GeoPackageOptions {
  file: string;
  /** Feature table to read when the GeoPackage holds several. */
  layer?: string;
  /** Overrides the layer's spatial reference system (rarely needed: GeoPackages always declare one). */
  sourceCrs?: string;
}

interface Layer {
  table: string;
  column: string;
  srsId: number;
}

/**
 * Reads one feature table of a GeoPackage (an SQLite file). The bytes are opened as an in-memory
 * database, so nothing touches the disk. Geometry blobs are decoded here (GeoPackage header + WKB)
 * instead of relying on SpatiaLite, which is not available everywhere.
 */
export function readGeoPackage(bytes: Uint8Array, options: GeoPackageOptions): GeoTable {
  const table: GeoTable = {
    file: options.file,
    format: 'geopackage',
    sourceCrs: 'unknown',
    features: [],
    issues: [],
  };
  let db: Database.Database | null = null;
  try {
    db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { readonly: true });
    const layer = pickLayer(db, options, table);
    const crs = layer ? layerCrs(db, layer, options, table) : null;
    if (layer && crs) {
      table.sourceCrs = crs.code;
      table.features = readRows(db, layer, crs, table);
    }
  } catch (error) {
    table.features = [];
    table.issues.push(unreadable(options.file, error));
  } finally {
    db?.close();
  }
  return table;
}

function pickLayer(db: Database.Database, options: GeoPackageOptions, table: GeoTable): Layer | null {
  const layers = db
    .prepare(
      `SELECT c.table_name AS "table", g.column_name AS "column", g.srs_id AS srsId
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = 'features' ORDER BY c.table_name`,
    )
    .all() as Layer[];
  const wanted = options.layer?.toLowerCase();
  const found =
    wanted === undefined && layers.length === 1
      ? layers[0]
      : layers.find((l) => l.table.toLowerCase() === wanted);
  if (found) return found;
  const names = layers.map((l) => l.table).join(', ');
  const what =
    layers.length === 0
      ? 'no feature table'
      : options.layer === undefined
        ? `${layers.length} feature tables`
        : `layer ${options.layer}`;
  table.issues.push(
    issue({
      code: 'Unreadable',
      file: options.file,
      expected: layers.length === 0 ? 'a feature table in gpkg_contents' : `layer: one of ${names}`,
      found: what,
      message: `${options.file}: ${what}; choose the layer in the mapping (${names || 'none found'})`,
    }),
  );
  return null;
}

interface SrsRow {
  organization: string | null;
  code: number | null;
  definition: string | null;
}

/** srs_id 0 is "undefined geographic" (lon/lat) by the spec, -1 "undefined Cartesian" (unusable). */
function layerCrs(
  db: Database.Database,
  layer: Layer,
  options: GeoPackageOptions,
  table: GeoTable,
): ResolvedCrs | null {
  const srs = db
    .prepare(
      'SELECT organization, organization_coordsys_id AS code, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    )
    .get(layer.srsId) as SrsRow | undefined;
  const declared = layer.srsId === 0 ? 'EPSG:4326' : srs && layer.srsId !== -1 ? declaredCrs(srs) : null;
  const expected = 'a spatial reference system in gpkg_spatial_ref_sys or sourceCrs in the mapping';
  const { crs, issues } = chooseCrs({ declared, sourceCrs: options.sourceCrs, file: options.file, expected });
  appendAll(table.issues, issues);
  return crs;
}

function declaredCrs(srs: SrsRow): string | null {
  const epsg = srs.organization?.toUpperCase() === 'EPSG' && srs.code !== null ? `EPSG:${srs.code}` : null;
  if (epsg && crsFromEpsg(epsg)) return epsg;
  const wkt = srs.definition?.trim();
  return wkt && wkt.toLowerCase() !== 'undefined' ? wkt : epsg;
}

function readRows(db: Database.Database, layer: Layer, crs: ResolvedCrs, table: GeoTable): GeoFeature[] {
  const name = quoteIdentifier(layer.table);
  const pk = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; pk: number }[]).find(
    (c) => c.pk === 1,
  );
  const order = pk ? ` ORDER BY ${quoteIdentifier(pk.name)}` : '';
  const features: GeoFeature[] = [];
  for (const row of db.prepare(`SELECT * FROM ${name}${order}`).iterate() as IterableIterator<
    Record<string, unknown>
  >) {
    const index = features.length + 1;
    const geometry = rowGeometry(row[layer.column], crs, table, index);
    features.push({ index, properties: rowProperties(row, layer.column), geometry });
  }
  return features;
}

function rowProperties(row: Record<string, unknown>, geometryColumn: string): GeoProperties {
  const properties: GeoProperties = {};
  for (const [column, value] of Object.entries(row)) {
    // Other blobs (images, raw data) are no attributes a planner can use.
    if (column !== geometryColumn)
      properties[column] = value instanceof Uint8Array ? null : toPropertyValue(value);
  }
  return properties;
}

function rowGeometry(blob: unknown, crs: ResolvedCrs, table: GeoTable, row: number): Geometry | null {
  if (!(blob instanceof Uint8Array)) return null;
  let geometry: Geometry | null;
  try {
    geometry = parseGeoPackageGeometry(blob);
  } catch (error) {
    table.issues.push(invalidBlob(table.file, row, error));
    return null;
  }
  const result = geometry ? reprojectGeometry(geometry, crs) : null;
  if (geometry && !result) table.issues.push(outOfRange(table.file, row, crs.code));
  return result;
}

function invalidBlob(file: string, row: number, error: unknown): ImportIssue {
  const found = error instanceof Error ? error.message : String(error);
  const message = `${file}, row ${row}: the geometry cannot be decoded (${found})`;
  return issue({
    code: 'InvalidGeometry',
    file,
    row,
    expected: 'GeoPackage binary geometry (header + WKB)',
    found,
    message,
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Envelope length in bytes by the header's envelope indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * Decodes a GeoPackage geometry blob: "GP", version, flags, srs_id, optional envelope, then WKB.
 * Returns null for geometries flagged empty. Throws on anything malformed.
 */
export function parseGeoPackageGeometry(blob: Uint8Array): Geometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('missing GP magic');
  const flags = blob[3] ?? 0;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error(`invalid envelope indicator ${(flags >> 1) & 0x07}`);
  if (flags & 0x10) return null;
  return parseWkb(blob.subarray(8 + envelope));
}

/** Decodes ISO/OGC WKB (and EWKB flags), either byte order; Z and M are dropped. */
export function parseWkb(bytes: Uint8Array): Geometry | null {
  return new WkbReader(bytes).geometry();
}

const TYPES = [
  '',
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
] as const;

class WkbReader {
  private readonly view: DataView;
  private offset = 0;
  private littleEndian = true;
  private dimensions = 2;

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  geometry(): Geometry | null {
    const type = this.header();
    switch (type) {
      case 'Point': {
        const p = this.position();
        return Number.isNaN(p[0]) ? null : { type, coordinates: p };
      }
      case 'LineString':
        return { type, coordinates: this.positions() };
      case 'Polygon':
        return { type, coordinates: this.list(() => this.positions()) };
      case 'MultiPoint':
        return { type, coordinates: this.list(() => this.part('Point').coordinates) };
      case 'MultiLineString':
        return { type, coordinates: this.list(() => this.part('LineString').coordinates) };
      case 'MultiPolygon':
        return { type, coordinates: this.list(() => this.part('Polygon').coordinates) };
    }
  }

  private part<T extends Geometry['type']>(expected: T): Extract<Geometry, { type: T }> {
    const geometry = this.geometry();
    if (geometry?.type !== expected) throw new Error(`expected ${expected} inside a multi-geometry`);
    return geometry as Extract<Geometry, { type: T }>;
  }

  private header(): (typeof TYPES)[number] & Geometry['type'] {
    this.littleEndian = this.view.getUint8(this.offset++) === 1;
    const raw = this.uint32();
    // EWKB (PostGIS) keeps Z/M/SRID in the high bits; ISO WKB adds 1000/2000/3000 to the type.
    const ewkbZ = (raw & 0x80000000) !== 0;
    const ewkbM = (raw & 0x40000000) !== 0;
    if (raw & 0x20000000) this.offset += 4;
    const code = raw & 0x0fffffff;
    const iso = Math.floor(code / 1000);
    this.dimensions =
      2 + (ewkbZ || iso === 1 || iso === 3 ? 1 : 0) + (ewkbM || iso === 2 || iso === 3 ? 1 : 0);
    const type = TYPES[code % 1000];
    if (!type) throw new Error(`unsupported WKB geometry type ${code}`);
    return type;
  }

  private uint32(): number {
    const value = this.view.getUint32(this.offset, this.littleEndian);
    this.offset += 4;
    return value;
  }

  private position(): Position {
    const x = this.view.getFloat64(this.offset, this.littleEndian);
    const y = this.view.getFloat64(this.offset + 8, this.littleEndian);
    this.offset += 8 * this.dimensions;
    return [x, y];
  }

  private positions(): Position[] {
    const n = this.count(8 * this.dimensions);
    const result: Position[] = new Array(n);
    for (let i = 0; i < n; i++) result[i] = this.position();
    return result;
  }

  private list<T>(read: () => T): T[] {
    const n = this.count(4);
    const dimensions = this.dimensions;
    const result: T[] = [];
    for (let i = 0; i < n; i++) {
      result.push(read());
      this.dimensions = dimensions;
    }
    return result;
  }

  /** A count that cannot fit the remaining bytes is corrupt; refusing it avoids huge allocations. */
  private count(minBytesEach: number): number {
    const n = this.uint32();
    if (n * minBytesEach > this.view.byteLength - this.offset)
      throw new Error(`WKB count ${n} exceeds the data`);
    return n;
  }
}
