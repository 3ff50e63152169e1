import { EDITABLE_FIELD_LABELS, type EditableField, type EditableServiceFields } from './editorial-fields.ts';

/** One problem with one field, worded for the editor (German, naming the field). */
export interface FieldError {
  field: EditableField;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Digits with the separators people write in German numbers: +49 30 123456-7, (030) 12 34 56, 030/1234.
const PHONE = /^\+?[\d\s()/\-.]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const LANGUAGE = /^[a-z]{2}$/;
const TEXT_LIMIT: Partial<Record<EditableField, number>> = {
  name: 200,
  description: 4000,
  contactPerson: 200,
  openingHours: 1000,
  costs: 1000,
  website: 500,
};

/**
 * Checks a complete set of editable fields (the entry as it would be after the change): every
 * problem, one per field, in field order.
 */
export function validateEditableFields(fields: EditableServiceFields): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: EditableField, problem: string) => {
    if (!errors.some((e) => e.field === field))
      errors.push({ field, message: `${EDITABLE_FIELD_LABELS[field]}: ${problem}` });
  };
  if (fields.name.trim() === '') add('name', 'darf nicht leer sein.');
  for (const [field, limit] of Object.entries(TEXT_LIMIT) as [EditableField, number][]) {
    const value = fields[field];
    if (typeof value === 'string' && value.length > limit)
      add(field, `höchstens ${limit} Zeichen, eingegeben wurden ${value.length}.`);
  }
  if (fields.phone !== null && !PHONE.test(fields.phone))
    add('phone', `„${fields.phone}“ ist keine Telefonnummer (nur Ziffern, Leerzeichen, + ( ) / -).`);
  if (fields.email !== null && !EMAIL.test(fields.email))
    add('email', `„${fields.email}“ ist keine E-Mail-Adresse (Beispiel: info@traeger.de).`);
  if (fields.website !== null && !isWebAddress(fields.website))
    add('website', `„${fields.website}“ ist keine Webadresse (sie beginnt mit https:// oder http://).`);
  checkCount(fields.capacity, 'capacity', add);
  checkCount(fields.freePlaces, 'freePlaces', add);
  if (
    fields.capacity !== null &&
    fields.freePlaces !== null &&
    Number.isFinite(fields.capacity) &&
    fields.freePlaces > fields.capacity
  )
    add('freePlaces', `${fields.freePlaces} freie Plätze sind mehr als ${fields.capacity} Plätze insgesamt.`);
  for (const field of ['freePlacesDate', 'validFrom', 'validTo'] as const) {
    const value = fields[field];
    if (value !== null && !isIsoDate(value))
      add(field, `„${value}“ ist kein Datum (erwartet JJJJ-MM-TT, z. B. 2026-03-01).`);
  }
  if (
    fields.validFrom !== null &&
    fields.validTo !== null &&
    isIsoDate(fields.validFrom) &&
    isIsoDate(fields.validTo) &&
    fields.validTo <= fields.validFrom
  )
    add('validTo', `${fields.validTo} muss nach dem Beginn ${fields.validFrom} liegen.`);
  const badLanguage = fields.languages.find((l) => !LANGUAGE.test(l));
  if (badLanguage !== undefined)
    add(
      'languages',
      `„${badLanguage}“ ist kein Sprachkürzel (zwei Kleinbuchstaben nach ISO 639-1, z. B. de, tr).`,
    );
  return errors;
}

/** Fields checked together: a change to one may make the other wrong. */
const RELATED: Partial<Record<EditableField, EditableField[]>> = {
  capacity: ['freePlaces'],
  validFrom: ['validTo'],
};

/**
 * Checks a proposed change against the current entry: the entry as it would be afterwards, reporting
 * only problems the change touches (an old entry's odd value elsewhere does not block a phone fix).
 */
export function validateChange(
  current: EditableServiceFields,
  proposed: Partial<EditableServiceFields>,
): FieldError[] {
  const touched = new Set<EditableField>();
  for (const field of Object.keys(proposed) as EditableField[]) {
    touched.add(field);
    for (const related of RELATED[field] ?? []) touched.add(related);
  }
  return validateEditableFields({ ...current, ...proposed }).filter((e) => touched.has(e.field));
}

function checkCount(
  value: number | null,
  field: EditableField,
  add: (field: EditableField, problem: string) => void,
): void {
  if (value === null) return;
  if (!Number.isFinite(value) || value < 0)
    add(field, `muss eine Zahl ab 0 sein, eingegeben wurde ${value}.`);
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A real calendar date in ISO form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
