import type { ChangeCounts } from '../domain/import.ts';

/**
 * The service directory (Wegweiser): providers (Träger) run facilities (Einrichtungen) where services
 * (Angebote) are offered. Every entry comes from a source (one import source, e.g. the Berlin Kita
 * register) and carries its provenance, publication status and validity.
 */

/** Träger: öffentlich, frei-gemeinnützig, privat-gewerblich. */
export const PROVIDER_KINDS = ['public', 'non-profit', 'private'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Lebensphasen: Kindheit, Jugend, Familien- und Berufsphase, nachberufliche Phase. */
export const LIFE_PHASES = ['childhood', 'youth', 'family-and-working-life', 'after-working-life'] as const;
export type LifePhase = (typeof LIFE_PHASES)[number];

/** Only published entries are public; drafts wait for the editorial review. */
export const PUBLICATION_STATUSES = ['draft', 'published'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Accessibility features of a facility (Barrierefreiheit), as filterable ids. */
export const ACCESSIBILITY_FEATURES = [
  'wheelchair',
  'step-free-entrance',
  'accessible-toilet',
  'lift',
  'accessible-parking',
  'hearing-loop',
  'sign-language',
  'braille',
  'easy-language',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** Source properties kept verbatim (e.g. a Kita's pedagogical approach). */
export type DirectoryAttributes = Record<string, string | number | null>;

export interface GeoPoint {
  lon: number;
  lat: number;
}

export interface PostalAddress {
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  /** Bezirk, Ortsteil or Gemeinde as the source names it. */
  district: string | null;
}

export interface ContactDetails {
  phone: string | null;
  email: string | null;
  /** A contact person or office. */
  person: string | null;
}

/** Where a set of entries comes from, with the attribution its licence requires. */
export interface DirectorySourceInput {
  id: string;
  name: string;
  /** Licence and attribution text, printed with every export. */
  attribution: string | null;
  url: string | null;
}

export interface ProviderInput {
  id: string;
  name: string;
  kind: ProviderKind | null;
  /** Spitzenverband (umbrella association), e.g. Diakonie, Caritas, Der Paritätische. */
  umbrella: string | null;
  website: string | null;
  attributes: DirectoryAttributes;
}

export interface FacilityInput {
  id: string;
  providerId: string | null;
  name: string;
  address: PostalAddress;
  /** WGS84; null until geocoded. */
  location: GeoPoint | null;
  accessibility: AccessibilityFeature[];
  attributes: DirectoryAttributes;
}

export interface ServiceInput {
  id: string;
  facilityId: string | null;
  /** The provider of the service; null: the facility's provider. */
  providerId: string | null;
  name: string;
  /** A category id of the configured category tree. */
  categoryId: string;
  targetGroups: string[];
  lifePhases: LifePhase[];
  /** ISO 639-1 codes of the languages the service is offered in. */
  languages: string[];
  /** Places (Plätze), e.g. of a Kita or care home. */
  capacity: number | null;
  freePlaces: number | null;
  /** The date the free places were reported (ISO date). */
  freePlacesDate: string | null;
  costs: string | null;
  openingHours: string | null;
  contact: ContactDetails;
  website: string | null;
  /** A plain-language description (Leichte/Einfache Sprache where possible). */
  description: string | null;
  /** Validity (ISO dates; null bounds are open). */
  validFrom: string | null;
  validTo: string | null;
  /** When the entry was last checked against reality (ISO date). */
  lastVerified: string | null;
  status: PublicationStatus;
  attributes: DirectoryAttributes;
}

/** What every stored row knows about itself. */
export interface DirectoryProvenance {
  source: string;
  /** ISO timestamps: first written, last changed. */
  createdAt: string;
  updatedAt: string;
  /** The import batch that last wrote the row. */
  batchId: number | null;
}

export type StoredDirectorySource = DirectorySourceInput & { batchId: number | null };
export type StoredProvider = ProviderInput & DirectoryProvenance;
export type StoredFacility = FacilityInput & DirectoryProvenance;
export type StoredService = ServiceInput & DirectoryProvenance;

/** One service with the facility it is offered at and the provider that runs it. */
export interface DirectoryEntry {
  service: StoredService;
  facility: StoredFacility | null;
  provider: StoredProvider | null;
  source: StoredDirectorySource | null;
}

/** Everything one source delivers. Entries of the source missing from a new delivery are withdrawn. */
export interface DirectoryBatchInput {
  source: DirectorySourceInput;
  providers: ProviderInput[];
  facilities: FacilityInput[];
  services: ServiceInput[];
}

/** A publicly visible entry: published, and valid on `date` (ISO). */
export function isPublicOn(
  service: Pick<ServiceInput, 'status' | 'validFrom' | 'validTo'>,
  date: string,
): boolean {
  if (service.status !== 'published') return false;
  if (service.validFrom !== null && service.validFrom > date) return false;
  return service.validTo === null || service.validTo > date;
}

/** What a directory delivery changed; `withdrawn` counts entries the source no longer contains. */
export interface DirectoryChangeCounts extends ChangeCounts {
  withdrawn: number;
}

export interface DirectoryDiff {
  sources: ChangeCounts;
  providers: DirectoryChangeCounts;
  facilities: DirectoryChangeCounts;
  services: DirectoryChangeCounts;
}

/** A directory delivery as an import plans it: facilities and services remember their source row. */
export interface DirectoryPlan extends DirectoryBatchInput {
  facilities: (FacilityInput & { row: number | null })[];
  services: (ServiceInput & { row: number | null })[];
}
