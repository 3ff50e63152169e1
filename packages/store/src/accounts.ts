import type { AreaScope, Permission, Role } from '@lagebild/core';
import type { IdentityKey, IdentitySignIn, IdentityTarget, UserIdentity } from './identities.ts';

/** The kinds of organisation that share a Lagebild installation. */
export const ORGANISATION_KINDS = ['kreis', 'gemeinde', 'department', 'provider', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  createdAt: string;
}

export interface NewOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
}

/** What may change about an organisation; fields left out stay as they are. */
export interface OrganisationChanges {
  name?: string;
  kind?: OrganisationKind;
  parentId?: string | null;
}

/** What an administrator may change about a user; fields left out stay as they are. */
export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  organisationId?: string | null;
  topics?: string[];
  areas?: AreaScope[];
}

/** A local account without its password hash (what may leave the store towards the API). */
export interface UserAccount {
  id: string;
  organisationId: string | null;
  login: string;
  displayName: string;
  roles: Role[];
  topics: string[];
  areas: AreaScope[];
  /** Failed sign-ins since the last success or lock-out. */
  failedLogins: number;
  /** ISO time until which sign-in is refused, or null. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A user with the Argon2id hash of the password, for signing in only. */
export interface UserCredentials extends UserAccount {
  passwordHash: string;
}

export interface NewUser {
  login: string;
  displayName?: string;
  passwordHash: string;
  roles: Role[];
  organisationId?: string | null;
  topics?: string[];
  areas?: AreaScope[];
}

/** A sign-in session; the id itself lives only in the user's cookie, the store keeps its SHA-256. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** A scoped API token for automation; the store keeps the SHA-256 of its secret. */
export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  secretHash: string;
  /** What the token may do: a subset of its user's permissions. */
  permissions: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The outcome of a failed sign-in: the counter after it, and the lock-out it triggered, if any. */
export interface LoginFailure {
  failedLogins: number;
  lockedUntil: string | null;
}

/**
 * Accounts in the store (`store.accounts`). Errors meant for users are DomainErrors: `Conflict` (an
 * organisation id or a login — whatever its case — taken), `ValidationFailed` (an unknown
 * organisation, an empty login).
 */
export interface AccountStore {
  createOrganisation(input: NewOrganisation): Promise<Organisation>;
  /** Ordered by id. */
  listOrganisations(): Promise<Organisation[]>;
  createUser(input: NewUser): Promise<UserAccount>;
  getUser(id: string): Promise<UserAccount | null>;
  /** The user with this login, whatever its case, with the password hash. */
  findCredentials(login: string): Promise<UserCredentials | null>;
  /** Ordered by login, ignoring case. */
  listUsers(): Promise<UserAccount[]>;
  /**
   * Counts a failed sign-in atomically; the `lockAfter`th locks the login until `lockUntil` (stored,
   * so it holds across restarts) and starts the count afresh.
   */
  registerFailedLogin(userId: string, lockAfter: number, lockUntil: string): Promise<LoginFailure>;
  /** After a successful sign-in: count and lock-out cleared. */
  clearFailedLogins(userId: string): Promise<void>;

  /**
   * Changes an organisation (`OrganisationNotFound` when unknown). A parent that is unknown, the
   * organisation itself or one of its descendants (a cycle) is refused with `ValidationFailed`.
   */
  updateOrganisation(id: string, changes: OrganisationChanges): Promise<Organisation>;
  /** Deletes an organisation; `Conflict` while users or child organisations belong to it. */
  deleteOrganisation(id: string): Promise<void>;
  /** Changes a user (not the login, nor the password): `UserNotFound`, or `ValidationFailed` for an unknown organisation. */
  updateUser(id: string, changes: UserChanges): Promise<UserAccount>;
  /** Replaces the password hash and clears failed sign-ins and lock-out; `UserNotFound` when unknown. */
  setPassword(id: string, passwordHash: string): Promise<UserAccount>;
  /** Deletes a user with its sessions and API tokens; false when there was none. */
  deleteUser(id: string): Promise<boolean>;
  /** Ends every session of a user (after a role change or a new password); returns how many. */
  deleteSessionsOfUser(userId: string): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes the sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  createApiToken(token: ApiTokenRecord): Promise<void>;
  getApiToken(id: string): Promise<ApiTokenRecord | null>;
  /** The user's tokens, revoked ones included, oldest first. */
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  touchApiToken(id: string, at: string): Promise<void>;
  /** False when the token is unknown or revoked already. */
  revokeApiToken(id: string, at: string): Promise<boolean>;

  /** The user an identity-provider account is linked to, or null (migration 0007). */
  findUserByIdentity(key: IdentityKey): Promise<UserAccount | null>;
  /**
   * Links an identity to an existing user, or to a new one created with it, and writes the profile
   * over the user's, in one transaction: `Conflict` when the identity is linked already or the new
   * login is taken, `ValidationFailed` for an unknown user or organisation.
   */
  linkIdentity(signIn: IdentitySignIn, target: IdentityTarget): Promise<UserAccount>;
  /** A sign-in of a linked identity: last sign-in recorded and the profile written over the user's. */
  touchIdentity(signIn: IdentitySignIn): Promise<UserAccount>;
  /** The identities linked to a user, ordered by issuer and subject. */
  listIdentities(userId: string): Promise<UserIdentity[]>;
}
