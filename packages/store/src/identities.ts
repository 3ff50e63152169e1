import type { Role } from '@lagebild/core';

/** An account at an OpenID Connect provider, as its ID tokens name it. */
export interface IdentityKey {
  issuer: string;
  subject: string;
}

/**
 * What the identity provider asserts at a sign-in. It is written over the user's own values at
 * every sign-in, so a change of groups at the provider reaches Lagebild with the next sign-in.
 */
export interface IdentityProfile {
  displayName: string;
  roles: Role[];
  /** Left out (undefined): the user's organisation stays as it is. */
  organisationId?: string | null;
}

/** One sign-in through an identity provider: who, when, and what the provider asserted. */
export interface IdentitySignIn extends IdentityKey {
  at: string;
  profile: IdentityProfile;
}

/** The user an identity is linked to: an existing one, or a new one created with the link. */
export type IdentityTarget = { userId: string } | { login: string; passwordHash: string };

export interface UserIdentity extends IdentityKey {
  userId: string;
  createdAt: string;
  lastLoginAt: string;
}
