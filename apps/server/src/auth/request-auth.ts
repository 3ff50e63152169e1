import { DomainError, hasPermission } from '@lagebild/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePermission } from '../http/route.ts';
import { ANONYMOUS_AUTH, type AuthService, type RequestAuth } from './auth.service.ts';
import { sameSecret } from './secrets.ts';

export const SESSION_COOKIE = 'lagebild_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request comes from; set for every request by `registerRequestAuth`. */
    auth: RequestAuth;
  }
}

/** Resolves the principal of every request once: bearer token, else session cookie, else anonymous. */
export function registerRequestAuth(app: FastifyInstance, auth: AuthService, apiPrefix: string): void {
  app.decorateRequest('auth', null as unknown as RequestAuth);
  app.addHook('onRequest', async (request) => {
    // Static pages need nobody; only the API looks at cookies and tokens.
    request.auth = request.url.startsWith(apiPrefix) ? await resolve(request, auth) : ANONYMOUS_AUTH;
  });
}

async function resolve(request: FastifyRequest, auth: AuthService): Promise<RequestAuth> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return auth.fromToken(authorization.slice(7).trim());
  const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
  return sessionId ? auth.fromSession(sessionId) : ANONYMOUS_AUTH;
}

/**
 * The guard every API route passes before its handler: CSRF for state-changing requests that a
 * session cookie authenticates, then the route's permission — 401 for the anonymous, 403 for users.
 */
export function authorise(
  request: FastifyRequest,
  permission: RoutePermission,
  options: { csrf: boolean },
): void {
  const { auth } = request;
  if (options.csrf && auth.session && STATE_CHANGING.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, auth.session.csrfToken))
      throw new DomainError('CsrfFailed', `This request needs the session's CSRF token in ${CSRF_HEADER}.`);
  }
  if (permission === 'anyone') return;
  const signedIn = auth.user !== null;
  if (permission === 'signed-in') {
    if (!signedIn) throw new DomainError('AuthenticationRequired', 'Sign in first.');
    return;
  }
  const allowed =
    hasPermission(auth.principal, permission) && (!auth.token || auth.token.permissions.includes(permission));
  if (allowed) return;
  if (!signedIn) throw new DomainError('AuthenticationRequired', `Sign in first: this needs ${permission}.`);
  throw new DomainError('PermissionDenied', `Your roles do not grant ${permission}.`);
}

/**
 * Sets the session cookie, or clears it with `null`. A browser-session cookie (no Expires): the
 * server ends sessions (idle timeout, absolute lifetime), the cookie needs no clock of its own.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string | null): void {
  const parts = [`${SESSION_COOKIE}=${value ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (request.protocol === 'https') parts.push('Secure');
  if (value === null) parts.push('Max-Age=0');
  void reply.header('set-cookie', parts.join('; '));
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || null;
  }
  return null;
}
