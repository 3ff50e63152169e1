import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, radiusBox } from '../../src/index.ts';
import { seeded } from './entries.ts';

/** Spherical law of cosines: an independent formula for the same great-circle distance. */
function lawOfCosinesKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(a.lat * r) * Math.sin(b.lat * r) +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, c)));
}

describe('great-circle distance', () => {
  it('uses the mean Earth radius 6371.0088 km', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    const oneDegree = (2 * Math.PI * EARTH_RADIUS_KM) / 360;
    expect(greatCircleKm({ lon: 13, lat: 52 }, { lon: 13, lat: 53 })).toBeCloseTo(oneDegree, 9);
    expect(greatCircleKm({ lon: 0, lat: 0 }, { lon: 180, lat: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lon: 13.4, lat: 52.5 }, { lon: 13.4, lat: 52.5 })).toBe(0);
  });

  it('agrees with the spherical law of cosines to the millimetre over German distances', () => {
    const random = seeded(7);
    for (let i = 0; i < 2_000; i++) {
      const a = { lon: 6 + random() * 9, lat: 47 + random() * 8 };
      const b = { lon: 6 + random() * 9, lat: 47 + random() * 8 };
      expect(Math.abs(greatCircleKm(a, b) - lawOfCosinesKm(a, b))).toBeLessThan(1e-6);
    }
  });
});

describe('radius box', () => {
  it('contains every point within the radius', () => {
    const random = seeded(11);
    for (const center of [
      { lon: 13.4, lat: 52.5 },
      { lon: 179.9, lat: -10 },
      { lon: 10, lat: 89.5 },
    ]) {
      const radius = 50;
      const [minLon, minLat, maxLon, maxLat] = radiusBox(center, radius);
      for (let i = 0; i < 5_000; i++) {
        const p = {
          lon: center.lon + (random() - 0.5) * 4,
          lat: Math.min(90, center.lat + (random() - 0.5) * 1),
        };
        if (greatCircleKm(center, p) > radius) continue;
        expect(p.lat).toBeGreaterThanOrEqual(minLat);
        expect(p.lat).toBeLessThanOrEqual(maxLat);
        const lon = p.lon > 180 ? p.lon - 360 : p.lon;
        const inLon = (lon >= minLon && lon <= maxLon) || (lon + 360 >= minLon && lon + 360 <= maxLon);
        expect(inLon, JSON.stringify({ center, p })).toBe(true);
      }
    }
  });
});
