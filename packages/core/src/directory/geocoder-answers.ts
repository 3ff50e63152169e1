import type { GeoPoint } from './directory-types.ts';
import { isValidPoint } from './great-circle.ts';

/**
 * The pure half of geocoding with Photon (komoot, OpenStreetMap) or Nominatim: the search URL and
 * reading the answer. The importer geocodes addresses of entries with it, the server the addresses
 * citizens type into the Wegweiser; fetching stays with them.
 */

export type GeocoderService = 'photon' | 'nominatim';

/** [minLon, minLat, maxLon, maxLat] (WGS84). */
export type LonLatBox = [number, number, number, number];

export interface GeocodedPlace extends GeoPoint {
  /** The place in words, as the service names it (street and number, postcode, city, district). */
  label: string;
}

export interface GeocoderSearch {
  limit: number;
  /** Only places inside this box: Photon's `bbox`, Nominatim's bounded `viewbox`. */
  box?: LonLatBox;
  /** Preferred language of the labels (Photon: de, en, fr; Nominatim: any). */
  lang?: string;
}

export function geocoderSearchUrl(
  service: GeocoderService,
  base: string,
  text: string,
  search: GeocoderSearch,
): string {
  const root = base.replace(/\/+$/, '');
  const q = `q=${encodeURIComponent(text)}&limit=${search.limit}`;
  const box = search.box?.join(',');
  if (service === 'photon')
    return `${root}/api?${q}${box ? `&bbox=${box}` : ''}${search.lang ? `&lang=${search.lang}` : ''}`;
  return `${root}/search?${q}&format=jsonv2${box ? `&viewbox=${box}&bounded=1` : ''}${
    search.lang ? `&accept-language=${search.lang}` : ''
  }`;
}

/** The places of an answer with valid coordinates, in the service's order. */
export function geocodedPlaces(service: GeocoderService, body: unknown): GeocodedPlace[] {
  const places = service === 'photon' ? fromPhoton(body) : fromNominatim(body);
  return places.filter(isValidPoint);
}

export function insideBox(point: GeoPoint, box: LonLatBox): boolean {
  return point.lon >= box[0] && point.lon <= box[2] && point.lat >= box[1] && point.lat <= box[3];
}

interface PhotonProperties {
  name?: string;
  street?: string;
  housenumber?: string;
  postcode?: string;
  city?: string;
  district?: string;
  locality?: string;
}

/** Photon answers GeoJSON points; the label is built from the address parts it gives. */
function fromPhoton(body: unknown): GeocodedPlace[] {
  const features = (body as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  return features.flatMap(
    (feature: { geometry?: { coordinates?: unknown }; properties?: PhotonProperties }) => {
      const coordinates = feature?.geometry?.coordinates;
      if (!Array.isArray(coordinates) || coordinates.length < 2) return [];
      const [lon, lat] = coordinates.map(Number) as [number, number];
      return [{ lon, lat, label: photonLabel(feature.properties ?? {}) || `${lat}, ${lon}` }];
    },
  );
}

function photonLabel(p: PhotonProperties): string {
  const street = [p.street, p.housenumber].filter(Boolean).join(' ');
  const first = p.name && p.name !== street ? [p.name, street] : [street || p.name];
  const town = [p.postcode, p.city].filter(Boolean).join(' ');
  const district = p.district ?? p.locality;
  const parts = [...first, town, district && district !== p.city ? district : undefined];
  return parts.filter((part): part is string => Boolean(part)).join(', ');
}

/** Nominatim answers a list of places with lat/lon as text and a `display_name`. */
function fromNominatim(body: unknown): GeocodedPlace[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((place: { lat?: unknown; lon?: unknown; display_name?: unknown }) => {
    if (!place || place.lat === undefined || place.lon === undefined) return [];
    const lon = Number(place.lon);
    const lat = Number(place.lat);
    const label = typeof place.display_name === 'string' ? place.display_name : `${lat}, ${lon}`;
    return [{ lon, lat, label }];
  });
}
