import { randomBytes } from 'node:crypto';
import { ANONYMOUS, DomainError, type Permission, type Principal } from '@lagebild/core';
import { loginKey, type ApiTokenRecord, type Store, type UserAccount } from '@lagebild/store';
import { AttemptLimiter } from './attempt-limiter.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { newSecret, sameSecret, sha256 } from './secrets.ts';

export interface AuthOptions {
  /** Sessions end after this long without a request. */
  sessionIdleMinutes: number;
  now?: () => Date;
}

/** The lock-out rule: this many failed sign-ins for a login lock it for LOCK_MINUTES. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins from one address within LOCK_MINUTES before it is refused too. */
export const ADDRESS_LIMIT = 20;
/** Sessions end after at most this long, however active. */
const SESSION_MAX_HOURS = 24;
/** Last-seen is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const WRONG = 'The login or the password is wrong.';
const TOO_MANY = 'Too many failed sign-ins. Try again later.';

/** Who a request comes from, and how it was authenticated. */
export interface RequestAuth {
  principal: Principal;
  user: UserAccount | null;
  /** The session behind the cookie (its CSRF token guards state-changing requests). */
  session: { idHash: string; csrfToken: string } | null;
  /** The API token of an `Authorization: Bearer` request; its scope limits the permissions. */
  token: ApiTokenRecord | null;
}

export const ANONYMOUS_AUTH: RequestAuth = Object.freeze({
  principal: ANONYMOUS,
  user: null,
  session: null,
  token: null,
});

export interface SignedIn {
  /** The new session id, for the cookie only; the store keeps its hash. */
  sessionId: string;
  csrfToken: string;
  user: UserAccount;
  expiresAt: string;
}

/** Sign-in, sessions and API tokens over the account store. */
export class AuthService {
  readonly #store: Store;
  readonly #idleMs: number;
  readonly #now: () => Date;
  readonly #addresses = new AttemptLimiter(ADDRESS_LIMIT, LOCK_MINUTES * 60_000);
  readonly #unknownLogins = new AttemptLimiter(LOCK_AFTER, LOCK_MINUTES * 60_000);

