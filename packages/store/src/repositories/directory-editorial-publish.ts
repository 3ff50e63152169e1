import {
  DomainError,
  diffEditableFields,
  editableFieldsOf,
  emptyDiff,
  validateChange,
  withEditableFields,
} from '@lagebild/core';
import type { DirectoryChange, EditableServiceFields, FacilityInput, ServiceInput } from '@lagebild/core';
import type { Transaction } from 'kysely';
import type { ReviewDecision } from '../directory-editorial.ts';
import { stableJson } from '../json.ts';
import type { Database } from '../schema.ts';
import { BatchesRepository } from './batches.repository.ts';
import { refuseFieldErrors } from './directory-editorial-checks.ts';
import { toChange } from './directory-editorial-rows.ts';
import { facilityRow, serviceRow, toService } from './directory-rows.ts';
import { DIRECTORY_FACILITIES, DIRECTORY_SERVICES, emptyDirectoryDiff } from './directory.repository.ts';
import { syncRows, type Row } from './row-sync.ts';

/** The import format of the batches that publish editorial changes. */
export const EDITORIAL_FORMAT = 'directory-editorial';

interface Publication {
  source: string;
  /** A new facility the new service is offered at. */
  facility: FacilityInput | null;
  service: ServiceInput;
  before: EditableServiceFields | null;
  withdraw: boolean;
}

/**
 * Publishes one pending change inside `trx` (the caller holds the batch writers' lock): the entry is
 * written through the directory's row sync as a batch of its own, so its history row records the
 * entry as it was, and undo works as for any import. Nothing is written when nothing changes.
 */
