import type { GeoPoint, PostalAddress } from './directory-types.ts';
import type { EditableServiceFields, FieldChange } from './editorial-fields.ts';

/**
 * Change requests of the Wegweiser's editorial workflow. Nothing an editor or a citizen sends is
 * public before a reviewer publishes it; only a bare verification ("the entry is still right") is
 * published at once, since it changes no field the public sees.
 */
export const DIRECTORY_CHANGE_KINDS = ['edit', 'new', 'withdraw', 'verify', 'report'] as const;
export type DirectoryChangeKind = (typeof DIRECTORY_CHANGE_KINDS)[number];

export const DIRECTORY_CHANGE_STATUSES = ['pending', 'published', 'rejected'] as const;
export type DirectoryChangeStatus = (typeof DIRECTORY_CHANGE_STATUSES)[number];

/** A new service proposed by a provider editor: its fields, its category and where it is offered. */
export interface NewServicePlacement {
  categoryId: string;
  providerId: string;
  /** An existing facility of the provider; null with `facility`: a new one; null without: none. */
  facilityId: string | null;
  /** A new facility of the provider, created when the change is published. */
  facility?: NewFacility | null;
}

/** Where a proposed new service is offered, when its facility is not in the directory yet. */
export interface NewFacility {
  name: string;
  address: PostalAddress;
  location: GeoPoint;
}

export interface ReporterContact {
  name: string | null;
  email: string | null;
}

export interface DirectoryChange {
  id: string;
  /** null for a proposed new service and for a report of a missing one. */
  serviceId: string | null;
  kind: DirectoryChangeKind;
  /** The proposed values (edit, new); empty for withdraw, verify and report. */
  fields: Partial<EditableServiceFields>;
  /** For a proposed new service. */
  placement: NewServicePlacement | null;
  /** Free text: the report of a citizen, or the editor's note to the reviewer. */
  message: string | null;
  /** The entry as it was when the change was proposed (null without an entry). */
  base: EditableServiceFields | null;
  status: DirectoryChangeStatus;
  /** The user who proposed it; null for a public report. */
  submittedBy: string | null;
  reporter: ReporterContact | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** The entry before and after publication (what the history shows). */
  before: EditableServiceFields | null;
  after: EditableServiceFields | null;
  /** The write that published it (an import batch of format `directory-editorial`). */
  batchId: number | null;
  /** The citizen's report this change answers (edit, new); publishing it marks the report dealt with. */
  reportId: string | null;
}

/** One line of an entry's history: an import that wrote it, or a published editorial change. */
export interface DirectoryHistoryItem {
  at: string;
  kind: 'import' | DirectoryChangeKind;
  /** Who changed it: the reviewer who published (and who proposed), or the import file. */
  by: string | null;
  proposedBy: string | null;
  changeId: string | null;
  batchId: number | null;
  file: string | null;
  changes: FieldChange[];
  note: string | null;
}
