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
  SessionRecord,
  UserAccount,
  UserCredentials,
} from '../accounts.ts';
import type { ApiTokenRow, OrganisationRow, SessionRow, UserRow } from '../accounts-schema.ts';
import { stableJson } from '../json.ts';
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

  async #organisationExists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
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
