import type { Geometry, Position } from '../domain/geojson.ts';

/** [minX, minY, maxX, maxY], in the geometry's units (lon/lat for stored geometry). */
export type BBox = [number, number, number, number];

/** Calls `fn` for every position of a geometry without building intermediate arrays. */
export function forEachPosition(geometry: Geometry, fn: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      fn(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) line.forEach(fn);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(fn);
  }
}

/** The bounding box of one or several geometries; null when there is no position at all. */
export function bbox(geometries: Geometry | readonly (Geometry | null)[]): BBox | null {
  const list = Array.isArray(geometries) ? geometries : [geometries as Geometry];
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of list) {
    if (geometry) forEachPosition(geometry, (p) => extend(box, p));
  }
  return box[0] === Infinity ? null : box;
}

function extend(box: BBox, p: Position): void {
  const x = p[0]!;
  const y = p[1]!;
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

/** True when the two boxes overlap or touch. */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Number of positions (vertices) of a geometry, closing positions of rings included. */
export function countPositions(geometry: Geometry | null): number {
  if (!geometry) return 0;
  let n = 0;
  forEachPosition(geometry, () => n++);
  return n;
}
