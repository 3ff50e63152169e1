import type {
  AccessibilityFeature,
  DirectoryAttributes,
  DirectorySourceInput,
  FacilityInput,
  LifePhase,
  ProviderInput,
  ProviderKind,
  PublicationStatus,
  ServiceInput,
  StoredDirectorySource,
  StoredFacility,
  StoredProvider,
  StoredService,
} from '@lagebild/core';
import type {
  DirectoryFacilityRow,
  DirectoryProviderRow,
  DirectoryServiceRow,
  DirectorySourceRow,
} from '../directory-schema.ts';
import { stableJson } from '../json.ts';
import type { Row } from './row-sync.ts';

/**
 * Domain ↔ row for the directory tables. Rows written by an import carry every column the import
 * owns, `withdrawn_at: null` included (so an entry that re-appears is an update); the timestamps are
 * added when a row is written (they do not make a row "changed").
 */
export function sourceRow(source: DirectorySourceInput): Row {
  return { id: source.id, name: source.name, attribution: source.attribution, url: source.url };
}

export function providerRow(source: string, p: ProviderInput): Row {
  return {
    id: p.id,
    source,
    name: p.name,
    kind: p.kind,
    umbrella: p.umbrella,
    website: p.website,
    attributes: stableJson(p.attributes),
    withdrawn_at: null,
  };
}

export function facilityRow(source: string, f: FacilityInput): Row {
  return {
    id: f.id,
    source,
    provider_id: f.providerId,
    name: f.name,
    street: f.address.street,
    house_number: f.address.houseNumber,
    postcode: f.address.postcode,
    city: f.address.city,
    district: f.address.district,
    lon: f.location?.lon ?? null,
    lat: f.location?.lat ?? null,
    accessibility: stableJson(f.accessibility),
    attributes: stableJson(f.attributes),
    withdrawn_at: null,
  };
}

export function serviceRow(source: string, s: ServiceInput): Row {
  return {
    id: s.id,
    source,
    facility_id: s.facilityId,
    provider_id: s.providerId,
    name: s.name,
    category_id: s.categoryId,
    target_groups: stableJson(s.targetGroups),
    life_phases: stableJson(s.lifePhases),
    languages: stableJson(s.languages),
    capacity: s.capacity,
    free_places: s.freePlaces,
    free_places_date: s.freePlacesDate,
    costs: s.costs,
    opening_hours: s.openingHours,
    phone: s.contact.phone,
    email: s.contact.email,
    contact_person: s.contact.person,
    website: s.website,
    description: s.description,
    valid_from: s.validFrom,
    valid_to: s.validTo,
    last_verified: s.lastVerified,
    status: s.status,
    attributes: stableJson(s.attributes),
    withdrawn_at: null,
  };
}

const provenance = (row: {
  source: string;
  created_at: string;
  updated_at: string;
  batch_id: number | null;
}) => ({
  source: row.source,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  batchId: row.batch_id === null ? null : Number(row.batch_id),
});

const attributes = (text: string) => JSON.parse(text) as DirectoryAttributes;

export function toSource(row: DirectorySourceRow): StoredDirectorySource {
  return {
    id: row.id,
    name: row.name,
    attribution: row.attribution,
    url: row.url,
    batchId: row.batch_id === null ? null : Number(row.batch_id),
  };
}

export function toProvider(row: DirectoryProviderRow): StoredProvider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProviderKind | null,
    umbrella: row.umbrella,
    website: row.website,
    attributes: attributes(row.attributes),
    ...provenance(row),
  };
}

export function toFacility(row: DirectoryFacilityRow): StoredFacility {
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    address: {
      street: row.street,
      houseNumber: row.house_number,
      postcode: row.postcode,
      city: row.city,
      district: row.district,
    },
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    accessibility: JSON.parse(row.accessibility) as AccessibilityFeature[],
    attributes: attributes(row.attributes),
    ...provenance(row),
  };
}

export function toService(row: DirectoryServiceRow): StoredService {
  return {
    id: row.id,
    facilityId: row.facility_id,
    providerId: row.provider_id,
    name: row.name,
    categoryId: row.category_id,
    targetGroups: JSON.parse(row.target_groups) as string[],
    lifePhases: JSON.parse(row.life_phases) as LifePhase[],
    languages: JSON.parse(row.languages) as string[],
    capacity: row.capacity,
    freePlaces: row.free_places,
    freePlacesDate: row.free_places_date,
    costs: row.costs,
    openingHours: row.opening_hours,
    contact: { phone: row.phone, email: row.email, person: row.contact_person },
    website: row.website,
    description: row.description,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    lastVerified: row.last_verified,
    status: row.status as PublicationStatus,
    attributes: attributes(row.attributes),
    ...provenance(row),
  };
}
