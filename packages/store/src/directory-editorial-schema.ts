import type { Selectable } from 'kysely';

/** The editorial tables of migration 0008, as Kysely sees them (see schema.ts for the conventions). */
export interface DirectoryEditorialTables {
  directory_provider_organisations: DirectoryProviderOrganisationsTable;
  directory_changes: DirectoryChangesTable;
  directory_reminders: DirectoryRemindersTable;
}

export interface DirectoryProviderOrganisationsTable {
  provider_id: string;
  organisation_id: string;
  linked_at: string;
}

export interface DirectoryChangesTable {
  id: string;
  service_id: string | null;
  kind: string;
  /** JSON object of proposed editable fields. */
  fields: string;
  /**
   * JSON { categoryId, providerId, facilityId, facility } of a proposed new service, and `reportId`:
   * the citizen's report an edit or a new service answers.
   */
  placement: string | null;
  message: string | null;
  /** JSON editable fields of the entry when the change was proposed. */
  base: string | null;
  status: string;
  submitted_by: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  /** JSON editable fields before and after publication. */
  before: string | null;
  after: string | null;
  batch_id: number | null;
}

export interface DirectoryRemindersTable {
  user_id: string;
  service_id: string;
  sent_at: string;
}

export type DirectoryChangeRow = Selectable<DirectoryChangesTable>;
