/**
 * The browser side of signing in, shared by every page that needs an account (atlas, editorial
 * pages, administration). The session itself is an httpOnly cookie the page never sees; what the
 * page keeps is the CSRF token from `/auth/login` or `/auth/me`, which every state-changing request
 * must send as `X-CSRF-Token`.
 */

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  organisationId: string | null;
  roles: string[];
  topics: string[];
  areas: { levelId: string; key: string }[];
}

export interface SessionState {
  /** null for the anonymous public. */
  user: SessionUser | null;
  roles: string[];
  permissions: string[];
  csrfToken: string | null;
}

/** An API answer other than 2xx, with the server's error code (e.g. `AuthenticationRequired`). */
export class RequestFailed extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'RequestFailed';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const ANONYMOUS_STATE: SessionState = { user: null, roles: ['public'], permissions: [], csrfToken: null };

export function createSession(base = '/api/v1', fetchImpl: typeof fetch = (i, o) => fetch(i, o)) {
  let state: SessionState = ANONYMOUS_STATE;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
    const response = await fetchImpl(`${base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = (parsed ?? {}) as { code?: string; message?: string; details?: unknown };
      throw new RequestFailed(
        response.status,
        error.code ?? 'HttpError',
        error.message ?? `${method} ${path}: HTTP ${response.status}`,
        error.details ?? null,
      );
    }
    return parsed as T;
  }

  return {
    get state(): SessionState {
      return state;
    },
    /** Reads who is signed in (the cookie decides); anonymous when nobody is. */
    async refresh(): Promise<SessionState> {
      state = await call<SessionState>('GET', '/auth/me');
      return state;
    },
    /** Signs in; throws RequestFailed (401 wrong login or password, 429 locked out). */
    async signIn(login: string, password: string): Promise<SessionState> {
      await call('POST', '/auth/login', { login, password });
      return this.refresh();
    },
    async signOut(): Promise<void> {
      await call('POST', '/auth/logout');
      state = ANONYMOUS_STATE;
    },
    can(permission: string): boolean {
      return state.permissions.includes(permission);
    },
    /** A JSON request in the signed-in session, with the CSRF token where one is needed. */
    request: call,
  };
}

export type Session = ReturnType<typeof createSession>;
