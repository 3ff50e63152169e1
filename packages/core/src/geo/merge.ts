import type { Geometry, Position } from '../domain/geojson.ts';

export type PolygonGeometry = Extract<Geometry, { type: 'Polygon' }>;
export type MultiPolygonGeometry = Extract<Geometry, { type: 'MultiPolygon' }>;
export type PolygonalGeometry = PolygonGeometry | MultiPolygonGeometry;

export function isPolygonal(geometry: Geometry | null): geometry is PolygonalGeometry {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/** The polygons of a Polygon or MultiPolygon as a list (each polygon = outer ring + holes). */
export function polygonsOf(geometry: PolygonalGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Collects the parts of one key (e.g. the mainland and the islands of a Land delivered as separate
 * records) into one MultiPolygon. This is a collection, not a topological union: shared borders stay,
 * which is harmless for display and point-in-polygon and avoids a geometry-engine dependency.
 */
export function mergePolygons(parts: readonly PolygonalGeometry[]): MultiPolygonGeometry {
  return { type: 'MultiPolygon', coordinates: parts.flatMap(polygonsOf) };
}
