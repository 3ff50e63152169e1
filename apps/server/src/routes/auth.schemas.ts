import { PERMISSIONS, ROLES } from '@lagebild/core';
import type { ApiTokenRecord, UserAccount } from '@lagebild/store';
import { z } from 'zod';

export const userSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    displayName: z.string(),
    organisationId: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    topics: z.array(z.string()),
    areas: z.array(z.object({ levelId: z.string(), key: z.string() })),
  })
  .meta({ id: 'User' });

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/** What the API tells about a user: never the hash, nor the lock-out counters. */
export function publicUser(user: UserAccount): z.output<typeof userSchema> {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    organisationId: user.organisationId,
    roles: user.roles,
    topics: user.topics,
    areas: user.areas,
  };
}

/** A token without its secret hash. */
export function publicToken(token: ApiTokenRecord): z.output<typeof tokenSchema> {
  return {
    id: token.id,
    name: token.name,
    permissions: token.permissions,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
