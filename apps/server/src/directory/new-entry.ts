import {
  DomainError,
  EMPTY_EDITABLE_FIELDS,
  PLACEMENT_FIELD_LABELS,
  validateEditableFields,
  validateNewFacility,
  type CategoryTree,
  type EditableServiceFields,
  type GeoPoint,
  type NewFacility,
  type PlacementField,
} from '@lagebild/core';
import type { NewDirectoryChange } from '@lagebild/store';

/** What the new-entry form sends (`POST /directory/editorial/entries`). */
export interface NewEntryRequest {
  providerId?: string | null;
  categoryId: string;
  fields: Partial<EditableServiceFields>;
  facilityName?: string | null;
  address: {
    street?: string | null;
    houseNumber?: string | null;
    postcode?: string | null;
    city?: string | null;
    district?: string | null;
  };
  lat?: number | null;
  lon?: number | null;
  message?: string | null;
  reportId?: string | null;
}

/** Finds coordinates for an address; null: not found; `error`: the geocoder failed. */
export type Geocode = (address: string) => Promise<GeoPoint | null | { error: string }>;

export interface NewEntryContext {
  /** The Träger the caller may create entries for (null: every one), and the known ones by id. */
  allowed: Set<string> | null;
  known: Map<string, string>;
  categories: CategoryTree;
  geocode: Geocode | null;
  submittedBy: string;
}

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Checks a proposed new entry field by field and turns it into a `new` change: the Träger (an
 * editor's own, chosen when it has several), a category of the configured tree, the editable fields,
 * and the facility's address with coordinates (typed, or found by the geocoder when one is set up).
 * Every problem is reported at once, at its field (`ValidationFailed`, `details.fields`).
 */
export async function newEntryChange(
  request: NewEntryRequest,
  ctx: NewEntryContext,
): Promise<NewDirectoryChange> {
  const problems: FieldProblem[] = [];
  const at = (field: PlacementField, problem: string) =>
    problems.push({ field, message: `${PLACEMENT_FIELD_LABELS[field]}: ${problem}` });

  const providerId = chooseProvider(request.providerId ?? null, ctx, at);
  const categoryId = request.categoryId.trim();
  if (categoryId === '') at('categoryId', 'Bitte wählen Sie eine Kategorie.');
  else if (!ctx.categories.categories.some((c) => c.id === categoryId))
    at('categoryId', `„${categoryId}“ gibt es in der Kategorienliste nicht.`);

  const fields: EditableServiceFields = { ...EMPTY_EDITABLE_FIELDS, ...request.fields };
  problems.push(...validateEditableFields(fields));

  const address = {
    street: text(request.address.street),
    houseNumber: text(request.address.houseNumber),
    postcode: text(request.address.postcode),
    city: text(request.address.city),
    district: text(request.address.district),
  };
  const location = await locate(request, address, ctx.geocode, at);
  const facility: NewFacility = {
    name: text(request.facilityName) ?? fields.name.trim(),
    address,
    location: location ?? { lon: 0, lat: 0 },
  };
  // Coordinates reported as missing are not reported again as out of range, nor is a facility
  // name taken from the service's name (the name's own error says it).
  const reported = (field: string) =>
    (!location && (field === 'lat' || field === 'lon')) ||
    (field === 'facilityName' && !text(request.facilityName));
  for (const problem of validateNewFacility(facility)) if (!reported(problem.field)) problems.push(problem);

  if (problems.length > 0)
    throw new DomainError('ValidationFailed', problems.map((p) => p.message).join(' '), {
      fields: problems,
    });
  return {
    kind: 'new',
    serviceId: null,
    fields,
    placement: { categoryId, providerId: providerId!, facilityId: null, facility },
    message: request.message ?? null,
    submittedBy: ctx.submittedBy,
    reportId: request.reportId ?? null,
  };
}

/** An editor creates for its own Träger only (403 otherwise); one with several Träger chooses. */
function chooseProvider(
  requested: string | null,
  ctx: NewEntryContext,
  at: (field: PlacementField, problem: string) => void,
): string | null {
  if (ctx.allowed !== null) {
    if (requested !== null && !ctx.allowed.has(requested))
      throw new DomainError(
        'PermissionDenied',
        `Träger "${requested}" is not one your organisation maintains; you can propose entries for your own Träger only.`,
        { providerId: requested },
      );
    if (ctx.allowed.size === 0)
      throw new DomainError('PermissionDenied', 'Your organisation maintains no Träger of the directory.');
    if (requested !== null) return requested;
    if (ctx.allowed.size === 1) return [...ctx.allowed][0]!;
  }
  if (requested === null) {
    at('providerId', 'Bitte wählen Sie den Träger des Angebots.');
    return null;
  }
  if (!ctx.known.has(requested)) {
    at('providerId', `„${requested}“ ist kein Träger im Wegweiser.`);
    return null;
  }
  return requested;
}

/** Typed coordinates, else the geocoder's answer for the address; problems go to lat/lon. */
async function locate(
  request: NewEntryRequest,
  address: NewFacility['address'],
  geocode: Geocode | null,
  at: (field: PlacementField, problem: string) => void,
): Promise<GeoPoint | null> {
  const lat = request.lat ?? null;
  const lon = request.lon ?? null;
  // Typed coordinates are checked with the rest of the facility (validateNewFacility).
  if (lat !== null && lon !== null) return { lon, lat };
  const missing = (problem: string) => {
    if (lat === null) at('lat', problem);
    if (lon === null) at('lon', problem);
    return null;
  };
  if (!geocode || !address.street || !address.city)
    return missing('Koordinaten fehlen – bitte Breiten- und Längengrad eingeben (z. B. 52.52 und 13.405).');
  const line = [
    [address.street, address.houseNumber].filter(Boolean).join(' '),
    [address.postcode, address.city].filter(Boolean).join(' '),
  ].join(', ');
  const found = await geocode(line);
  if (found === null)
    return missing(`Koordinaten fehlen – die Adresse „${line}“ wurde nicht gefunden; bitte eingeben.`);
  if ('error' in found)
    return missing(
      `Koordinaten fehlen – die Adresssuche ist nicht erreichbar (${found.error}); bitte eingeben.`,
    );
  return { lon: found.lon, lat: found.lat };
}

function text(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
