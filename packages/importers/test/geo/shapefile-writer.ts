/**
 * A minimal shapefile writer for tests (Point and Polygon, one dBase table), written from the ESRI
 * specification independently of the reader under test. Polygons are written ring by ring as given:
 * pass outer rings clockwise and holes counter-clockwise, as the format requires.
 */
import type { Position } from '@lagebild/core';

export type ShapeRecord =
  { type: 'Polygon'; rings: Position[][] } | { type: 'Point'; coordinates: Position } | null;

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
}

export interface WrittenShapefile {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
}

const SHAPE_TYPES = { Point: 1, Polygon: 5 } as const;

export function writeShapefile(
  shapes: ShapeRecord[],
  fields: DbfField[],
  rows: (string | number | null)[][],
  encode: (text: string) => Uint8Array = (t) => new TextEncoder().encode(t),
): WrittenShapefile {
  const contents = shapes.map(shapeContent);
  const type = shapes.find((s) => s !== null)?.type ?? 'Point';
  const box = bounds(shapes);
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * shapes.length);
  writeHeader(new DataView(shp.buffer), shpLength, SHAPE_TYPES[type], box);
  writeHeader(new DataView(shx.buffer), shx.length, SHAPE_TYPES[type], box);
  let offset = 100;
  contents.forEach((content, i) => {
    const shpView = new DataView(shp.buffer);
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, content.length / 2, false);
    shp.set(content, offset + 8);
    const shxView = new DataView(shx.buffer);
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(104 + 8 * i, content.length / 2, false);
    offset += 8 + content.length;
  });
  return { shp, shx, dbf: writeDbf(fields, rows, encode) };
}

function writeHeader(view: DataView, byteLength: number, shapeType: number, box: number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, byteLength / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  box.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
}

function bounds(shapes: ShapeRecord[]): number[] {
  const points = shapes.flatMap((s) =>
    s === null ? [] : s.type === 'Point' ? [s.coordinates] : s.rings.flat(),
  );
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function shapeContent(shape: ShapeRecord): Uint8Array {
  if (shape === null) return new Uint8Array(4);
  if (shape.type === 'Point') {
    const view = new DataView(new ArrayBuffer(20));
    view.setInt32(0, 1, true);
    view.setFloat64(4, shape.coordinates[0]!, true);
    view.setFloat64(12, shape.coordinates[1]!, true);
    return new Uint8Array(view.buffer);
  }
  const points = shape.rings.flat();
  const view = new DataView(new ArrayBuffer(44 + 4 * shape.rings.length + 16 * points.length));
  view.setInt32(0, 5, true);
  bounds([shape]).forEach((v, i) => view.setFloat64(4 + 8 * i, v, true));
  view.setInt32(36, shape.rings.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  shape.rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  const base = 44 + 4 * shape.rings.length;
  points.forEach((p, i) => {
    view.setFloat64(base + 16 * i, p[0]!, true);
    view.setFloat64(base + 16 * i + 8, p[1]!, true);
  });
  return new Uint8Array(view.buffer);
}

function writeDbf(
  fields: DbfField[],
  rows: (string | number | null)[][],
  encode: (t: string) => Uint8Array,
): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1).fill(0x20, headerLength);
  const view = new DataView(bytes.buffer);
  bytes.set([0x03, 121, 1, 1]); // dBase III, last update 2021-01-01 (fixed so fixtures are reproducible)
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    bytes.set(new TextEncoder().encode(f.name).subarray(0, 10), 32 + 32 * i);
    bytes[32 + 32 * i + 11] = f.type.charCodeAt(0);
    bytes[32 + 32 * i + 16] = f.length;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let offset = headerLength + r * recordLength + 1;
    fields.forEach((f, i) => {
      bytes.set(fieldBytes(row[i] ?? null, f, encode), offset);
      offset += f.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

function fieldBytes(
  value: string | number | null,
  field: DbfField,
  encode: (t: string) => Uint8Array,
): Uint8Array {
  if (value === null) return new Uint8Array(field.length).fill(0x20);
  const text = field.type === 'N' ? String(value).padStart(field.length, ' ') : String(value);
  const encoded = encode(text);
  if (encoded.length > field.length) throw new Error(`value "${text}" does not fit field ${field.name}`);
  const out = new Uint8Array(field.length).fill(0x20);
  out.set(encoded);
  return out;
}
