import { randomUUID } from 'node:crypto';
import { DomainError, editableFieldsOf, diffEditableFields } from '@lagebild/core';
import type { DirectoryChange, DirectoryHistoryItem, EditableServiceFields } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type {
  DirectoryChangeQuery,
  DirectoryEditorialStore,
  NewDirectoryChange,
  ProviderLink,
  ReminderRecord,
  ReviewDecision,
} from '../directory-editorial.ts';
import type { Engine } from '../engine.ts';
import type { Database } from '../schema.ts';
import { checkProposal } from './directory-editorial-checks.ts';
import { changeRow, toChange } from './directory-editorial-rows.ts';
import { publishInTransaction } from './directory-editorial-publish.ts';
import { toService } from './directory-rows.ts';
import type { Row } from './row-sync.ts';

/** Provider links, change requests, publication, entry history and reminders (migration 0008). */
export class DirectoryEditorialRepository implements DirectoryEditorialStore {
  readonly #db: Kysely<Database>;

  constructor(
    private readonly engine: Engine,
    private readonly now: () => Date,
  ) {
    this.#db = engine.db;
  }

  async linkProvider(providerId: string, organisationId: string): Promise<ProviderLink> {
    const provider = await this.#db
      .selectFrom('directory_providers')
      .select('id')
      .where('id', '=', providerId)
      .executeTakeFirst();
    if (!provider) throw new DomainError('ValidationFailed', `No directory provider "${providerId}".`);
    const organisation = await this.#db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!organisation) throw new DomainError('ValidationFailed', `No organisation "${organisationId}".`);
    if (organisation.kind !== 'provider')
      throw new DomainError(
        'ValidationFailed',
        `Organisation "${organisationId}" is of kind "${organisation.kind}"; Träger are linked to organisations of kind "provider".`,
      );
    const link = { provider_id: providerId, organisation_id: organisationId, linked_at: this.#stamp() };
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('directory_provider_organisations')
        .where('provider_id', '=', providerId)
        .execute();
      await trx.insertInto('directory_provider_organisations').values(link).execute();
    });
    return { providerId, organisationId, linkedAt: link.linked_at };
  }

  async unlinkProvider(providerId: string): Promise<void> {
    await this.#db
      .deleteFrom('directory_provider_organisations')
      .where('provider_id', '=', providerId)
      .execute();
  }

  async listProviderLinks(organisationId?: string): Promise<ProviderLink[]> {
    const rows = await this.#db
      .selectFrom('directory_provider_organisations')
      .selectAll()
      .$if(organisationId !== undefined, (q) => q.where('organisation_id', '=', organisationId!))
      .orderBy('provider_id')
      .execute();
    return rows.map((r) => ({
      providerId: r.provider_id,
      organisationId: r.organisation_id,
      linkedAt: r.linked_at,
    }));
  }

  async proposeChange(input: NewDirectoryChange): Promise<DirectoryChange> {
    const base = input.serviceId ? await this.#currentFields(input.serviceId) : null;
    const checked = await checkProposal(this.#db, input, base);
    const row = changeRow({ ...checked, id: randomUUID(), base, submittedAt: this.#stamp() });
    await this.#db.insertInto('directory_changes').values(row).execute();
    // A bare verification changes nothing the public sees: it is published by its submitter.
    if (input.kind === 'verify')
      return this.publishChange(row.id, { reviewedBy: input.submittedBy!, note: null });
    return toChange(row);
  }

  async getChange(id: string): Promise<DirectoryChange | null> {
    const row = await this.#db
      .selectFrom('directory_changes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toChange(row) : null;
  }

  async listChanges(query: DirectoryChangeQuery = {}): Promise<DirectoryChange[]> {
    if (query.serviceIds && query.serviceIds.length === 0) return [];
    const rows = await this.#db
      .selectFrom('directory_changes')
      .selectAll()
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .$if(query.submittedBy !== undefined, (q) => q.where('submitted_by', '=', query.submittedBy!))
      .$if(query.serviceIds !== undefined, (q) => q.where('service_id', 'in', [...query.serviceIds!]))
      .$if(query.kinds !== undefined, (q) => q.where('kind', 'in', [...query.kinds!]))
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
    return rows.map(toChange);
  }

  async publishChange(id: string, decision: ReviewDecision): Promise<DirectoryChange> {
    const at = this.#stamp();
    await this.#db.transaction().execute(async (trx) => {
      await this.engine.capabilities.lockBatchWriters(trx);
      await publishInTransaction(trx, id, decision, at);
    });
    return (await this.getChange(id))!;
  }

  async rejectChange(id: string, decision: ReviewDecision): Promise<DirectoryChange> {
    const result = await this.#db
      .updateTable('directory_changes')
      .set({
        status: 'rejected',
        reviewed_by: decision.reviewedBy,
        reviewed_at: this.#stamp(),
        review_note: decision.note ?? null,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await this.#refuseNotPending(id);
    return (await this.getChange(id))!;
  }

  async entryHistory(serviceId: string): Promise<DirectoryHistoryItem[]> {
    const current = await this.#db
      .selectFrom('directory_services')
      .selectAll()
      .where('id', '=', serviceId)
      .executeTakeFirst();
    if (!current)
      throw new DomainError('ServiceNotFound', `No directory entry "${serviceId}".`, { serviceId });
    const history = await this.#db
      .selectFrom('directory_service_history')
      .selectAll()
      .where('id', '=', serviceId)
      .execute();
    const batchIds = [
      ...new Set(
        [...history.flatMap((h) => [h.batch_id, h.old_batch_id]), current.batch_id]
          .filter((id) => id !== null)
          .map(Number),
      ),
    ];
    const batches = await this.#db
      .selectFrom('import_batches')
      .select(['id', 'created_at', 'file', 'format'])
      .where('id', 'in', batchIds)
      .where('status', '=', 'applied')
      .execute();
    const changes = await this.listChanges({ serviceIds: [serviceId], status: 'published' });
    const byBatch = new Map(changes.filter((c) => c.batchId !== null).map((c) => [c.batchId!, c]));
    // A history row is the row as its old batch wrote it; the current row is its batch's version.
    const writtenBy = (batch: number): Row | null =>
      Number(current.batch_id) === batch
        ? (current as unknown as Row)
        : ((history.find((h) => Number(h.old_batch_id) === batch) as unknown as Row) ?? null);
    const replacedBy = (batch: number): Row | null =>
      (history.find((h) => Number(h.batch_id) === batch) as unknown as Row) ?? null;
    const items: DirectoryHistoryItem[] = batches.map((b) => {
      const id = Number(b.id);
      const change = byBatch.get(id) ?? null;
      return {
        at: b.created_at,
        kind: change?.kind ?? 'import',
        by: change ? change.reviewedBy : null,
        proposedBy: change ? change.submittedBy : null,
        changeId: change?.id ?? null,
        batchId: id,
        file: change ? null : b.file,
        changes: diffEditableFields(fieldsOfRow(replacedBy(id)) ?? {}, fieldsOfRow(writtenBy(id)) ?? {}),
        note: change?.reviewNote ?? null,
      };
    });
    for (const report of changes.filter((c) => c.batchId === null))
      items.push({
        at: report.reviewedAt!,
        kind: report.kind,
        by: report.reviewedBy,
        proposedBy: report.submittedBy,
        changeId: report.id,
        batchId: null,
        file: null,
        changes: [],
        note: report.reviewNote,
      });
    return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.batchId ?? 0) - (b.batchId ?? 0)));
  }

  async recordReminders(reminders: readonly ReminderRecord[]): Promise<void> {
    if (reminders.length === 0) return;
    await this.#db
      .insertInto('directory_reminders')
      .values(reminders.map((r) => ({ user_id: r.userId, service_id: r.serviceId, sent_at: r.sentAt })))
      .execute();
  }

  async remindersSince(since: string): Promise<ReminderRecord[]> {
    const rows = await this.#db
      .selectFrom('directory_reminders')
      .select(['user_id', 'service_id'])
      .select((eb) => eb.fn.max('sent_at').as('sent_at'))
      .where('sent_at', '>=', since)
      .groupBy(['user_id', 'service_id'])
      .orderBy('user_id')
      .orderBy('service_id')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, serviceId: r.service_id, sentAt: String(r.sent_at) }));
  }

  async #currentFields(serviceId: string): Promise<EditableServiceFields> {
    const row = await this.#db
      .selectFrom('directory_services')
      .selectAll()
      .where('id', '=', serviceId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new DomainError('ServiceNotFound', `No directory entry "${serviceId}".`, { serviceId });
    return editableFieldsOf(toService(row));
  }

  async #refuseNotPending(id: string): Promise<never> {
    const change = await this.getChange(id);
    if (!change) throw new DomainError('ChangeNotFound', `No change request "${id}".`, { changeId: id });
    throw new DomainError('Conflict', `Change request "${id}" is ${change.status} already, not pending.`, {
      changeId: id,
      status: change.status,
    });
  }

  #stamp(): string {
    return this.now().toISOString();
  }
}

function fieldsOfRow(row: Row | null): EditableServiceFields | null {
  if (!row) return null;
  return editableFieldsOf(toService(row as never));
}
