import { dataVersion } from '@lagebild/analysis';
import { type GeocodedPlace, type GeocoderService, type LonLatBox } from '@lagebild/core';
import { createGeocoder, type Geocoder } from '@lagebild/importers';
import type { Store } from '@lagebild/store';

export interface AddressSearchOptions {
  service: GeocoderService;
  url: string;
  /** The installation's area; without it, the box of the places level (see placesLevel). */
  box?: LonLatBox;
  timeoutMs?: number;
  userAgent?: string;
}

export type AddressAnswer = { places: GeocodedPlace[]; box: LonLatBox | null } | { error: string };

/**
 * The Wegweiser's address search through the configured geocoder (the importer's client), limited to
 * the installation's area so "Hauptstraße 1" finds the one in the Kreis, not the thousand elsewhere.
 */
export class AddressSearch {
  readonly #geocoder: Geocoder;
  #box: { key: string; box: Promise<LonLatBox | null> } | null = null;

  constructor(
    private readonly store: Store,
    readonly options: AddressSearchOptions,
    fetchImpl: typeof fetch = fetch,
  ) {
    this.#geocoder = createGeocoder(
      {
        service: options.service,
        url: options.url,
        userAgent: options.userAgent ?? 'Lagebild (Wegweiser address search)',
      },
      fetchImpl,
    );
  }

  get service(): GeocoderService {
    return this.options.service;
  }

  async search(text: string, limit: number, lang: 'de' | 'en'): Promise<AddressAnswer> {
    const box = await this.box();
    try {
      const places = await this.#geocoder.search(text, {
        limit,
        box: box ?? undefined,
        lang,
        timeoutMs: this.options.timeoutMs ?? 5000,
      });
      return { places: places.slice(0, limit), box };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /** The configured box, else the box of the places level's areas (recomputed per data version). */
  async box(): Promise<LonLatBox | null> {
    if (this.options.box) return this.options.box;
    const key = await dataVersion(this.store);
    if (this.#box?.key !== key) this.#box = { key, box: placesBox(this.store) };
    return this.#box.box;
  }
}

/**
 * The portal's places level: below the Kreis, with more than one area and a level nested in it (in
 * the demo the Berlin Bezirke, not the Gemeinden of Germany), the same rule as the portal's places.
 */
async function placesBox(store: Store): Promise<LonLatBox | null> {
  const levels = await store.listLevels();
  for (const level of levels) {
    if (level.parentLevelId !== 'kreis' || !levels.some((l) => l.parentLevelId === level.id)) continue;
    const areas = await store.listAreas(level.id);
    if (areas.length < 2) continue;
    const boxes = areas.flatMap((a) => (a.bbox ? [a.bbox] : []));
    if (boxes.length === 0) return null;
    const box = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ] as const;
    // Rounded outwards to 4 decimals (about 10 m): short URLs, nothing at the edge cut off.
    const [w, s, e, n] = box;
    return [
      Math.floor(w * 1e4) / 1e4,
      Math.floor(s * 1e4) / 1e4,
      Math.ceil(e * 1e4) / 1e4,
      Math.ceil(n * 1e4) / 1e4,
    ];
  }
  return null;
}
