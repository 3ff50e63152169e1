import { randomUUID } from 'node:crypto';
import { DomainError } from '@lagebild/core';
import type { Kysely, Transaction } from 'kysely';
import type { UserRow } from '../accounts-schema.ts';
import type {
  IdentityKey,
  IdentityProfile,
  IdentitySignIn,
  IdentityTarget,
  UserIdentity,
} from '../identities.ts';
import { stableJson } from '../json.ts';
import type { Database } from '../schema.ts';
import { loginKey } from './accounts.repository.ts';

/**
 * The links between identity-provider accounts and users (table user_identities). Each write runs in
 * one transaction together with the user it touches, so a sign-in never leaves a user without its
 * link or a link with stale roles.
 */
export class IdentityLinks {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  /** The id of the user an identity is linked to, or null. */
  async userIdOf(key: IdentityKey): Promise<string | null> {
    const row = await this.db
      .selectFrom('user_identities')
      .select('user_id')
      .where('issuer', '=', key.issuer)
      .where('subject', '=', key.subject)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  async list(userId: string): Promise<UserIdentity[]> {
    const rows = await this.db
      .selectFrom('user_identities')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('issuer')
      .orderBy('subject')
      .execute();
    return rows.map((row) => ({
      issuer: row.issuer,
      subject: row.subject,
      userId: row.user_id,
      createdAt: row.created_at,
      lastLoginAt: row.last_login_at,
    }));
  }

  /** Links an unlinked identity (creating the user first for a new one); returns the user's id. */
  async link(signIn: IdentitySignIn, target: IdentityTarget): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      if (await linked(trx, signIn))
        throw new DomainError(
          'Conflict',
          `The identity "${signIn.subject}" of ${signIn.issuer} is linked to a user already.`,
        );
      await checkOrganisation(trx, signIn.profile);
      const userId = 'userId' in target ? target.userId : await insertUser(trx, target, signIn, this.now());
      await applyProfile(trx, userId, signIn.profile, this.now());
      await trx
        .insertInto('user_identities')
        .values({
          issuer: signIn.issuer,
          subject: signIn.subject,
          user_id: userId,
          created_at: signIn.at,
          last_login_at: signIn.at,
        })
        .execute();
      return userId;
    });
  }

  /** Records a sign-in of a linked identity and writes the profile over the user's; returns the user's id. */
  async touch(signIn: IdentitySignIn): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      const userId = await linked(trx, signIn);
      if (!userId)
        throw new DomainError(
          'ValidationFailed',
          `The identity "${signIn.subject}" of ${signIn.issuer} is linked to no user.`,
        );
      await checkOrganisation(trx, signIn.profile);
      await applyProfile(trx, userId, signIn.profile, this.now());
      await trx
        .updateTable('user_identities')
        .set({ last_login_at: signIn.at })
        .where('issuer', '=', signIn.issuer)
        .where('subject', '=', signIn.subject)
        .execute();
      return userId;
    });
  }
}

async function linked(trx: Transaction<Database>, key: IdentityKey): Promise<string | null> {
  const row = await trx
    .selectFrom('user_identities')
    .select('user_id')
    .where('issuer', '=', key.issuer)
    .where('subject', '=', key.subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

async function checkOrganisation(trx: Transaction<Database>, profile: IdentityProfile): Promise<void> {
  if (!profile.organisationId) return;
  const row = await trx
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', profile.organisationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('ValidationFailed', `No organisation "${profile.organisationId}".`);
}

async function insertUser(
  trx: Transaction<Database>,
  target: { login: string; passwordHash: string },
  signIn: IdentitySignIn,
  now: Date,
): Promise<string> {
  const key = loginKey(target.login);
  if (!key) throw new DomainError('ValidationFailed', 'The login must not be empty.');
  const twin = await trx.selectFrom('users').select('id').where('login_key', '=', key).executeTakeFirst();
  if (twin) throw new DomainError('Conflict', `A user with the login "${target.login}" exists already.`);
  const at = now.toISOString();
  const row: UserRow = {
    id: randomUUID(),
    organisation_id: signIn.profile.organisationId ?? null,
    login: target.login.trim(),
    login_key: key,
    display_name: signIn.profile.displayName.trim() || target.login.trim(),
    password_hash: target.passwordHash,
    roles: stableJson(signIn.profile.roles),
    topics: stableJson([]),
    areas: stableJson([]),
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('users').values(row).execute();
  return row.id;
}

async function applyProfile(
  trx: Transaction<Database>,
  userId: string,
  profile: IdentityProfile,
  now: Date,
): Promise<void> {
  const result = await trx
    .updateTable('users')
    .set({
      display_name: profile.displayName.trim() || undefined,
      roles: stableJson([...new Set(profile.roles)].sort()),
      ...(profile.organisationId === undefined ? {} : { organisation_id: profile.organisationId }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('ValidationFailed', `No user "${userId}".`);
}
