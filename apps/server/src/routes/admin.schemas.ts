import { AUDIT_VIA, ORGANISATION_KINDS, type Organisation, type UserAccount } from '@lagebild/store';
import { ROLES } from '@lagebild/core';
import { z } from 'zod';
import { userSchema, publicUser } from './auth.schemas.ts';

/** Schemas of the administration and audit routes. */
export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    parentId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const adminUserSchema = userSchema
  .extend({
    failedLogins: z.number().describe('Failed sign-ins since the last success or lock-out.'),
    lockedUntil: z.string().nullable().describe('Sign-in is refused until this time.'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminUser' });

const organisationId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use 1–64 lower-case letters, digits, "-" or "_", e.g. "jugendamt".');
const name = z.string().trim().min(1).max(200);
const areaScope = z.object({ levelId: z.string().trim().min(1), key: z.string().trim().min(1) });

export const newOrganisationBody = z.object({
  id: organisationId,
  name,
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.string().min(1).nullable().optional(),
});

export const organisationChangesBody = z.object({
  name: name.optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  parentId: z.string().min(1).nullable().optional(),
});

const userFields = {
  displayName: name.optional(),
  roles: z.array(z.enum(ROLES)).min(1, 'Give at least one role.'),
  organisationId: z.string().min(1).nullable().optional(),
  topics: z.array(z.string().trim().min(1)).optional(),
  areas: z.array(areaScope).optional(),
};

export const newUserBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
  ...userFields,
});

export const userChangesBody = z.object({ ...userFields, roles: userFields.roles.optional() });

export const passwordBody = z.object({ password: z.string().min(1).max(1000) });

export const auditEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorLogin: z.string().nullable(),
    actorOrganisationId: z.string().nullable(),
    via: z.enum(AUDIT_VIA),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    summary: z.string(),
    before: z.unknown().describe('The changed thing before the change (JSON), secrets removed.'),
    after: z.unknown().describe('… and after it.'),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

/** A user as administrators see it: with lock-out state, never the password hash. */
export function adminUser(user: UserAccount): z.output<typeof adminUserSchema> {
  return {
    ...publicUser(user),
    failedLogins: user.failedLogins,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function publicOrganisation(organisation: Organisation): z.output<typeof organisationSchema> {
  return { ...organisation };
}
