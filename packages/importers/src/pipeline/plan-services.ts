import {
  issue,
  normalizeText,
  type DirectoryAttributes,
  type DirectoryPlan,
  type FacilityInput,
  type ImportIssue,
  type ImportPlan,
  type ProviderInput,
  type ServiceInput,
} from '@lagebild/core';
import { createGeocoder, type Geocoder } from './geocoder.ts';
import { FieldReader, propertiesOf } from './service-fields.ts';
import { readServiceRecords, type SourceRecord, type SourceRecords } from './services-source.ts';
import type { GeocoderConfig, ServicesMapping } from './services.schema.ts';
import type { SourceFile } from './source-file.ts';

export interface ServicesPlanContext {
  /** Overrides the mapping's `geocoder` (tests, or a geocoder configured for the whole installation). */
  geocoder?: Geocoder;
}

/**
 * Maps every record of a directory source to a provider, a facility and a service. Records without a
 * location are geocoded when a geocoder is configured; otherwise (or when it finds nothing) they are
 * errors naming file, row and the coordinate field, excluded on request like any bad row.
 */
export async function planServices(
  files: SourceFile[],
  mapping: ServicesMapping,
  raw: unknown,
  context: ServicesPlanContext = {},
): Promise<ImportPlan> {
  const source = await readServiceRecords(files, mapping);
  const issues: ImportIssue[] = [...source.issues, ...missingProperties(source, mapping)];
  const reader = new FieldReader(source.file);
  const directory: DirectoryPlan = {
    source: {
      id: mapping.directory.id,
      name: mapping.directory.name,
      attribution: mapping.directory.attribution ?? null,
      url: mapping.directory.url ?? null,
    },
    providers: [],
    facilities: [],
    services: [],
  };
  const geocoder = context.geocoder ?? (mapping.geocoder ? sharedGeocoder(mapping.geocoder) : null);
  const providers = new Map<string, ProviderInput>();
  const seen = new Map<string, number>();
  if (issues.every((i) => i.severity !== 'error' || i.row !== null)) {
    for (const record of source.records) {
      reader.at(record.row, record.properties);
      const key = reader.raw(mapping.key);
      if (!requireKey(reader, mapping, key, seen, record)) continue;
      const provider = planProvider(reader, mapping, providers);
      const facility = await planFacility(
        reader,
        mapping,
        `${mapping.directory.id}:${key}`,
        record,
        provider,
        geocoder,
        source,
      );
      const service = planService(reader, mapping, `${mapping.directory.id}:${key}`, facility.id);
      directory.facilities.push({ ...facility, row: record.row });
      directory.services.push({ ...service, row: record.row });
    }
  }
  directory.providers = [...providers.values()];
  return {
    source: { file: source.file, format: 'services', encoding: null, mapping: raw, keyColumn: mapping.key },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: [],
    observations: [],
    issues: [...issues, ...reader.issues],
    directory,
  };
}

/** Every property the mapping names must exist in the source (else nothing can be read right). */
function missingProperties(source: SourceRecords, mapping: ServicesMapping): ImportIssue[] {
  if (source.records.length === 0) return [];
  const named = new Set<string>([mapping.key, ...mapping.attributes]);
  const collect = (value: unknown): void => {
    for (const p of propertiesOf(value)) named.add(p);
    const isField = (v: object) => 'property' in v || 'template' in v || 'value' in v;
    if (value && typeof value === 'object' && !Array.isArray(value) && !isField(value))
      for (const inner of Object.values(value)) collect(inner);
  };
  for (const part of [
    mapping.service,
    mapping.facility,
    mapping.provider,
    mapping.lastVerified,
    mapping.validFrom,
    mapping.validTo,
  ])
    collect(part);
  if (mapping.provider?.key) named.add(mapping.provider.key);
  const known = [...source.properties].map((p) => `"${p}"`).join(', ');
  return [...named]
    .filter((p) => !source.properties.has(p))
    .map((p) =>
      issue({
        code: 'ColumnMissing',
        file: source.file,
        column: p,
        expected: `property "${p}"`,
        found: known,
        message: `${source.file}: the mapping names "${p}", but no record has it; the source has ${known}.`,
      }),
    );
}

function requireKey(
  reader: FieldReader,
  mapping: ServicesMapping,
  key: string | null,
  seen: Map<string, number>,
  record: SourceRecord,
): key is string {
  if (key === null) {
    reader.error('MissingValue', mapping.key, 'the record id', null, `has no id in "${mapping.key}".`);
    return false;
  }
  const first = seen.get(key);
  if (first !== undefined) {
    reader.error(
      'DuplicateRow',
      mapping.key,
      `an id not used before (record ${first} has it)`,
      key,
      `repeats id "${key}".`,
    );
    return false;
  }
  seen.set(key, record.row);
  return true;
}

function planProvider(
  reader: FieldReader,
  mapping: ServicesMapping,
  providers: Map<string, ProviderInput>,
): ProviderInput | null {
  const spec = mapping.provider;
  if (!spec) return null;
  const name = reader.text(spec.name);
  if (name === null) return null;
  const key = (spec.key ? reader.raw(spec.key) : null) ?? slug(name);
  const id = `${mapping.directory.id}:provider:${key}`;
  const known = providers.get(id);
  if (known) return known;
  const kind = spec.kind === undefined ? null : providerKind(reader, spec.kind);
  const provider: ProviderInput = {
    id,
    name,
    kind,
    umbrella: reader.text(spec.umbrella),
    website: reader.text(spec.website),
    attributes: {},
  };
  providers.set(id, provider);
  return provider;
}

