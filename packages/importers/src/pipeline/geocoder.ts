import { DomainError, isValidPoint, type GeoPoint, type PostalAddress } from '@lagebild/core';
import type { GeocoderConfig } from './services.schema.ts';

/** Turns a postal address into WGS84 coordinates; null when the service finds nothing. */
export interface Geocoder {
  readonly name: string;
  geocode(address: PostalAddress): Promise<GeoPoint | null>;
}

/** The address as one line, as Photon and Nominatim's free-form search expect it. */
export function addressLine(address: PostalAddress, country?: string): string | null {
  const street = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const place = [address.postcode, address.city].filter(Boolean).join(' ');
  if (!street && !place) return null;
  return [street, place, country].filter(Boolean).join(', ');
}

type Fetch = typeof fetch;

/**
 * A Photon (komoot, OpenStreetMap) or Nominatim geocoder at `config.url`. Requests are spaced by
 * `minIntervalMs` (Nominatim's public instance allows one per second) and answers are cached by
 * address for the life of the geocoder, so the dry run and the apply of one import ask only once.
 */
export function createGeocoder(config: GeocoderConfig, fetchImpl: Fetch = fetch): Geocoder {
  const base = config.url.replace(/\/+$/, '');
  const headers = {
    'User-Agent': config.userAgent ?? 'Lagebild (service directory import)',
    Accept: 'application/json',
  };
  const minInterval = config.minIntervalMs ?? (config.service === 'nominatim' ? 1000 : 0);
  const cache = new Map<string, Promise<GeoPoint | null>>();
  let last = 0;
  let queue: Promise<GeoPoint | null> = Promise.resolve(null);
  const request = async (line: string): Promise<GeoPoint | null> => {
    const wait = last + minInterval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = Date.now();
    const url =
      config.service === 'photon'
        ? `${base}/api?q=${encodeURIComponent(line)}&limit=1`
        : `${base}/search?q=${encodeURIComponent(line)}&format=jsonv2&limit=1`;
    let response: Response;
    try {
      response = await fetchImpl(url, { headers });
    } catch (error) {
      throw new DomainError('ImportInvalid', `geocoder ${base} unreachable: ${(error as Error).message}`, {
        url: base,
      });
    }
    if (!response.ok)
      throw new DomainError('ImportInvalid', `geocoder ${base} answered HTTP ${response.status}`, {
        url: base,
      });
    const body = (await response.json()) as unknown;
    const point = config.service === 'photon' ? fromPhoton(body) : fromNominatim(body);
    return point && isValidPoint(point) ? point : null;
  };
  return {
    name: `${config.service} ${base}`,
    geocode(address) {
      const line = addressLine(address, config.country);
      if (line === null) return Promise.resolve(null);
      let answer = cache.get(line);
      if (!answer) {
        // Serialised, so the interval between requests holds under concurrent callers too.
        answer = queue.catch(() => null).then(() => request(line));
        queue = answer;
        cache.set(line, answer);
      }
      return answer;
    },
  };
}

/** Photon answers GeoJSON: the first feature's point. */
function fromPhoton(body: unknown): GeoPoint | null {
  const features = (body as { features?: { geometry?: { coordinates?: unknown } }[] }).features;
  const coordinates = features?.[0]?.geometry?.coordinates;
  if (!Array.isArray(coordinates)) return null;
  const [lon, lat] = coordinates.map(Number);
  return lon === undefined || lat === undefined ? null : { lon, lat };
}

/** Nominatim answers a list of places with lat/lon as text. */
function fromNominatim(body: unknown): GeoPoint | null {
  const first = Array.isArray(body) ? (body[0] as { lat?: unknown; lon?: unknown } | undefined) : undefined;
  if (!first) return null;
  return { lon: Number(first.lon), lat: Number(first.lat) };
}
