import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createSqliteStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';
import { signInAs, TEST_PASSWORD } from './helpers.ts';

// Sessions, CSRF, fixation, lock-out and tokens, over HTTP, with a clock the tests move.
let app: FastifyInstance;
let store: Store;
let clock = new Date('2026-03-01T08:00:00.000Z');
let address = 0;

beforeAll(async () => {
  store = createSqliteStore(':memory:');
  await store.migrate();
  app = await buildApp(
    createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024, now: () => clock }),
  );
});
afterAll(async () => {
  await app.close();
  await store.close();
});
// Each test from its own address, so the per-address limit of one test does not spill into the next.
beforeEach(() => {
  address += 1;
});

const ip = () => `10.0.0.${address}`;
const login = (name: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: name, password },
    headers,
    remoteAddress: ip(),
  });
const me = async (headers: Record<string, string>) =>
  (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).json();
const sessionCookie = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === 'lagebild_session');
const undo = (headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/api/v1/batches/4711/undo', headers });

describe('sessions', () => {
  it('signs in with an httpOnly, SameSite=Strict cookie and answers who is signed in', async () => {
    const anonymous = await me({});
    expect(anonymous).toEqual({
      user: null,
      roles: ['public'],
      permissions: ['data:read', 'directory:read', 'directory:report'],
      csrfToken: null,
    });
    const headers = await signInAs(app, store, 'planner', 'Petra');
    const current = await me({ cookie: headers.cookie });
    expect(current.user).toMatchObject({ login: 'Petra', roles: ['planner'] });
    expect(current.csrfToken).toBe(headers['x-csrf-token']);
    const response = await login('petra', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeUndefined();
    expect(response.json()).not.toHaveProperty('user.passwordHash');
  });

  it('signs out: the session is gone, the cookie cleared', async () => {
    const headers = await signInAs(app, store, 'reader', 'rita');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.json()).toEqual({ signedOut: true });
    expect(sessionCookie(out)?.value).toBe('');
    expect((await me({ cookie: headers.cookie })).user).toBeNull();
  });

  it('ends a session after the idle time', async () => {
    const headers = await signInAs(app, store, 'reader', 'idle');
    clock = new Date(clock.getTime() + 481 * 60_000);
    expect((await me({ cookie: headers.cookie })).user).toBeNull();
  });

  it('never adopts a session id set before sign-in (fixation) and replaces an earlier session', async () => {
    await signInAs(app, store, 'planner', 'fixed');
    const planted = 'lagebild_session=attacker-chosen-value-0123456789abcdef';
    const response = await login('fixed', TEST_PASSWORD, { cookie: planted });
    const fresh = sessionCookie(response)!.value;
    expect(fresh).not.toBe('attacker-chosen-value-0123456789abcdef');
    expect((await me({ cookie: planted })).user).toBeNull();
    expect((await me({ cookie: `lagebild_session=${fresh}` })).user.login).toBe('fixed');
    const again = await login('fixed', TEST_PASSWORD, { cookie: `lagebild_session=${fresh}` });
    expect(sessionCookie(again)!.value).not.toBe(fresh);
    expect((await me({ cookie: `lagebild_session=${fresh}` })).user).toBeNull();
  });
});

describe('CSRF', () => {
  it('refuses state-changing requests by cookie without the right token, and passes with it', async () => {
    const headers = await signInAs(app, store, 'admin', 'csrf-admin');
    const missing = await undo({ cookie: headers.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CsrfFailed');
    const wrong = await undo({ cookie: headers.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.json().code).toBe('CsrfFailed');
    const right = await undo(headers);
    expect(right.statusCode).toBe(404);
    expect(right.json().code).toBe('BatchNotFound');
    // Reading needs no token.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/batches', headers: { cookie: headers.cookie } }))
        .statusCode,
    ).toBe(200);
  });
});

describe('failed sign-ins', () => {
  it('answers a wrong password exactly like an unknown login', async () => {
    await signInAs(app, store, 'reader', 'known');
    const wrong = await login('known', 'not-the-password-at-all');
    const unknown = await login('nobody-here', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json().code).toBe('AuthenticationRequired');
  });

  it('locks a login after 5 failures for 15 minutes, stored, with a generic message', async () => {
    await signInAs(app, store, 'reader', 'locked');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('locked', `wrong-password-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const refused = await login('LOCKED', TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'TooManyAttempts',
      message: 'Too many failed sign-ins. Try again later.',
      details: null,
    });
    expect((await store.accounts.findCredentials('locked'))!.lockedUntil).toBe(
      new Date(clock.getTime() + 15 * 60_000).toISOString(),
    );
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('locked', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks unknown logins alike, so lock-out does not reveal which logins exist', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login('ghost', `wrong-password-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('refuses an address after 20 failures, whatever the login', async () => {
    await signInAs(app, store, 'reader', 'victim');
    for (let i = 0; i < 20; i++) await login(`spray-${i}`, 'wrong-password-x');
    const refused = await login('victim', TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
  });
});

describe('API tokens', () => {
  it('work as bearer without CSRF, within their scope only, until revoked', async () => {
    const headers = await signInAs(app, store, 'admin', 'token-admin');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers,
      payload: { name: 'Nachtlauf', permissions: ['data:read', 'system:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json();
    expect(info).toMatchObject({
      name: 'Nachtlauf',
      permissions: ['data:read', 'system:read'],
      revokedAt: null,
    });
    expect(token).toMatch(/^lbt_[0-9a-f]{24}_[\w-]{43}$/);
    expect(JSON.stringify(info)).not.toContain(token.slice(29));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/health', headers: bearer })).statusCode).toBe(
      200,
    );
    // The admin may import, the token may not: its scope limits it. No CSRF token is asked for.
    const outside = await undo(bearer);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('PermissionDenied');
    const forged = { authorization: `Bearer ${token.slice(0, -2)}xx` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/health', headers: forged })).statusCode).toBe(
      401,
    );
    const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${info.id}`, headers });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/v1/health', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('cannot be given a permission its user lacks', async () => {
    const headers = await signInAs(app, store, 'reader', 'token-reader');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers,
      payload: { name: 'zu viel', permissions: ['data:read', 'import:write'] },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('import:write');
  });
});
