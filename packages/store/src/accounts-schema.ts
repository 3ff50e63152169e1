import type { Selectable } from 'kysely';

/** The account tables of migration 0004, as Kysely sees them (see schema.ts for the conventions). */
export interface AccountTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string | null;
  login: string;
  /** The login in lower case; unique. */
  login_key: string;
  display_name: string;
  password_hash: string;
  /** JSON array of roles. */
  roles: string;
  /** JSON array of topics. */
  topics: string;
  /** JSON array of area scopes. */
  areas: string;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id the cookie carries. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token's secret. */
  secret_hash: string;
  /** JSON array of permissions. */
  permissions: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
