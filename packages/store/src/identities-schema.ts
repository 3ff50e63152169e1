import type { Selectable } from 'kysely';

/** The identity table of migration 0007, as Kysely sees it (see schema.ts for the conventions). */
export interface IdentityTables {
  user_identities: UserIdentitiesTable;
}

export interface UserIdentitiesTable {
  /** The `iss` of the identity provider, exactly as its ID tokens carry it. */
  issuer: string;
  /** The `sub` claim: stable per issuer, unlike logins or e-mail addresses. */
  subject: string;
  user_id: string;
  created_at: string;
  last_login_at: string;
}

export type UserIdentityRow = Selectable<UserIdentitiesTable>;
