import { describe, expect, it } from 'vitest';
import {
  countPositions,
  simplifyGeometry,
  simplifyRing,
  type Geometry,
  type Position,
} from '../../src/index.ts';

/** A ring around (cx, cy) with `n` vertices, closed. */
function circle(cx: number, cy: number, r: number, n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++)
    ring.push([cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  return [...ring, ring[0]!];
}

function expectValidPolygons(geometry: Geometry): void {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  expect(polygons.length).toBeGreaterThan(0);
  for (const polygon of polygons) {
    for (const ring of polygon) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  }
}

describe('simplifyGeometry', () => {
  it('reduces a dense ring and keeps it closed with at least four positions', () => {
    const polygon: Geometry = { type: 'Polygon', coordinates: [circle(10, 50, 0.1, 1000)] };
    const simple = simplifyGeometry(polygon, 0.001);
    expectValidPolygons(simple);
    expect(countPositions(simple)).toBeLessThan(100);
    expect(countPositions(simple)).toBeGreaterThan(8);
  });

  it('keeps vertices within the tolerance of the original outline', () => {
    const ring = circle(0, 0, 1, 400);
    const simple = simplifyRing(ring, 0.01)!;
    // Douglas–Peucker guarantees every dropped vertex lies within the tolerance of the kept outline.
    expect(Math.max(...ring.map((p) => distanceToRing(p, simple)))).toBeLessThanOrEqual(0.01 + 1e-12);
  });

  it('drops holes and islands that collapse, but never returns an empty geometry', () => {
    const outer = circle(0, 0, 1, 50);
    const tinyHole = circle(0, 0, 0.0001, 8).reverse();
    const island = circle(5, 5, 0.0001, 8);
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [[outer, tinyHole], [island]] };
    const simple = simplifyGeometry(multi, 0.01);
    expect(simple.type).toBe('MultiPolygon');
    expect(simple.coordinates).toHaveLength(1);
    expect((simple as Extract<Geometry, { type: 'MultiPolygon' }>).coordinates[0]).toHaveLength(1);
    expectValidPolygons(simple);

    const onlyTiny: Geometry = { type: 'Polygon', coordinates: [island] };
    expect(simplifyGeometry(onlyTiny, 1)).toBe(onlyTiny);
  });

  it('leaves points and lines, and zero tolerance, alone', () => {
    const point: Geometry = { type: 'Point', coordinates: [1, 2] };
    expect(simplifyGeometry(point, 1)).toBe(point);
    const polygon: Geometry = { type: 'Polygon', coordinates: [circle(0, 0, 1, 10)] };
    expect(simplifyGeometry(polygon, 0)).toBe(polygon);
  });

  it('handles open rings and degenerate input', () => {
    expect(
      simplifyRing(
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
        0.1,
      ),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(
      simplifyRing(
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        0.1,
      ),
    ).toBeNull();
    expect(
      simplifyRing(
        [
          [0, 0],
          [1, 0],
        ],
        0.1,
      ),
    ).toBeNull();
  });
});

function distanceToRing(p: Position, ring: Position[]): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistance(p, ring[i - 1]!, ring[i]!));
  return best;
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px, py, ax, ay, bx, by] = [p[0]!, p[1]!, a[0]!, a[1]!, b[0]!, b[1]!];
  const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / l2));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
