import { randomUUID } from 'node:crypto';
import { DomainError } from '@lagebild/core';
import type { Kysely } from 'kysely';
import type {
  AccountStore,
  ApiTokenRecord,
  LoginFailure,
  NewOrganisation,
  NewUser,
  Organisation,
  OrganisationChanges,
  SessionRecord,
  UserAccount,
  UserChanges,
  UserCredentials,
} from '../accounts.ts';
import type { ApiTokenRow, OrganisationRow, SessionRow, UserRow } from '../accounts-schema.ts';
import { stableJson } from '../json.ts';
import type { IdentityKey, IdentitySignIn, IdentityTarget, UserIdentity } from '../identities.ts';
import { IdentityLinks } from './identities.repository.ts';
import type { Database } from '../schema.ts';

/** Logins are unique whatever their case (and Unicode normalisation). */
export function loginKey(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

/** Organisations, users, sessions and API tokens; written directly, not through import batches. */
export class AccountsRepository implements AccountStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async createOrganisation(input: NewOrganisation): Promise<Organisation> {
    if (await this.#organisationExists(input.id))
      throw new DomainError('Conflict', `Organisation "${input.id}" exists already.`);
    if (input.parentId && !(await this.#organisationExists(input.parentId)))
      throw new DomainError('ValidationFailed', `No organisation "${input.parentId}" (parent).`);
    const row: OrganisationRow = {
      id: input.id,
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      created_at: this.now().toISOString(),
    };
    await this.db.insertInto('organisations').values(row).execute();
    return toOrganisation(row);
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.db.selectFrom('organisations').selectAll().orderBy('id').execute();
    return rows.map(toOrganisation);
  }

  async createUser(input: NewUser): Promise<UserAccount> {
    const key = loginKey(input.login);
    if (!key) throw new DomainError('ValidationFailed', 'The login must not be empty.');
    if (input.organisationId && !(await this.#organisationExists(input.organisationId)))
      throw new DomainError('ValidationFailed', `No organisation "${input.organisationId}".`);
    const now = this.now().toISOString();
    const row: UserRow = {
      id: randomUUID(),
      organisation_id: input.organisationId ?? null,
      login: input.login.trim(),
      login_key: key,
      display_name: input.displayName ?? input.login.trim(),
      password_hash: input.passwordHash,
      roles: stableJson(input.roles),
      topics: stableJson(input.topics ?? []),
      areas: stableJson(input.areas ?? []),
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    };
    // Checked and inserted in one transaction; the unique constraint catches a concurrent twin.
    await this.db.transaction().execute(async (trx) => {
      const twin = await trx.selectFrom('users').select('id').where('login_key', '=', key).executeTakeFirst();
      if (twin) throw new DomainError('Conflict', `A user with the login "${input.login}" exists already.`);
      await trx.insertInto('users').values(row).execute();
    });
    return toUser(row);
  }

  async getUser(id: string): Promise<UserAccount | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findCredentials(login: string): Promise<UserCredentials | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('login_key', '=', loginKey(login))
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<UserAccount[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('login_key').execute();
    return rows.map(toUser);
  }

  /**
   * Counts a failed sign-in atomically (concurrent attempts cannot lose a count); the `lockAfter`th
   * failure locks the login until `lockUntil` and starts the count afresh.
   */
  async registerFailedLogin(userId: string, lockAfter: number, lockUntil: string): Promise<LoginFailure> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', userId)
        .execute();
      const row = await trx
        .selectFrom('users')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (row.failed_logins < lockAfter) return { failedLogins: row.failed_logins, lockedUntil: null };
      await trx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: lockUntil })
        .where('id', '=', userId)
        .execute();
      return { failedLogins: row.failed_logins, lockedUntil: lockUntil };
    });
  }

  async clearFailedLogins(userId: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  async updateOrganisation(id: string, changes: OrganisationChanges): Promise<Organisation> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('OrganisationNotFound', `No organisation "${id}".`);
      const parentId = changes.parentId === undefined ? row.parent_id : changes.parentId;
      if (parentId) await checkParent(trx, id, parentId);
      const updated: OrganisationRow = {
        ...row,
        name: changes.name ?? row.name,
        kind: changes.kind ?? row.kind,
        parent_id: parentId,
      };
      await trx.updateTable('organisations').set(updated).where('id', '=', id).execute();
      return toOrganisation(updated);
    });
  }

  async deleteOrganisation(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('OrganisationNotFound', `No organisation "${id}".`);
      const members = await trx
        .selectFrom('users')
        .select('login')
        .where('organisation_id', '=', id)
        .orderBy('login_key')
        .execute();
      if (members.length > 0)
        throw new DomainError(
          'Conflict',
          `Organisation "${id}" still has ${members.length} user(s): ${members.map((m) => m.login).join(', ')}.`,
          { users: members.map((m) => m.login) },
        );
      const children = await trx
        .selectFrom('organisations')
        .select('id')
        .where('parent_id', '=', id)
        .orderBy('id')
        .execute();
      if (children.length > 0)
        throw new DomainError(
          'Conflict',
          `Organisation "${id}" still has organisations under it: ${children.map((c) => c.id).join(', ')}.`,
          { organisations: children.map((c) => c.id) },
        );
      await trx.deleteFrom('organisations').where('id', '=', id).execute();
    });
  }

  async updateUser(id: string, changes: UserChanges): Promise<UserAccount> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('UserNotFound', `No user "${id}".`);
      if (changes.organisationId) {
        const org = await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', changes.organisationId)
          .executeTakeFirst();
        if (!org) throw new DomainError('ValidationFailed', `No organisation "${changes.organisationId}".`);
      }
      const updated: UserRow = {
        ...row,
        display_name: changes.displayName?.trim() || row.display_name,
        roles: changes.roles ? stableJson(changes.roles) : row.roles,
        organisation_id: changes.organisationId === undefined ? row.organisation_id : changes.organisationId,
        topics: changes.topics ? stableJson(changes.topics) : row.topics,
        areas: changes.areas ? stableJson(changes.areas) : row.areas,
        updated_at: this.now().toISOString(),
      };
      await trx.updateTable('users').set(updated).where('id', '=', id).execute();
      return toUser(updated);
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<UserAccount> {
    const result = await this.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        updated_at: this.now().toISOString(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new DomainError('UserNotFound', `No user "${id}".`);
    return (await this.getUser(id))!;
  }

  async deleteUser(id: string): Promise<boolean> {
    // Sessions and tokens go with the user (foreign keys cascade); deleted explicitly as well, so
    // the outcome does not depend on SQLite's foreign_keys pragma.
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await trx.deleteFrom('api_tokens').where('user_id', '=', id).execute();
      const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async deleteSessionsOfUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Removes sessions that expired before `now`; returns how many. */
  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        user_id: token.userId,
        name: token.name,
        secret_hash: token.secretHash,
        permissions: stableJson(token.permissions),
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        last_used_at: token.lastUsedAt,
        revoked_at: token.revokedAt,
      })
      .execute();
  }

  async getApiToken(id: string): Promise<ApiTokenRecord | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toApiToken(row) : null;
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toApiToken);
  }

  async touchApiToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  /** Revokes a token that is not yet revoked; false when there is none such. */
  async revokeApiToken(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findUserByIdentity(key: IdentityKey): Promise<UserAccount | null> {
    const userId = await new IdentityLinks(this.db, this.now).userIdOf(key);
    return userId ? this.getUser(userId) : null;
  }

  async linkIdentity(signIn: IdentitySignIn, target: IdentityTarget): Promise<UserAccount> {
    return (await this.getUser(await new IdentityLinks(this.db, this.now).link(signIn, target)))!;
  }

  async touchIdentity(signIn: IdentitySignIn): Promise<UserAccount> {
    return (await this.getUser(await new IdentityLinks(this.db, this.now).touch(signIn)))!;
  }

  async listIdentities(userId: string): Promise<UserIdentity[]> {
    return new IdentityLinks(this.db, this.now).list(userId);
  }

  async #organisationExists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** A parent must exist and must not be the organisation itself or below it (no cycles). */
async function checkParent(db: Kysely<Database>, id: string, parentId: string): Promise<void> {
  let current: string | null = parentId;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    if (current === id)
      throw new DomainError(
        'ValidationFailed',
        `Organisation "${parentId}" cannot be the parent of "${id}": it is "${id}" or lies below it.`,
      );
    seen.add(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('organisations')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) {
      if (current === parentId)
        throw new DomainError('ValidationFailed', `No organisation "${parentId}" (parent).`);
      break;
    }
    current = row.parent_id;
  }
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Organisation['kind'],
    parentId: row.parent_id,
    createdAt: row.created_at,
  };
}

function toUser(row: UserRow): UserAccount {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    login: row.login,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as UserAccount['roles'],
    topics: JSON.parse(row.topics) as string[],
    areas: JSON.parse(row.areas) as UserAccount['areas'],
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSession(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

function toApiToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    secretHash: row.secret_hash,
    permissions: JSON.parse(row.permissions) as ApiTokenRecord['permissions'],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
