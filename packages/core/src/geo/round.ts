import type { Geometry, Position } from '../domain/geojson.ts';

/** Applies `fn` to every position of a geometry, keeping its structure; returns a new geometry. */
export function mapPositions(geometry: Geometry, fn: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(fn)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(fn))) };
  }
}

/** Rounds a number to `decimals` places; 6 decimals in degrees is about 0.1 m, finer than any source we read. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so rounded output serialises without "-0".
  return Math.round(value * factor) / factor + 0;
}

/** Rounds every coordinate (x, y and any further ordinates) of a geometry. */
export function roundGeometry(geometry: Geometry, decimals: number): Geometry {
  return mapPositions(geometry, (p) => p.map((v) => roundTo(v, decimals)));
}
