import type { Position } from '../domain/geojson.ts';
import { polygonsOf, type PolygonalGeometry } from './merge.ts';

/**
 * Ray casting (even-odd rule) for one ring. Points exactly on an edge may fall either way; callers that
 * need a unique answer for boundary points resolve that themselves.
 */
export function pointInRing(point: Position, ring: readonly Position[]): boolean {
  const x = point[0]!;
  const y = point[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies in the outer ring of one of the polygons and in none of its holes. */
export function pointInPolygon(point: Position, geometry: PolygonalGeometry): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) =>
      outer !== undefined && pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h)),
  );
}
