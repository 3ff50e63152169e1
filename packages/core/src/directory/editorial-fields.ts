import type { ServiceInput } from './directory-types.ts';

/**
 * The fields of a service that provider editors maintain themselves. Classification (category,
 * target groups, life phases), location and provider stay with the source and the planners.
 */
export interface EditableServiceFields {
  name: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  contactPerson: string | null;
  website: string | null;
  openingHours: string | null;
  costs: string | null;
  capacity: number | null;
  freePlaces: number | null;
  /** ISO date the free places were reported. */
  freePlacesDate: string | null;
  /** ISO 639-1 codes. */
  languages: string[];
  validFrom: string | null;
  validTo: string | null;
}

export type EditableField = keyof EditableServiceFields;

export const EDITABLE_FIELDS: readonly EditableField[] = [
  'name',
  'description',
  'phone',
  'email',
  'contactPerson',
  'website',
  'openingHours',
  'costs',
  'capacity',
  'freePlaces',
  'freePlacesDate',
  'languages',
  'validFrom',
  'validTo',
];

/** German field names, for messages that tell editors which field is wrong. */
export const EDITABLE_FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  name: 'Name',
  description: 'Beschreibung',
  phone: 'Telefon',
  email: 'E-Mail',
  contactPerson: 'Ansprechperson',
  website: 'Webseite',
  openingHours: 'Öffnungszeiten',
  costs: 'Kosten',
  capacity: 'Plätze',
  freePlaces: 'Freie Plätze',
  freePlacesDate: 'Stand der freien Plätze',
  languages: 'Sprachen',
  validFrom: 'Gültig ab',
  validTo: 'Gültig bis',
};

export function editableFieldsOf(service: ServiceInput): EditableServiceFields {
  return {
    name: service.name,
    description: service.description,
    phone: service.contact.phone,
    email: service.contact.email,
    contactPerson: service.contact.person,
    website: service.website,
    openingHours: service.openingHours,
    costs: service.costs,
    capacity: service.capacity,
    freePlaces: service.freePlaces,
    freePlacesDate: service.freePlacesDate,
    languages: [...service.languages],
    validFrom: service.validFrom,
    validTo: service.validTo,
  };
}

/** The service with the given fields replaced; fields not given stay as they are. */
export function withEditableFields<S extends ServiceInput>(
  service: S,
  fields: Partial<EditableServiceFields>,
): S {
  const merged = { ...editableFieldsOf(service), ...fields };
  return {
    ...service,
    name: merged.name,
    description: merged.description,
    contact: { phone: merged.phone, email: merged.email, person: merged.contactPerson },
    website: merged.website,
    openingHours: merged.openingHours,
    costs: merged.costs,
    capacity: merged.capacity,
    freePlaces: merged.freePlaces,
    freePlacesDate: merged.freePlacesDate,
    languages: [...merged.languages],
    validFrom: merged.validFrom,
    validTo: merged.validTo,
  };
}

export interface FieldChange {
  field: EditableField;
  before: unknown;
  after: unknown;
}

/** The fields whose value differs between two versions of an entry, in field order. */
export function diffEditableFields(
  before: Partial<EditableServiceFields>,
  after: Partial<EditableServiceFields>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (!(field in after) && !(field in before)) continue;
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** Of `proposed`, the fields that actually change `current`. */
export function changedFields(
  current: EditableServiceFields,
  proposed: Partial<EditableServiceFields>,
): Partial<EditableServiceFields> {
  const out: Partial<EditableServiceFields> = {};
  for (const { field } of diffEditableFields(current, { ...current, ...proposed }))
    (out as Record<string, unknown>)[field] = proposed[field];
  return out;
}
