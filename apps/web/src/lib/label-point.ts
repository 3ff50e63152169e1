import type { Geometry } from '../api/types.ts';

type Position = number[];

export interface LabelPoint {
  at: [number, number];
  /** Area of the ring the label sits in (square degrees): bigger areas get their label first. */
  size: number;
}

/**
 * Where an area's name goes: inside its largest ring, in the middle of the widest stretch of the
 * horizontal line through the ring's centroid. Unlike the centroid itself this never lands outside a
 * crescent-shaped area.
 */
export function labelPoint(geometry: Geometry | null): LabelPoint | null {
  if (!geometry) return null;
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0]]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((p) => p[0])
        : [];
  let best: { ring: Position[]; area: number } | null = null;
  for (const ring of rings) {
    if (!ring || ring.length < 4) continue;
    const area = Math.abs(signedArea(ring));
    if (!best || area > best.area) best = { ring, area };
  }
  if (!best) return null;
  const [cx, cy] = centroid(best.ring);
  return { at: [widestMiddle(best.ring, cy) ?? cx, cy], size: best.area };
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return sum / 2;
}

function centroid(ring: Position[]): [number, number] {
  const a = signedArea(ring);
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    x += (ring[j]![0]! + ring[i]![0]!) * f;
    y += (ring[j]![1]! + ring[i]![1]!) * f;
  }
  return a === 0 ? [ring[0]![0]!, ring[0]![1]!] : [x / (6 * a), y / (6 * a)];
}

function widestMiddle(ring: Position[], y: number): number | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]! as [number, number];
    const [x2, y2] = ring[i]! as [number, number];
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let middle: number | null = null;
  let widest = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1]! - xs[k]!;
    if (width > widest) {
      widest = width;
      middle = (xs[k]! + xs[k + 1]!) / 2;
    }
  }
  return middle;
}
