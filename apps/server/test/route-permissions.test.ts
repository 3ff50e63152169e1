import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Role } from '@lagebild/core';
import { createSqliteStore, type Store } from '@lagebild/store';
import { API_ROUTES, buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';
import type { AnyRoute } from '../src/http/route.ts';
import { signInAs } from './helpers.ts';

// Every API route with every role: allowed must pass the guard, denied must be stopped by it. A route
// whose permission is no rule of the access policy fails here.
let app: FastifyInstance;
let store: Store;
const headers = new Map<Role, Record<string, string>>();

beforeAll(async () => {
  store = createSqliteStore(':memory:');
  await store.migrate();
  app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
  // The public is the anonymous caller: no cookie.
  headers.set('public', {});
  for (const role of ROLES) if (role !== 'public') headers.set(role, await signInAs(app, store, role));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** What the access policy says; undefined for a permission it does not know. */
function expected(route: AnyRoute, role: Role): boolean | undefined {
  if (route.permission === 'anyone') return true;
  if (route.permission === 'signed-in') return role !== 'public';
  if (!(PERMISSIONS as readonly string[]).includes(route.permission)) return undefined;
  return ROLE_PERMISSIONS[role].includes(route.permission);
}

/** Placeholders filled with a value no entity has; the guard runs before anything is looked up. */
const url = (route: AnyRoute) => `/api/v1${route.path.replace(/\{\w+\}/g, 'route-check')}`;

describe('every route with every role', () => {
  it('has a permission the access policy knows', () => {
    const unknown = API_ROUTES.filter((r) => expected(r, 'admin') === undefined).map((r) => r.operationId);
    expect(unknown).toEqual([]);
  });

  for (const route of API_ROUTES) {
    it(`${route.method} ${route.path} (${route.permission})`, async () => {
      for (const role of ROLES) {
        const allowed = expected(route, role);
        const response = await app.inject({
          method: route.method,
          url: url(route),
          headers: headers.get(role),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const isJson = String(response.headers['content-type']).startsWith('application/json');
        const code = isJson ? (response.json() as { code?: string }).code : undefined;
        const outcome = `${role}: ${response.statusCode} ${code ?? ''}`;
        if (allowed) {
          expect([401, 403], outcome).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, outcome).toBe(role === 'public' ? 401 : 403);
          expect(code, outcome).toBe(role === 'public' ? 'AuthenticationRequired' : 'PermissionDenied');
        }
        // Signing out ends the role's session: sign in again for the routes still to come.
        if (route.operationId === 'logout' && role !== 'public')
          headers.set(role, await signInAs(app, store, role));
      }
    });
  }
});
