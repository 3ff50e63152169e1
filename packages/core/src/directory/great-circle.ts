import type { GeoPoint } from './directory-types.ts';

/** Mean Earth radius (IUGG, R1) in km: the radius of the sphere with the ellipsoid's mean radius. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Straight-line great-circle distance in km on the mean-radius sphere (haversine formula, which stays
 * accurate for the short distances a radius search is about).
 */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** [minLon, minLat, maxLon, maxLat] that contains every point within `radiusKm` of `center`. */
export function radiusBox(center: GeoPoint, radiusKm: number): [number, number, number, number] {
  const dLat = radiusKm / EARTH_RADIUS_KM / RAD;
  const minLat = center.lat - dLat;
  const maxLat = center.lat + dLat;
  // Near a pole (or for huge radii) every longitude can be within reach.
  if (maxLat >= 90 || minLat <= -90) return [-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)];
  const dLon =
    Math.asin(Math.min(1, Math.sin(radiusKm / EARTH_RADIUS_KM) / Math.cos(center.lat * RAD))) / RAD;
  return [center.lon - dLon, minLat, center.lon + dLon, maxLat];
}

export function isValidPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.lon) &&
    Number.isFinite(point.lat) &&
    point.lon >= -180 &&
    point.lon <= 180 &&
    point.lat >= -90 &&
    point.lat <= 90
  );
}
