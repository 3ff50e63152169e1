import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../src/index.ts';
import { seeded } from './entries.ts';

describe('spatial grid', () => {
  const random = seeded(3);
  const points = Array.from({ length: 5_000 }, () => ({ lon: 13 + random(), lat: 52 + random() * 0.6 }));
  points.push({ lon: Number.NaN, lat: Number.NaN });
  const grid = new SpatialGrid(points);

  it('returns every point inside a box (and only points of the cells it touches)', () => {
    for (let i = 0; i < 200; i++) {
      const lon = 13 + random() * 0.9;
      const lat = 52 + random() * 0.5;
      const box = [lon, lat, lon + random() * 0.1, lat + random() * 0.1] as const;
      const candidates = new Set(grid.candidates(box));
      points.forEach((p, j) => {
        const inside = p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3];
        if (inside) expect(candidates.has(j)).toBe(true);
      });
      for (const j of candidates) {
        expect(points[j]!.lon).toBeGreaterThanOrEqual(box[0] - 0.01);
        expect(points[j]!.lat).toBeLessThanOrEqual(box[3] + 0.01);
      }
    }
  });

  it('gives up (null) on boxes larger than the grid, and finds nothing in an empty box', () => {
    expect(grid.candidates([-180, -90, 180, 90])).toBeNull();
    expect(grid.candidates([20, 40, 20.05, 40.05])).toEqual([]);
    expect(grid.candidates([13.5, 52.3, 13.4, 52.2])).toEqual([]);
  });
});