export async function publishInTransaction(
  trx: Transaction<Database>,
  id: string,
  decision: ReviewDecision,
  at: string,
): Promise<void> {
  const row = await trx.selectFrom('directory_changes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('ChangeNotFound', `No change request "${id}".`, { changeId: id });
  const change = toChange(row);
  if (change.status !== 'pending')
    throw new DomainError('Conflict', `Change request "${id}" is ${change.status} already, not pending.`, {
      changeId: id,
      status: change.status,
    });
  const reviewed = { reviewed_by: decision.reviewedBy, reviewed_at: at, review_note: decision.note ?? null };
  if (change.kind === 'report') {
    await trx
      .updateTable('directory_changes')
      .set({ status: 'published', ...reviewed })
      .where('id', '=', id)
      .execute();
    return;
  }
  const publication =
    change.kind === 'new'
      ? await newService(trx, change, at)
      : await changedService(trx, change, decision, at);
  const written = serviceRow(publication.source, publication.service);
  if (publication.withdraw) written.withdrawn_at = at;
  const facility = publication.facility ? facilityRow(publication.source, publication.facility) : null;
  const batchId = await writeBatch(trx, change, written, facility, at, publication.withdraw);
  await trx
    .updateTable('directory_changes')
    .set({
      status: 'published',
      ...reviewed,
      service_id: publication.service.id,
      before: publication.before ? stableJson(publication.before) : null,
      after: publication.withdraw ? null : stableJson(editableFieldsOf(publication.service)),
      batch_id: batchId,
    })
    .where('id', '=', id)
    .execute();
  if (change.reportId) await markReportDealtWith(trx, change.reportId, publication.service.id, reviewed);
}

/**
 * The citizen's report a published change answers is dealt with in the same transaction; a report
 * of a missing service now belongs to the new entry (so the entry's history shows it).
 */
async function markReportDealtWith(
  trx: Transaction<Database>,
  reportId: string,
  serviceId: string,
  reviewed: { reviewed_by: string; reviewed_at: string; review_note: string | null },
): Promise<void> {
  const report = await trx
    .selectFrom('directory_changes')
    .select(['service_id'])
    .where('id', '=', reportId)
    .where('kind', '=', 'report')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  // Dealt with otherwise meanwhile (or rejected): it keeps its own decision.
  if (!report) return;
  await trx
    .updateTable('directory_changes')
    .set({ status: 'published', ...reviewed, service_id: report.service_id ?? serviceId })
    .where('id', '=', reportId)
    .execute();
}

async function changedService(
  trx: Transaction<Database>,
  change: DirectoryChange,
  decision: ReviewDecision,
  at: string,
): Promise<Publication> {
  const row = await trx
    .selectFrom('directory_services')
    .selectAll()
    .where('id', '=', change.serviceId!)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new DomainError('ServiceNotFound', `No directory entry "${change.serviceId}".`, {
      serviceId: change.serviceId,
    });
  const current = toService(row);
  const before = editableFieldsOf(current);
  let service: ServiceInput = { ...current, lastVerified: at.slice(0, 10) };
  if (change.kind === 'edit') {
    const meanwhile = diffEditableFields(change.base ?? before, before);
    if (meanwhile.length > 0 && !decision.overrideConflict)
      throw new DomainError(
        'Conflict',
        `The entry changed since this change was proposed (${meanwhile.map((c) => c.field).join(', ')}); publish anyway only after checking.`,
        { changeId: change.id, fields: meanwhile },
      );
    refuseFieldErrors(validateChange(before, change.fields));
    service = withEditableFields(service, change.fields);
  }
  return { source: row.source, facility: null, service, before, withdraw: change.kind === 'withdraw' };
}

async function newService(
  trx: Transaction<Database>,
  change: DirectoryChange,
  at: string,
): Promise<Publication> {
  const placement = change.placement!;
  const provider = await trx
    .selectFrom('directory_providers')
    .select(['id', 'source'])
    .where('id', '=', placement.providerId)
    .executeTakeFirst();
  if (!provider)
    throw new DomainError('ValidationFailed', `No directory provider "${placement.providerId}".`);
  const facility: FacilityInput | null = placement.facility
    ? {
        id: `${change.id}-facility`,
        providerId: placement.providerId,
        name: placement.facility.name,
        address: placement.facility.address,
        location: placement.facility.location,
        accessibility: [],
        attributes: {},
      }
    : null;
  const blank: ServiceInput = {
    id: change.id,
    facilityId: facility?.id ?? placement.facilityId,
    providerId: placement.providerId,
    name: '',
    categoryId: placement.categoryId,
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
    lastVerified: at.slice(0, 10),
    status: 'published',
    attributes: {},
  };
  return {
    source: provider.source,
    facility,
    service: withEditableFields(blank, change.fields),
    before: null,
    withdraw: false,
  };
}

async function writeBatch(
  trx: Transaction<Database>,
  change: DirectoryChange,
  row: Row,
  facility: Row | null,
  at: string,
  withdraw: boolean,
): Promise<number | null> {
  const preview = await syncRows(trx, DIRECTORY_SERVICES, [row], null);
  if (preview.counts.unchanged === 1 && !facility) return null;
  const batches = new BatchesRepository(trx);
  const batchId = await batches.create({
    file: `redaktion:${change.id}`,
    format: EDITORIAL_FORMAT,
    mapping: { changeId: change.id, kind: change.kind },
    createdAt: at,
    diff: emptyDiff(),
  });
  const stamp = (r: Row, old: Row | null): Row => ({
    ...r,
    created_at: old?.created_at ?? at,
    updated_at: at,
  });
  // The facility first: the service refers to it.
  const facilities = facility
    ? { ...(await syncRows(trx, DIRECTORY_FACILITIES, [facility], batchId, stamp)).counts, withdrawn: 0 }
    : emptyDirectoryDiff().facilities;
  const { counts } = await syncRows(trx, DIRECTORY_SERVICES, [row], batchId, stamp);
  const services = withdraw
    ? { ...counts, updated: counts.updated - 1, withdrawn: 1 }
    : { ...counts, withdrawn: 0 };
  await batches.setDiff(batchId, {
    ...emptyDiff(),
    directory: { ...emptyDirectoryDiff(), facilities, services },
  });
  return batchId;
}
