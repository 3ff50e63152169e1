import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS } from '@lagebild/core';
import { API_ROUTES } from '../../src/app.ts';
import type { AnyRoute } from '../../src/http/route.ts';
import { signInAs } from '../helpers.ts';
import { fingerprint } from './db-fingerprint.ts';
import { securityApp, type SecurityApp } from './security-app.ts';

// Walks every state-changing route of API_ROUTES (a new one is covered without editing this file):
// a session cookie without the right X-CSRF-Token is refused before anything happens; a bearer token
// needs none; a signed-out cookie is nobody. Single cases live in auth-security.test.ts.
const stateChanging = API_ROUTES.filter((r) => r.method !== 'GET');
const guarded = stateChanging.filter((r) => r.csrf !== false);
const url = (route: AnyRoute) => `/api/v1${route.path.replace(/\{\w+\}/g, '1')}`;

let ctx: SecurityApp;
let headers: { cookie: string; 'x-csrf-token': string };

beforeAll(async () => {
  ctx = await securityApp('sqlite');
  headers = await signInAs(ctx.app, ctx.store, 'admin');
}, 120_000);
afterAll(async () => ctx?.close());

const send = (route: AnyRoute, h: Record<string, string>) =>
  ctx.app.inject({ method: route.method, url: url(route), headers: h, payload: {} });

describe('CSRF on every state-changing route', () => {
  it('exempts only signing in', () => {
    expect(stateChanging.length).toBeGreaterThan(5);
    expect(stateChanging.filter((r) => r.csrf === false).map((r) => r.operationId)).toEqual(['login']);
  });

  it('refuses a session cookie without or with a wrong token, and changes nothing', async () => {
    const before = await fingerprint(ctx.database);
    const wrong =
      headers['x-csrf-token'].slice(0, -2) + (headers['x-csrf-token'].endsWith('A') ? 'BB' : 'AA');
    const outcomes: string[] = [];
    for (const route of guarded) {
      const attempts: Record<string, string>[] = [
        { cookie: headers.cookie },
        { cookie: headers.cookie, 'x-csrf-token': wrong },
      ];
      for (const h of attempts) {
        const response = await send(route, h);
        const code = (response.json() as { code?: string }).code;
        if (response.statusCode !== 403 || code !== 'CsrfFailed')
          outcomes.push(`${route.method} ${route.path}: ${response.statusCode} ${code}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(await fingerprint(ctx.database)).toEqual(before);
    // Logout was among them: the session must have survived its refused attempts.
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().user.login).toBe('test-admin');
  });

  it('asks no CSRF token of a bearer token', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers,
      payload: { name: 'csrf-walk', permissions: [...PERMISSIONS] },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    for (const route of guarded) {
      const response = await send(route, bearer);
      expect((response.json() as { code?: string }).code, `${route.method} ${route.path}`).not.toBe(
        'CsrfFailed',
      );
    }
  });

  it('treats a signed-out cookie as nobody, on every route that needs a user', async () => {
    const old = await signInAs(ctx.app, ctx.store, 'admin', 'leaving-admin');
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: old });
    expect(out.json()).toEqual({ signedOut: true });
    const publicMay = (r: AnyRoute) =>
      r.permission === 'anyone' || (ROLE_PERMISSIONS.public as readonly string[]).includes(r.permission);
    for (const route of guarded.filter((r) => !publicMay(r))) {
      const response = await send(route, old);
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
      expect(response.json().code).toBe('AuthenticationRequired');
    }
  });

  it('refuses a NUL character in a JSON body with a 400 naming the field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers,
      payload: { name: 'a\u0000b', permissions: ['data:read'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'ValidationFailed',
      message: expect.stringContaining('body.name'),
    });
  });
});
