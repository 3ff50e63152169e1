import type { Selectable } from 'kysely';
import type { History } from './schema.ts';

/** The directory tables of migration 0003, as Kysely sees them (see schema.ts for the conventions). */
export interface DirectoryTables {
  directory_sources: DirectorySourcesTable;
  directory_source_history: History<DirectorySourcesTable>;
  directory_providers: DirectoryProvidersTable;
  directory_provider_history: History<DirectoryProvidersTable>;
  directory_facilities: DirectoryFacilitiesTable;
  directory_facility_history: History<DirectoryFacilitiesTable>;
  directory_services: DirectoryServicesTable;
  directory_service_history: History<DirectoryServicesTable>;
}

export interface DirectorySourcesTable {
  id: string;
  name: string;
  attribution: string | null;
  url: string | null;
  batch_id: number | null;
}

/** Columns every provider, facility and service row has. */
interface Tracked {
  id: string;
  source: string;
  created_at: string;
  updated_at: string;
  /** Set when a newer delivery of the source no longer contained the row. */
  withdrawn_at: string | null;
  /** JSON object of source properties kept verbatim. */
  attributes: string;
  batch_id: number | null;
}

export interface DirectoryProvidersTable extends Tracked {
  name: string;
  kind: string | null;
  umbrella: string | null;
  website: string | null;
}

export interface DirectoryFacilitiesTable extends Tracked {
  provider_id: string | null;
  name: string;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  district: string | null;
  lon: number | null;
  lat: number | null;
  /** JSON array of feature ids. */
  accessibility: string;
}

export interface DirectoryServicesTable extends Tracked {
  facility_id: string | null;
  provider_id: string | null;
  name: string;
  category_id: string;
  /** JSON arrays. */
  target_groups: string;
  life_phases: string;
  languages: string;
  capacity: number | null;
  free_places: number | null;
  free_places_date: string | null;
  costs: string | null;
  opening_hours: string | null;
  phone: string | null;
  email: string | null;
  contact_person: string | null;
  website: string | null;
  description: string | null;
  valid_from: string | null;
  valid_to: string | null;
  last_verified: string | null;
  status: string;
}

export type DirectorySourceRow = Selectable<DirectorySourcesTable>;
export type DirectoryProviderRow = Selectable<DirectoryProvidersTable>;
export type DirectoryFacilityRow = Selectable<DirectoryFacilitiesTable>;
export type DirectoryServiceRow = Selectable<DirectoryServicesTable>;
