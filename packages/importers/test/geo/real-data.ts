/** Locations of the shared real data (see /work/shared/data/README.md) and small helpers for tests on it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  forEachPosition,
  polygonsOf,
  type Geometry,
  type PolygonalGeometry,
  type Position,
} from '@lagebild/core';

export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

export const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

/** Area-weighted centroid of a (Multi)Polygon in lon/lat; holes subtract. Good enough for "is it near". */
export function centroid(geometry: PolygonalGeometry): Position {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of polygonsOf(geometry).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return [cx / (3 * area), cy / (3 * area)];
}

/** Metres between two nearby lon/lat positions (equirectangular approximation). */
export function metres(a: Position, b: Position): number {
  const dx = (a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180);
  const dy = (a[1]! - b[1]!) * 110_574;
  return Math.hypot(dx, dy);
}

/** For every vertex of `reference`, the distance to the nearest vertex of `candidate`. */
export function vertexDeviations(reference: Geometry, candidate: Geometry): number[] {
  const points: Position[] = [];
  forEachPosition(candidate, (p) => points.push(p));
  const result: number[] = [];
  forEachPosition(reference, (q) => result.push(Math.min(...points.map((p) => metres(p, q)))));
  return result;
}
