import {
  DIRECTORY_CHANGE_KINDS,
  DomainError,
  EDITABLE_FIELDS,
  EMPTY_EDITABLE_FIELDS,
  changedFields,
  validateChange,
  validateEditableFields,
  validateNewFacility,
} from '@lagebild/core';
import type { EditableServiceFields, NewFacility } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type { NewDirectoryChange } from '../directory-editorial.ts';
import type { Database } from '../schema.ts';
import type { ChangeToWrite } from './directory-editorial-rows.ts';

const MESSAGE_LIMIT = 4000;

/**
 * What the store guarantees about a change request, whoever sends it: a known kind, an entry for the
 * kinds that need one, only editable fields, valid values (German messages per field in
 * `details.fields`), a real placement for a new service, a message for a report.
 */
export async function checkProposal(
  db: Kysely<Database>,
  input: NewDirectoryChange,
  base: EditableServiceFields | null,
): Promise<Omit<ChangeToWrite, 'id' | 'base' | 'submittedAt'>> {
  if (!DIRECTORY_CHANGE_KINDS.includes(input.kind))
    invalid(`kind must be one of ${DIRECTORY_CHANGE_KINDS.join(', ')}, got "${input.kind}"`);
  if (input.kind !== 'report' && !input.submittedBy) invalid(`a ${input.kind} change needs its submitter`);
  const message = input.message?.trim() || null;
  if (message !== null && message.length > MESSAGE_LIMIT)
    invalid(`message: at most ${MESSAGE_LIMIT} characters, got ${message.length}`);
  const proposed = input.fields ?? {};
  const unknown = Object.keys(proposed).filter((f) => !(EDITABLE_FIELDS as readonly string[]).includes(f));
  if (unknown.length > 0) invalid(`fields not editable: ${unknown.join(', ')}`);
  const common = {
    kind: input.kind,
    serviceId: input.serviceId,
    message,
    submittedBy: input.submittedBy,
    reporter: input.reporter ?? null,
    placement: null,
    reportId: await checkReport(db, input),
  };
  switch (input.kind) {
    case 'edit': {
      const fields = changedFields(base!, proposed);
      if (Object.keys(fields).length === 0) invalid('the change leaves every field as it is');
      refuseFieldErrors(validateChange(base!, fields));
      return { ...common, fields };
    }
    case 'new': {
      if (input.serviceId !== null) invalid('a new service has no service id yet');
      const placement = input.placement;
      if (!placement) invalid('a new service needs a category and a provider');
      await checkPlacement(db, placement);
      const full = { ...EMPTY_EDITABLE_FIELDS, ...proposed };
      refuseFieldErrors(validateEditableFields(full));
      const { categoryId, providerId, facilityId, facility } = placement;
      return {
        ...common,
        fields: full,
        placement: { categoryId, providerId, facilityId, ...(facility ? { facility: tidy(facility) } : {}) },
      };
    }
    case 'report':
      if (message === null) invalid('a report needs a message');
      return { ...common, fields: {} };
    default:
      if (input.serviceId === null) invalid(`a ${input.kind} change needs a service id`);
      if (Object.keys(proposed).length > 0) invalid(`a ${input.kind} change proposes no fields`);
      return { ...common, fields: {} };
  }
}

async function checkPlacement(
  db: Kysely<Database>,
  placement: NonNullable<NewDirectoryChange['placement']>,
): Promise<void> {
  if (!placement.categoryId?.trim()) invalid('a new service needs a category');
  const provider = await db
    .selectFrom('directory_providers')
    .select('id')
    .where('id', '=', placement.providerId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!provider) invalid(`no directory provider "${placement.providerId}"`);
  if (placement.facility && placement.facilityId !== null)
    invalid('a new service is offered at an existing facility or at a new one, not both');
  if (placement.facility) refuseFieldErrors(validateNewFacility(placement.facility));
  if (placement.facilityId === null) return;
  const facility = await db
    .selectFrom('directory_facilities')
    .select(['id', 'provider_id'])
    .where('id', '=', placement.facilityId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!facility) invalid(`no facility "${placement.facilityId}"`);
  if (facility.provider_id !== placement.providerId)
    invalid(`facility "${placement.facilityId}" is not run by provider "${placement.providerId}"`);
}

/** Only the facility's known properties, blank texts as null. */
function tidy(facility: NewFacility): NewFacility {
  const text = (value: string | null | undefined) => value?.trim() || null;
  const a = facility.address;
  return {
    name: facility.name.trim(),
    address: {
      street: text(a.street),
      houseNumber: text(a.houseNumber),
      postcode: text(a.postcode),
      city: text(a.city),
      district: text(a.district),
    },
    location: { lon: facility.location.lon, lat: facility.location.lat },
  };
}

/** The report a change answers: a pending report, of the entry an edit changes (or of none). */
async function checkReport(db: Kysely<Database>, input: NewDirectoryChange): Promise<string | null> {
  if (!input.reportId) return null;
  if (input.kind !== 'edit' && input.kind !== 'new')
    invalid(`a ${input.kind} change does not answer a report`);
  const report = await db
    .selectFrom('directory_changes')
    .select(['kind', 'status', 'service_id'])
    .where('id', '=', input.reportId)
    .executeTakeFirst();
  if (!report || report.kind !== 'report') invalid(`no report "${input.reportId}"`);
  if (report.status !== 'pending') invalid(`report "${input.reportId}" is ${report.status} already`);
  if (input.kind === 'edit' && report.service_id !== null && report.service_id !== input.serviceId)
    invalid(`report "${input.reportId}" is about entry "${report.service_id}", not "${input.serviceId}"`);
  return input.reportId;
}

export function refuseFieldErrors(errors: readonly { field: string; message: string }[]): void {
  if (errors.length === 0) return;
  throw new DomainError('ValidationFailed', errors.map((e) => e.message).join(' '), { fields: errors });
}

function invalid(message: string): never {
  throw new DomainError('ValidationFailed', `directory change: ${message}`);
}
