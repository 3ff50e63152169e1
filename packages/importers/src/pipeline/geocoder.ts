import {
  DomainError,
  geocodedPlaces,
  geocoderSearchUrl,
  insideBox,
  type GeocodedPlace,
  type GeocoderSearch,
  type GeoPoint,
  type PostalAddress,
} from '@lagebild/core';
import type { GeocoderConfig } from './services.schema.ts';

/**
 * Turns a postal address into WGS84 coordinates (null when the service finds nothing), or free text
 * into a list of places (the Wegweiser's address search).
 */
export interface Geocoder {
  readonly name: string;
  geocode(address: PostalAddress): Promise<GeoPoint | null>;
  /**
   * Places matching free text, inside `box` when given (also when the service does not honour it);
   * `timeoutMs` bounds the wait. Not cached: the text changes with every keystroke.
   */
  search(text: string, search: GeocoderSearch & { timeoutMs?: number }): Promise<GeocodedPlace[]>;
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
  let queue: Promise<unknown> = Promise.resolve(null);
  const request = async (url: string, timeoutMs?: number): Promise<unknown> => {
    const wait = last + minInterval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = Date.now();
    let response: Response;
    try {
      const signal = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
      response = await fetchImpl(url, { headers, signal });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (error as Error).message;
      throw new DomainError('ImportInvalid', `geocoder ${base} unreachable: ${reason}`, { url: base });
    }
    if (!response.ok)
      throw new DomainError('ImportInvalid', `geocoder ${base} answered HTTP ${response.status}`, {
        url: base,
      });
    return (await response.json()) as unknown;
  };
  // Serialised, so the interval between requests holds under concurrent callers too.
  const enqueue = <T>(run: () => Promise<T>): Promise<T> => {
    const answer = queue.catch(() => null).then(run);
    queue = answer;
    return answer;
  };
  const first = async (line: string): Promise<GeoPoint | null> => {
    const body = await request(geocoderSearchUrl(config.service, base, line, { limit: 1 }));
    const place = geocodedPlaces(config.service, body)[0];
    return place ? { lon: place.lon, lat: place.lat } : null;
  };
  return {
    name: `${config.service} ${base}`,
    geocode(address) {
      const line = addressLine(address, config.country);
      if (line === null) return Promise.resolve(null);
      let answer = cache.get(line);
      if (!answer) {
        answer = enqueue(() => first(line));
        cache.set(line, answer);
      }
      return answer;
    },
    search(text, { timeoutMs, ...search }) {
      return enqueue(async () => {
        const body = await request(geocoderSearchUrl(config.service, base, text, search), timeoutMs);
        const places = geocodedPlaces(config.service, body);
        const box = search.box;
        return box ? places.filter((p) => insideBox(p, box)) : places;
      });
    },
  };
}
