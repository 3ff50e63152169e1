import type { NewFacility } from './editorial-changes.ts';
import type { EditableServiceFields } from './editorial-fields.ts';

/** A new service starts from these values; the proposal fills in the rest. */
export const EMPTY_EDITABLE_FIELDS: Readonly<EditableServiceFields> = {
  name: '',
  description: null,
  phone: null,
  email: null,
  contactPerson: null,
  website: null,
  openingHours: null,
  costs: null,
  capacity: null,
  freePlaces: null,
  freePlacesDate: null,
  languages: [],
  validFrom: null,
  validTo: null,
};

/** The fields of a proposed new service beyond its editable fields: Träger, category and location. */
export const PLACEMENT_FIELDS = [
  'providerId',
  'categoryId',
  'facilityName',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'district',
  'lat',
  'lon',
] as const;
export type PlacementField = (typeof PLACEMENT_FIELDS)[number];

/** German field names, for messages that tell editors which field is wrong. */
export const PLACEMENT_FIELD_LABELS: Readonly<Record<PlacementField, string>> = {
  providerId: 'Träger',
  categoryId: 'Kategorie',
  facilityName: 'Name der Einrichtung',
  street: 'Straße',
  houseNumber: 'Hausnummer',
  postcode: 'Postleitzahl',
  city: 'Ort',
  district: 'Ortsteil',
  lat: 'Breitengrad',
  lon: 'Längengrad',
};

export interface PlacementFieldError {
  field: PlacementField;
  message: string;
}

/**
 * Where a new entry may lie: Germany with a margin. A point outside is almost always a typo or
 * latitude and longitude swapped (13.4 / 52.5 instead of 52.5 / 13.4), which the message suggests.
 */
export const PLAUSIBLE_BOX = { lon: [5.5, 15.5], lat: [47, 55.5] } as const;

const ADDRESS_LIMITS: Partial<Record<PlacementField, number>> = {
  facilityName: 200,
  street: 200,
  houseNumber: 20,
  postcode: 10,
  city: 200,
  district: 200,
};
const POSTCODE = /^\d{5}$/;

/** A new facility's name, address and coordinates: every problem, one per field. */
export function validateNewFacility(facility: NewFacility): PlacementFieldError[] {
  const errors: PlacementFieldError[] = [];
  const add = (field: PlacementField, problem: string) => {
    if (!errors.some((e) => e.field === field))
      errors.push({ field, message: `${PLACEMENT_FIELD_LABELS[field]}: ${problem}` });
  };
  const values: Partial<Record<PlacementField, string | null>> = {
    facilityName: facility.name,
    street: facility.address.street,
    houseNumber: facility.address.houseNumber,
    postcode: facility.address.postcode,
    city: facility.address.city,
    district: facility.address.district,
  };
  if (!facility.name?.trim()) add('facilityName', 'darf nicht leer sein.');
  if (!facility.address.street?.trim()) add('street', 'darf nicht leer sein.');
  if (!facility.address.city?.trim()) add('city', 'darf nicht leer sein.');
  for (const [field, limit] of Object.entries(ADDRESS_LIMITS) as [PlacementField, number][]) {
    const value = values[field];
    if (typeof value === 'string' && value.length > limit)
      add(field, `höchstens ${limit} Zeichen, eingegeben wurden ${value.length}.`);
  }
  const postcode = facility.address.postcode;
  if (postcode !== null && postcode !== '' && !POSTCODE.test(postcode))
    add('postcode', `„${postcode}“ ist keine Postleitzahl (fünf Ziffern, z. B. 10115).`);
  for (const error of coordinateErrors(facility.location)) add(error.field, error.problem);
  return errors;
}

/** Coordinates as typed: finite numbers inside the plausible box. */
export function coordinateErrors(location: {
  lon: number;
  lat: number;
}): { field: 'lat' | 'lon'; problem: string }[] {
  const errors: { field: 'lat' | 'lon'; problem: string }[] = [];
  const swapped = inRange(location.lat, PLAUSIBLE_BOX.lon) && inRange(location.lon, PLAUSIBLE_BOX.lat);
  for (const field of ['lat', 'lon'] as const) {
    const value = location[field];
    const [min, max] = PLAUSIBLE_BOX[field];
    if (typeof value !== 'number' || !Number.isFinite(value))
      errors.push({
        field,
        problem: `„${String(value)}“ ist keine Zahl (z. B. ${field === 'lat' ? '52.52' : '13.405'}).`,
      });
    else if (!inRange(value, [min, max]))
      errors.push({
        field,
        problem: `${value} liegt nicht in Deutschland (erwartet ${min} bis ${max})${swapped ? ' – Breiten- und Längengrad vertauscht?' : '.'}`,
      });
  }
  return errors;
}

function inRange(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}
