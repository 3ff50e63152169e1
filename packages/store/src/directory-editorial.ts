import type {
  DirectoryChange,
  DirectoryChangeKind,
  DirectoryChangeStatus,
  DirectoryHistoryItem,
  EditableServiceFields,
  NewServicePlacement,
  ReporterContact,
} from '@lagebild/core';

export interface ProviderLink {
  providerId: string;
  organisationId: string;
  linkedAt: string;
}

export interface NewDirectoryChange {
  kind: DirectoryChangeKind;
  serviceId: string | null;
  fields?: Partial<EditableServiceFields>;
  placement?: NewServicePlacement | null;
  message?: string | null;
  submittedBy: string | null;
  reporter?: ReporterContact | null;
  /** A pending citizen's report this change answers (edit, new); publishing marks it dealt with. */
  reportId?: string | null;
}

export interface DirectoryChangeQuery {
  status?: DirectoryChangeStatus;
  /** Only changes of these services (or, with `includeUnattached`, also those of no service). */
  serviceIds?: readonly string[];
  submittedBy?: string;
  kinds?: readonly DirectoryChangeKind[];
}

export interface ReviewDecision {
  reviewedBy: string;
  note?: string | null;
  /** Publish although the entry changed since the change was proposed. */
  overrideConflict?: boolean;
}

export interface ReminderRecord {
  userId: string;
  serviceId: string;
  sentAt: string;
}

/**
 * The Wegweiser's editorial workflow in the store (`store.directoryEditorial`, migration 0008).
 * Errors meant for users are DomainErrors: `ServiceNotFound`, `ValidationFailed` (a field, with
 * `details.fields` per field; an unknown provider or organisation), `Conflict` (a change no longer
 * pending; an entry changed since the change was proposed, with `details.fields`).
 */
export interface DirectoryEditorialStore {
  /** Lets the users of `organisationId` (kind `provider`) edit the services of Träger `providerId`. */
  linkProvider(providerId: string, organisationId: string): Promise<ProviderLink>;
  unlinkProvider(providerId: string): Promise<void>;
  /** Ordered by provider id. */
  listProviderLinks(organisationId?: string): Promise<ProviderLink[]>;

  /**
   * Records a proposed change with the entry's current fields as its base. A `verify` of an entry
   * is published at once (by its submitter); everything else waits as `pending`.
   */
  proposeChange(change: NewDirectoryChange): Promise<DirectoryChange>;
  getChange(id: string): Promise<DirectoryChange | null>;
  /** Oldest first. */
  listChanges(query?: DirectoryChangeQuery): Promise<DirectoryChange[]>;
  /**
   * Publishes a pending change in one transaction: the entry is written as an import batch of format
   * `directory-editorial` (history and undo as for imports), last verified becomes today. A report
   * writes nothing: publishing it marks it as dealt with.
   */
  publishChange(id: string, decision: ReviewDecision): Promise<DirectoryChange>;
  rejectChange(id: string, decision: ReviewDecision): Promise<DirectoryChange>;
  /** Imports and published changes of one service, oldest first. */
  entryHistory(serviceId: string): Promise<DirectoryHistoryItem[]>;

  recordReminders(reminders: readonly ReminderRecord[]): Promise<void>;
  /** The newest reminder per user and service sent at or after `since`. */
  remindersSince(since: string): Promise<ReminderRecord[]>;
}
