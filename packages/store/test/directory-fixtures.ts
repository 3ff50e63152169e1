import type { DirectoryBatchInput, FacilityInput, ProviderInput, ServiceInput } from '@lagebild/core';
import type { BatchInput } from '../src/store.ts';
import { batch } from './fixtures.ts';

export function provider(id: string, fields: Partial<ProviderInput> = {}): ProviderInput {
  return {
    id,
    name: `Träger ${id}`,
    kind: 'non-profit',
    umbrella: null,
    website: null,
    attributes: {},
    ...fields,
  };
}

export function facility(id: string, fields: Partial<FacilityInput> = {}): FacilityInput {
  return {
    id,
    providerId: null,
    name: `Einrichtung ${id}`,
    address: {
      street: 'Hauptstraße',
      houseNumber: '1',
      postcode: '10115',
      city: 'Berlin',
      district: 'Mitte',
    },
    location: { lon: 13.4, lat: 52.52 },
    accessibility: [],
    attributes: {},
    ...fields,
  };
}

export function service(id: string, fields: Partial<ServiceInput> = {}): ServiceInput {
  return {
    id,
    facilityId: null,
    providerId: null,
    name: `Angebot ${id}`,
    categoryId: 'kita',
    targetGroups: [],
    lifePhases: [],
    languages: [],
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
    ...fields,
  };
}

/**
 * The Kita source of a small town: two Kitas of one provider and a care home of another, with every
 * kind of field filled somewhere (Unicode, lists, fractional coordinates, dates).
 */
export function kitaDelivery(): DirectoryBatchInput {
  return {
    source: {
      id: 'stadt-kitas',
      name: 'Kitas der Stadt',
      attribution: 'Stadt X, dl-de/by-2-0',
      url: 'https://example.org',
    },
    providers: [
      provider('p1', { name: 'Diakonie Süd e. V.', umbrella: 'Diakonie' }),
      provider('p2', { kind: 'public' }),
    ],
    facilities: [
      facility('f1', {
        providerId: 'p1',
        location: { lon: 13.123456, lat: 52.654321 },
        accessibility: ['wheelchair'],
      }),
      facility('f2', { providerId: 'p1', attributes: { ansatz: 'Montessori', baujahr: 1998, notiz: null } }),
      facility('f3', { providerId: 'p2', location: null }),
    ],
    services: [
      service('s1', {
        facilityId: 'f1',
        name: 'Kita Sonnenblume',
        targetGroups: ['children', 'parents'],
        lifePhases: ['childhood'],
        languages: ['de', 'tr'],
        capacity: 69,
        freePlaces: 3,
        freePlacesDate: '2024-03-01',
        contact: { phone: '030 123', email: 'kita@example.org', person: 'Frau Öztürk' },
        website: 'https://kita.example.org',
        description: 'Kleine Kita mit Garten – „Wald“ inklusive.',
        validFrom: '2020-01-01',
        lastVerified: '2024-02-15',
      }),
      service('s2', { facilityId: 'f2', capacity: 120.5, status: 'draft' }),
      service('s3', {
        facilityId: 'f3',
        providerId: 'p1',
        categoryId: 'care-inpatient',
        validTo: '2023-12-31',
      }),
    ],
  };
}

export function directoryBatch(directory: DirectoryBatchInput, file = 'kitas.geojson'): BatchInput {
  return batch({ file, format: 'services', mapping: { format: 'services' }, directory });
}