  constructor(store: Store, options: AuthOptions) {
    this.#store = store;
    this.#idleMs = options.sessionIdleMinutes * 60_000;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Checks login and password and opens a new session (a new id on every sign-in, so an id known
   * before cannot become a signed-in one). Wrong password and unknown login answer alike; a locked
   * login or a flooding address is refused with `TooManyAttempts` before the password is looked at.
   */
  async signIn(login: string, password: string, address: string): Promise<SignedIn> {
    const now = this.#now();
    const at = now.getTime();
    const key = loginKey(login);
    if (this.#addresses.blocked(address, at) || this.#unknownLogins.blocked(key, at))
      throw new DomainError('TooManyAttempts', TOO_MANY);
    const user = await this.#store.accounts.findCredentials(login);
    if (user?.lockedUntil && user.lockedUntil > now.toISOString())
      throw new DomainError('TooManyAttempts', TOO_MANY);
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid) {
      this.#addresses.fail(address, at);
      if (!user) {
        // Unknown logins lock on the same failure as known ones, so lock-out reveals nothing.
        this.#unknownLogins.fail(key, at);
        if (this.#unknownLogins.blocked(key, at)) throw new DomainError('TooManyAttempts', TOO_MANY);
      } else {
        const lockUntil = new Date(at + LOCK_MINUTES * 60_000).toISOString();
        const failure = await this.#store.accounts.registerFailedLogin(user.id, LOCK_AFTER, lockUntil);
        if (failure.lockedUntil) throw new DomainError('TooManyAttempts', TOO_MANY);
      }
      throw new DomainError('AuthenticationRequired', WRONG);
    }
    await this.#store.accounts.clearFailedLogins(user.id);
    const { passwordHash: _, ...account } = user;
    return this.#openSession({ ...account, failedLogins: 0, lockedUntil: null }, now);
  }

  /**
   * Opens a new session for a user whom someone else has authenticated (single sign-on: the identity
   * provider checked the password). Like `signIn`, always with a new session id.
   */
  async signInVerified(user: UserAccount): Promise<SignedIn> {
    return this.#openSession(user, this.#now());
  }

  async signOut(sessionIdHash: string): Promise<void> {
    await this.#store.accounts.deleteSession(sessionIdHash);
  }

  /** The principal behind a session cookie value; anonymous when it is unknown or expired. */
  async fromSession(sessionId: string): Promise<RequestAuth> {
    const idHash = sha256(sessionId);
    const session = await this.#store.accounts.getSession(idHash);
    const now = this.#now();
    if (!session) return ANONYMOUS_AUTH;
    if (session.expiresAt <= now.toISOString()) {
      await this.#store.accounts.deleteSession(idHash);
      return ANONYMOUS_AUTH;
    }
    const user = await this.#store.accounts.getUser(session.userId);
    if (!user) return ANONYMOUS_AUTH;
    if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS)
      await this.#store.accounts.touchSession(
        idHash,
        now.toISOString(),
        this.#expiry(now, session.createdAt),
      );
    return {
      principal: principalOf(user),
      user,
      session: { idHash, csrfToken: session.csrfToken },
      token: null,
    };
  }

  /** The principal behind `Authorization: Bearer lbt_<24 hex id>_<43 base64url secret>`; anonymous when invalid. */
  async fromToken(bearer: string): Promise<RequestAuth> {
    const match = /^lbt_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/.exec(bearer);
    if (!match) return ANONYMOUS_AUTH;
    const token = await this.#store.accounts.getApiToken(match[1]!);
    const now = this.#now().toISOString();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return ANONYMOUS_AUTH;
    if (!sameSecret(token.secretHash, sha256(match[2]!))) return ANONYMOUS_AUTH;
    const user = await this.#store.accounts.getUser(token.userId);
    if (!user) return ANONYMOUS_AUTH;
    await this.#store.accounts.touchApiToken(token.id, now);
    return { principal: principalOf(user), user, session: null, token };
  }

  /**
   * A new API token of `user` limited to `permissions` (each must be one the user has). The secret is
   * returned once, inside the bearer value; the store keeps its hash.
   */
  async createToken(
    user: UserAccount,
    name: string,
    permissions: Permission[],
    expiresAt: string | null,
  ): Promise<{ bearer: string; token: ApiTokenRecord }> {
    // Hex, so the id never contains the separator.
    const id = randomBytes(12).toString('hex');
    const secret = newSecret(32);
    const token: ApiTokenRecord = {
      id,
      userId: user.id,
      name,
      secretHash: sha256(secret),
      permissions: [...new Set(permissions)].sort(),
      createdAt: this.#now().toISOString(),
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.#store.accounts.createApiToken(token);
    return { bearer: `lbt_${id}_${secret}`, token };
  }

  /** Revokes one of the user's own tokens; unknown, foreign and revoked tokens are not found. */
  async revokeToken(user: UserAccount, id: string): Promise<ApiTokenRecord> {
    const token = await this.#store.accounts.getApiToken(id);
    if (!token || token.userId !== user.id || token.revokedAt)
      throw new DomainError('ApiTokenNotFound', `No active API token "${id}" of yours.`);
    const at = this.#now().toISOString();
    await this.#store.accounts.revokeApiToken(id, at);
    return { ...token, revokedAt: at };
  }

  async #openSession(user: UserAccount, now: Date): Promise<SignedIn> {
    const sessionId = newSecret(32);
    const csrfToken = newSecret(32);
    const createdAt = now.toISOString();
    const expiresAt = this.#expiry(now, createdAt);
    await this.#store.accounts.createSession({
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      createdAt,
      lastSeenAt: createdAt,
      expiresAt,
    });
    // Expired sessions are swept on sign-in, so the table does not grow without bound.
    await this.#store.accounts.deleteExpiredSessions(createdAt);
    return { sessionId, csrfToken, user, expiresAt };
  }

  /** Idle timeout from now, capped by the absolute lifetime from creation. */
  #expiry(now: Date, createdAt: string): string {
    const idle = now.getTime() + this.#idleMs;
    const max = Date.parse(createdAt) + SESSION_MAX_HOURS * 3_600_000;
    return new Date(Math.min(idle, max)).toISOString();
  }
}

export function principalOf(user: UserAccount): Principal {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    roles: user.roles,
    topics: user.topics,
    areas: user.areas,
  };
}
