import type { AreaCollection, Level } from '../api/types.ts';
import type { Travel } from './travel-text.ts';

/** The shapes of the public Wegweiser routes (apps/server/src/routes/directory.schemas.ts). */
export interface Named {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface DirectoryCategory extends Named {
  parentId: string | null;
  depth: number;
  count: number;
}

export interface CategoriesResponse {
  categories: DirectoryCategory[];
  targetGroups: Named[];
  lifePhases: Named[];
  accessibilityFeatures: string[];
}

export interface DirectoryService {
  id: string;
  name: string;
  category: { id: string; name: string | null; nameEn: string | null };
  targetGroups: string[];
  lifePhases: string[];
  languages: string[];
  capacity: number | null;
  freePlaces: number | null;
  freePlacesDate: string | null;
  costs: string | null;
  openingHours: string | null;
  contact: { phone: string | null; email: string | null; person: string | null };
  website: string | null;
  description: string | null;
  lastVerified: string | null;
  facility: {
    name: string;
    address: {
      street: string | null;
      houseNumber: string | null;
      postcode: string | null;
      city: string | null;
      district: string | null;
    };
    location: { lon: number; lat: number } | null;
    accessibility: string[];
  } | null;
  provider: { name: string; umbrella: string | null; website: string | null } | null;
  source: { id: string; name: string | null; attribution: string | null; url: string | null };
  distanceKm?: number;
  /** Travel time per routing profile, where the server has a routing service. */
  travel?: Travel[];
}

export interface SearchResponse {
  total: number;
  limit: number;
  offset: number;
  items: DirectoryService[];
  /** The routing service failed: distances are straight-line only. */
  travelError?: string;
  facets: { categories: Record<string, number> };
}

export interface GeocodeResponse {
  /** null: no geocoder configured, the portal searches its own places. */
  geocoder: 'photon' | 'nominatim' | null;
  places: { label: string; lon: number; lat: number }[];
  error?: string;
}

export class PortalError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new PortalError(response.status, body?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export const portalApi = {
  categories: () => get<CategoriesResponse>('/directory/categories'),
  search: (params: URLSearchParams, signal?: AbortSignal) =>
    get<SearchResponse>(`/directory/services?${params}`, signal),
  service: (id: string, signal?: AbortSignal) =>
    get<DirectoryService>(`/directory/services/${encodeURIComponent(id)}`, signal),
  geocode: (q: string, lang: 'de' | 'en', signal?: AbortSignal) =>
    get<GeocodeResponse>(`/directory/geocode?q=${encodeURIComponent(q)}&lang=${lang}`, signal),
  levels: () => get<{ levels: Level[] }>('/levels'),
  areas: (level: string) => get<AreaCollection>(`/levels/${encodeURIComponent(level)}/areas?simplify=0.002`),
};

/** The English name when English is chosen and one exists. */
export function nameIn(lang: 'de' | 'en', item: { name: string | null; nameEn: string | null }): string {
  return (lang === 'en' && item.nameEn ? item.nameEn : item.name) ?? '';
}

export function addressLine(service: DirectoryService): string {
  const a = service.facility?.address;
  if (!a) return '';
  const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const city = [a.postcode, a.city].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}
