import type { AreaFeature, Geometry } from '../api/types.ts';

export type Bounds = [number, number, number, number];

/** The bounding box [west, south, east, north] of some features; null when none has a geometry. */
export function boundsOf(features: readonly AreaFeature[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of features) {
    if (!feature.geometry) continue;
    forEachPosition(feature.geometry, (x, y) => {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    });
  }
  return west <= east ? [west, south, east, north] : null;
}

function forEachPosition(geometry: Geometry, visit: (x: number, y: number) => void): void {
  const walk = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') visit(coords[0], coords[1] as number);
    else if (Array.isArray(coords)) for (const c of coords) walk(c);
  };
  walk(geometry.coordinates);
}
