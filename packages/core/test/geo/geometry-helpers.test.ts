import { describe, expect, it } from 'vitest';
import {
  bbox,
  bboxIntersects,
  countPositions,
  isPolygonal,
  mapPositions,
  mergePolygons,
  pointInPolygon,
  pointInRing,
  roundGeometry,
  roundTo,
  type Geometry,
  type Position,
} from '../../src/index.ts';

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

const withHole: Geometry = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] };

describe('pointInPolygon', () => {
  it('respects holes', () => {
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 5], withHole)).toBe(false);
  });

  it('checks every part of a MultiPolygon, each with its own holes', () => {
    const multi = mergePolygons([
      withHole as Extract<Geometry, { type: 'Polygon' }>,
      { type: 'Polygon', coordinates: [square(20, 0, 5)] },
    ]);
    expect(pointInPolygon([22, 2], multi)).toBe(true);
    expect(pointInPolygon([5, 5], multi)).toBe(false);
    expect(pointInPolygon([15, 2], multi)).toBe(false);
  });

  it('works on concave rings', () => {
    const u: Position[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    expect(pointInRing([1.5, 2], u)).toBe(false);
    expect(pointInRing([0.5, 2], u)).toBe(true);
    expect(pointInRing([1.5, 0.5], u)).toBe(true);
  });
});

describe('mergePolygons', () => {
  it('collects Polygon and MultiPolygon parts into one MultiPolygon', () => {
    const a: Geometry = { type: 'Polygon', coordinates: [square(0, 0, 1)] };
    const b: Geometry = { type: 'MultiPolygon', coordinates: [[square(2, 0, 1)], [square(4, 0, 1)]] };
    const merged = mergePolygons([a, b]);
    expect(merged.type).toBe('MultiPolygon');
    expect(merged.coordinates).toHaveLength(3);
    expect(isPolygonal(merged)).toBe(true);
    expect(isPolygonal({ type: 'Point', coordinates: [0, 0] })).toBe(false);
    expect(isPolygonal(null)).toBe(false);
  });
});

describe('bbox and counts', () => {
  it('spans all geometries and skips nulls', () => {
    const point: Geometry = { type: 'Point', coordinates: [-3, 20] };
    expect(bbox([withHole, null, point])).toEqual([-3, 0, 10, 20]);
    expect(bbox([])).toBeNull();
    expect(bbox(point)).toEqual([-3, 20, -3, 20]);
    expect(bboxIntersects([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [1.1, 0, 2, 1])).toBe(false);
    expect(countPositions(withHole)).toBe(10);
    expect(countPositions(null)).toBe(0);
  });
});

describe('rounding', () => {
  it('rounds every ordinate and never yields -0', () => {
    expect(roundTo(13.4049999999, 6)).toBe(13.405);
    expect(Object.is(roundTo(-0.0000001, 6), 0)).toBe(true);
    const line: Geometry = { type: 'LineString', coordinates: [[1.23456789, 2.3456789, 100.123456789]] };
    expect(roundGeometry(line, 3)).toEqual({ type: 'LineString', coordinates: [[1.235, 2.346, 100.123]] });
    const shifted = mapPositions(withHole, ([x, y]) => [x! + 1, y!]);
    expect(bbox(shifted)).toEqual([1, 0, 11, 10]);
  });
});
