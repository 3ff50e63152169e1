import type { Geometry, Position } from '../domain/geojson.ts';
import { isPolygonal, polygonsOf } from './merge.ts';

/** A closed ring needs three distinct corners plus the closing position. */
const MIN_RING = 4;

/**
 * Douglas–Peucker per ring, tolerance in the geometry's units (degrees for stored geometry).
 * Rings that collapse below four positions are dropped: a hole vanishes, a polygon whose outer ring
 * collapses (a small island) is left out. If nothing would remain, the input is returned unchanged, so
 * the result is never an empty or invalid polygon. Non-polygonal geometry is returned as is.
 * Rings are simplified independently, so neighbouring areas may no longer share exact borders and
 * very coarse tolerances can produce self-intersections; keep the tolerance small against area sizes.
 */
export function simplifyGeometry(geometry: Geometry, tolerance: number): Geometry {
  if (!isPolygonal(geometry) || !(tolerance > 0)) return geometry;
  const polygons = simplifyPolygons(polygonsOf(geometry), tolerance);
  if (polygons.length === 0) return geometry;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

function simplifyPolygons(polygons: Position[][][], tolerance: number): Position[][][] {
  const result: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    const simpleOuter = outer ? simplifyRing(outer, tolerance) : null;
    if (!simpleOuter) continue;
    const simpleHoles = holes
      .map((h) => simplifyRing(h, tolerance))
      .filter((h): h is Position[] => h !== null);
    result.push([simpleOuter, ...simpleHoles]);
  }
  return result;
}

/** Simplifies a closed ring; null when fewer than four positions would remain. */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] | null {
  const open =
    ring.length > 1 && samePosition(ring[0]!, ring[ring.length - 1]!) ? ring.slice(0, -1) : ring.slice();
  if (open.length < MIN_RING - 1) return null;
  // A closed ring has no natural end points for Douglas–Peucker; split it at the vertex farthest from
  // the first one so both halves are proper polylines and the ring's extent survives.
  const far = farthestFrom(open, 0);
  const keep = new Uint8Array(open.length + 1);
  const closed = [...open, open[0]!];
  keep[0] = keep[far] = keep[open.length] = 1;
  markDouglasPeucker(closed, 0, far, tolerance * tolerance, keep);
  markDouglasPeucker(closed, far, open.length, tolerance * tolerance, keep);
  const result = closed.filter((_, i) => keep[i] === 1);
  return result.length >= MIN_RING ? result : null;
}

function farthestFrom(points: readonly Position[], index: number): number {
  let best = index;
  let bestDistance = -1;
  for (let i = 0; i < points.length; i++) {
    const d = squaredDistance(points[index]!, points[i]!);
    if (d > bestDistance) [best, bestDistance] = [i, d];
  }
  return best;
}

/** Iterative (stack-based) so rings with hundreds of thousands of vertices cannot overflow the call stack. */
function markDouglasPeucker(
  points: readonly Position[],
  first: number,
  last: number,
  sqTol: number,
  keep: Uint8Array,
): void {
  const stack: [number, number][] = [[first, last]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let index = -1;
    let max = sqTol;
    for (let i = a + 1; i < b; i++) {
      const d = squaredSegmentDistance(points[i]!, points[a]!, points[b]!);
      if (d > max) [index, max] = [i, d];
    }
    if (index === -1) continue;
    keep[index] = 1;
    stack.push([a, index], [index, b]);
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function squaredDistance(a: Position, b: Position): number {
  const dx = a[0]! - b[0]!;
  const dy = a[1]! - b[1]!;
  return dx * dx + dy * dy;
}

function squaredSegmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const lengthSq = dx * dx + dy * dy;
  if (lengthSq === 0) return squaredDistance(p, a);
  const t = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / lengthSq));
  return squaredDistance(p, [a[0]! + t * dx, a[1]! + t * dy]);
}
