import type { Geometry } from '@lagebild/core';

export type BBox = [number, number, number, number];

/** [minLon, minLat, maxLon, maxLat] over every position of the geometry; null when it has none. */
export function bboxOf(geometry: Geometry | null): BBox | null {
  if (geometry === null) return null;
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  extend(box, geometry.coordinates);
  return box[0] === Infinity ? null : box;
}

function extend(box: BBox, coordinates: unknown): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates as number[];
    if (lon === undefined || lat === undefined) return;
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
    return;
  }
  for (const inner of coordinates) extend(box, inner);
}
