/**
 * Builds GeoPackages for tests with better-sqlite3: the three gpkg_* tables of the specification
 * and feature tables whose geometry blobs (GeoPackage header + WKB) are encoded here by hand.
 */
import Database from 'better-sqlite3';
import type { Geometry, Position } from '@lagebild/core';

export interface BlobOptions {
  littleEndian?: boolean;
  /** Envelope indicator 0–4 (none, xy, xyz, xym, xyzm). */
  envelope?: number;
  empty?: boolean;
  /** Write ISO WKB with Z (type + 1000) and this z value for every position. */
  z?: number;
}

const WKB_TYPES: Record<Geometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
};

export function gpkgBlob(geometry: Geometry, srsId: number, options: BlobOptions = {}): Uint8Array {
  const le = options.littleEndian ?? true;
  const envelope = options.envelope ?? 0;
  const envelopeBytes = [0, 32, 48, 48, 64][envelope]!;
  const header = new DataView(new ArrayBuffer(8 + envelopeBytes));
  header.setUint8(0, 0x47);
  header.setUint8(1, 0x50);
  header.setUint8(3, (le ? 1 : 0) | (envelope << 1) | (options.empty ? 0x10 : 0));
  header.setInt32(4, srsId, le);
  for (let i = 0; i < envelopeBytes / 8; i++) header.setFloat64(8 + 8 * i, i, le);
  return concat([new Uint8Array(header.buffer), wkb(geometry, le, options.z)]);
}

export function wkb(geometry: Geometry, le: boolean, z?: number): Uint8Array {
  const head = new DataView(new ArrayBuffer(5));
  head.setUint8(0, le ? 1 : 0);
  head.setUint32(1, WKB_TYPES[geometry.type] + (z === undefined ? 0 : 1000), le);
  const body = (() => {
    switch (geometry.type) {
      case 'Point':
        return position(geometry.coordinates, le, z);
      case 'LineString':
        return positions(geometry.coordinates, le, z);
      case 'Polygon':
        return list(
          geometry.coordinates.map((ring) => positions(ring, le, z)),
          le,
        );
      case 'MultiPoint':
        return list(
          geometry.coordinates.map((p) => wkb({ type: 'Point', coordinates: p }, le, z)),
          le,
        );
      case 'MultiLineString':
        return list(
          geometry.coordinates.map((l) => wkb({ type: 'LineString', coordinates: l }, le, z)),
          le,
        );
      case 'MultiPolygon':
        return list(
          geometry.coordinates.map((p) => wkb({ type: 'Polygon', coordinates: p }, le, z)),
          le,
        );
    }
  })();
  return concat([new Uint8Array(head.buffer), body]);
}

function position(p: Position, le: boolean, z?: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(z === undefined ? 16 : 24));
  view.setFloat64(0, p[0]!, le);
  view.setFloat64(8, p[1]!, le);
  if (z !== undefined) view.setFloat64(16, z, le);
  return new Uint8Array(view.buffer);
}

function positions(ps: Position[], le: boolean, z?: number): Uint8Array {
  return list(
    ps.map((p) => position(p, le, z)),
    le,
  );
}

function list(items: Uint8Array[], le: boolean): Uint8Array {
  const count = new DataView(new ArrayBuffer(4));
  count.setUint32(0, items.length, le);
  return concat([new Uint8Array(count.buffer), ...items]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export interface SrsRow {
  srsId: number;
  organization: string;
  code: number;
  definition: string;
}

export interface LayerSpec {
  table: string;
  srsId: number;
  /** Extra columns (name → SQL type) after fid and geom. */
  columns: Record<string, string>;
  rows: { fid: number; geom: Uint8Array | null; [column: string]: unknown }[];
}

/** A GeoPackage as bytes, built in memory. */
export function buildGeoPackage(srs: SrsRow[], layers: LayerSpec[]): Uint8Array {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
      last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
    INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
    INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
  `);
  const insertSrs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)');
  for (const s of srs) insertSrs.run(`srs ${s.srsId}`, s.srsId, s.organization, s.code, s.definition);
  for (const layer of layers) addLayer(db, layer);
  const bytes = new Uint8Array(db.serialize());
  db.close();
  return bytes;
}

function addLayer(db: Database.Database, layer: LayerSpec): void {
  const extra = Object.entries(layer.columns)
    .map(([name, type]) => `, "${name}" ${type}`)
    .join('');
  db.exec(`CREATE TABLE "${layer.table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB${extra})`);
  db.prepare(
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, 'features', ?, ?)",
  ).run(layer.table, layer.table, layer.srsId);
  db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', ?, 0, 0)").run(
    layer.table,
    layer.srsId,
  );
  const names = ['fid', 'geom', ...Object.keys(layer.columns)];
  const insert = db.prepare(
    `INSERT INTO "${layer.table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  for (const row of layer.rows) insert.run(...names.map((n) => row[n] ?? null));
}
