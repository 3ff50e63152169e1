import type { Generated } from 'kysely';

/** The audit table of migration 0005, as Kysely sees it (see schema.ts for the conventions). */
export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  actor_login: string | null;
  actor_organisation_id: string | null;
  via: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  /** JSON text, secrets removed. */
  before: string | null;
  after: string | null;
  ip: string | null;
  /**
   * Summary, action, target and login in lower case (JavaScript's Unicode rules), so text search is
   * case-insensitive alike on both engines whatever the database collation.
   */
  search_text: string;
}
