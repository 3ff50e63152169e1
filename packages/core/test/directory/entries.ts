import { mulberry32 } from '../../src/correlate/random.ts';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import {
  parseCategoryTree,
  parseSynonyms,
  type DirectoryEntry,
  type DirectorySearchConfig,
  type ServiceInput,
  type StoredFacility,
} from '../../src/index.ts';

const demo = (name: string) => new URL(`../../../../demo/directory/${name}`, import.meta.url);

/** The shipped default category tree and synonyms. */
export function defaultConfig(): DirectorySearchConfig {
  return {
    categories: parseCategoryTree(parseYaml(readFileSync(demo('categories.yaml'), 'utf8'))),
    synonyms: parseSynonyms(parseYaml(readFileSync(demo('synonyms.yaml'), 'utf8'))),
  };
}

const STAMP = {
  source: 'test',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  batchId: 1,
};

export interface EntrySpec extends Partial<ServiceInput> {
  id: string;
  lon?: number;
  lat?: number;
  accessibility?: StoredFacility['accessibility'];
  provider?: string;
  street?: string;
}

/** One entry with a facility at (lon, lat) and defaults for everything not given. */
export function entry(spec: EntrySpec): DirectoryEntry {
  const { lon, lat, accessibility, provider, street, ...service } = spec;
  const facility: StoredFacility = {
    ...STAMP,
    id: `f-${spec.id}`,
    providerId: provider ? `p-${spec.id}` : null,
    name: spec.name ?? spec.id,
    address: { street: street ?? null, houseNumber: null, postcode: null, city: 'Berlin', district: null },
    location: lon === undefined || lat === undefined ? null : { lon, lat },
    accessibility: accessibility ?? [],
    attributes: {},
  };
  return {
    service: {
      ...STAMP,
      facilityId: facility.id,
      providerId: null,
      name: spec.id,
      categoryId: 'kita',
      targetGroups: [],
      lifePhases: [],
      languages: ['de'],
      capacity: null,
      freePlaces: null,
      freePlacesDate: null,
      costs: null,
      openingHours: null,
      contact: { phone: null, email: null, person: null },
      website: null,
      description: null,
      validFrom: null,
      validTo: null,
      lastVerified: null,
      status: 'published',
      attributes: {},
      ...service,
    },
    facility,
    provider: provider
      ? {
          ...STAMP,
          id: `p-${spec.id}`,
          name: provider,
          kind: 'non-profit',
          umbrella: null,
          website: null,
          attributes: {},
        }
      : null,
    source: null,
  };
}

/** A deterministic pseudo-random generator, so generated data is the same every run. */
export const seeded = mulberry32;