function providerKind(
  reader: FieldReader,
  field: NonNullable<NonNullable<ServicesMapping['provider']>['kind']>,
): ProviderInput['kind'] {
  if ('value' in field) return field.value;
  const raw = reader.raw(field.property);
  if (raw !== null && raw in field.values) return field.values[raw] ?? null;
  if (field.default !== undefined) return field.default;
  if (raw !== null)
    reader.warn(
      'MissingValue',
      field.property,
      `one of ${Object.keys(field.values).join(', ')}`,
      raw,
      'has a provider type the mapping does not know; left empty.',
    );
  return null;
}

async function planFacility(
  reader: FieldReader,
  mapping: ServicesMapping,
  id: string,
  record: SourceRecord,
  provider: ProviderInput | null,
  geocoder: Geocoder | null,
  source: SourceRecords,
): Promise<FacilityInput> {
  const spec = mapping.facility;
  const address = {
    street: reader.text(spec.street),
    houseNumber: reader.text(spec.houseNumber),
    postcode: reader.text(spec.postcode),
    city: reader.text(spec.city),
    district: reader.text(spec.district),
  };
  let location = record.location;
  if (location === null && geocoder) {
    location = await geocoder.geocode(address);
    if (location === null)
      reader.error(
        'MissingCoordinates',
        source.locationField,
        `an address ${geocoder.name} can find`,
        JSON.stringify(address),
        'has no coordinates and the geocoder found none for its address.',
      );
  } else if (location === null) {
    reader.error(
      'MissingCoordinates',
      source.locationField,
      'coordinates (or a geocoder in the mapping)',
      locationFound(reader, mapping),
      'has no coordinates; give them in the source or configure a geocoder.',
    );
  }
  return {
    id,
    providerId: provider?.id ?? null,
    name: reader.text(spec.name) ?? reader.text(mapping.service.name) ?? id,
    address,
    location,
    accessibility: list(reader, spec.accessibility),
    attributes: {},
  };
}

function locationFound(reader: FieldReader, mapping: ServicesMapping): string {
  if (!mapping.coordinates) return 'no geometry';
  const x = reader.raw(mapping.coordinates.x) ?? '';
  const y = reader.raw(mapping.coordinates.y) ?? '';
  return `${x}/${y}`;
}

function planService(
  reader: FieldReader,
  mapping: ServicesMapping,
  id: string,
  facilityId: string,
): ServiceInput {
  const spec = mapping.service;
  const name = reader.text(spec.name);
  if (name === null) reader.error('MissingValue', nameColumn(spec.name), 'a name', null, 'has no name.');
  return {
    id,
    facilityId,
    providerId: null,
    name: name ?? id,
    categoryId: category(reader, spec.category),
    targetGroups: list(reader, spec.targetGroups),
    lifePhases: list(reader, spec.lifePhases),
    languages: list(reader, spec.languages),
    capacity: reader.count(spec.capacity, 'The capacity'),
    freePlaces: reader.count(spec.freePlaces, 'The number of free places'),
    freePlacesDate: reader.date(spec.freePlacesDate, 'The date of the free places'),
    costs: reader.text(spec.costs),
    openingHours: reader.text(spec.openingHours),
    contact: {
      phone: reader.text(spec.phone),
      email: reader.text(spec.email),
      person: reader.text(spec.contactPerson),
    },
    website: reader.text(spec.website),
    description: reader.text(spec.description),
    validFrom: reader.date(mapping.validFrom, 'The start of validity'),
    validTo: reader.date(mapping.validTo, 'The end of validity'),
    lastVerified: reader.date(mapping.lastVerified, 'The date last verified'),
    status: mapping.status,
    attributes: attributes(reader, mapping.attributes),
  };
}

function nameColumn(field: ServicesMapping['service']['name']): string | null {
  return propertiesOf(field)[0] ?? null;
}

function category(reader: FieldReader, field: ServicesMapping['service']['category']): string {
  if ('value' in field) return field.value;
  const raw = reader.raw(field.property);
  const mapped = raw === null ? undefined : field.values[raw];
  if (mapped) return mapped;
  if (field.default) return field.default;
  reader.error(
    'MissingValue',
    field.property,
    `one of ${Object.keys(field.values).join(', ')}`,
    raw,
    'has a value the category mapping does not know.',
  );
  return 'uncategorised';
}

type ListSpec<T extends string> =
  readonly T[] | { property: string; split: string; values?: Record<string, T[]> };

function list<T extends string>(reader: FieldReader, field: ListSpec<T>): T[] {
  if (Array.isArray(field)) return [...(field as readonly T[])];
  const spec = field as Exclude<ListSpec<T>, readonly T[]>;
  const raw = reader.raw(spec.property);
  if (raw === null) return [];
  const items = raw
    .split(spec.split)
    .map((s) => s.trim())
    .filter(Boolean);
  const values = items.flatMap((item) => (spec.values ? (spec.values[item] ?? []) : [item as T]));
  return [...new Set(values)];
}

function attributes(reader: FieldReader, properties: string[]): DirectoryAttributes {
  const result: DirectoryAttributes = {};
  for (const p of properties) result[p] = reader.raw(p);
  return result;
}

/** A provider without a key column is identified by its normalised name. */
function slug(name: string): string {
  return normalizeText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const geocoders = new Map<string, Geocoder>();

/** One geocoder (with its cache) per configuration, shared by the dry run and the apply. */
function sharedGeocoder(config: GeocoderConfig): Geocoder {
  const key = JSON.stringify(config);
  let geocoder = geocoders.get(key);
  if (!geocoder) geocoders.set(key, (geocoder = createGeocoder(config)));
  return geocoder;
}
