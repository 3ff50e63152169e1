import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { hashPassword } from '../src/auth/password.ts';
import {
  directoryBatch,
  kitaDelivery,
  provider,
  service,
} from '../../../packages/store/test/directory-fixtures.ts';
import { appWithFixtures, signInAs, TEST_PASSWORD } from './helpers.ts';

// Linking Wegweiser Träger to provider organisations, and data classes per level and organisation,
// over HTTP with a real SQLite store; every change lands in the audit trail.
let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;
let admin: Record<string, string>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
  const delivery = kitaDelivery();
  // A second Träger with one entry of its own, so the lists tell the two apart.
  delivery.providers.push(provider('p3', { name: 'Caritas Nord' }));
  delivery.services.push(service('s4', { providerId: 'p3', name: 'Beratung Nord' }));
  await store.applyBatch(directoryBatch(delivery));
  await store.accounts.createOrganisation({ id: 'diakonie', name: 'Diakonie Süd', kind: 'provider' });
  await store.accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
  admin = await signInAs(app, store, 'admin', 'chefin');
});
afterAll(async () => cleanup());

type Method = 'GET' | 'POST' | 'DELETE';
const call = (
  method: Method,
  url: string,
  payload?: Record<string, unknown>,
  headers: Record<string, string> = admin,
) => app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload }) });

async function lastEvent(action: string) {
  const response = await call('GET', `/audit?action=${action}&limit=1`);
  return response.json<{ events: Record<string, unknown>[] }>().events[0];
}

/** Signs in a user made through the store, as `lagebild user create` does. */
async function signInUser(login: string, roles: ('provider_editor' | 'planner')[], organisationId: string) {
  await store.accounts.createUser({
    login,
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles,
    organisationId,
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: TEST_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'lagebild_session')!;
  return { cookie: `lagebild_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string };
}

describe('Träger and provider organisations', () => {
  it('lists the Träger with their entries, filtered by text', async () => {
    const all = await call('GET', '/admin/providers');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({
      total: 2,
      providers: [
        {
          id: 'p3',
          name: 'Caritas Nord',
          kind: 'non-profit',
          entries: 1,
          organisationId: null,
          linkedAt: null,
        },
        {
          id: 'p1',
          name: 'Diakonie Süd e. V.',
          kind: 'non-profit',
          entries: 3,
          organisationId: null,
          linkedAt: null,
        },
      ],
    });
    const found = await call('GET', `/admin/providers?q=${encodeURIComponent('diakonie SÜD')}`);
    expect(found.json().providers.map((p: { id: string }) => p.id)).toEqual(['p1']);
    expect((await call('GET', '/admin/providers?limit=1')).json()).toMatchObject({ total: 2 });
  });

  it('links a Träger to a provider organisation, whose editor then edits exactly its entries', async () => {
    const refused = await call('POST', '/admin/providers/p1/organisation', { organisationId: 'jugendamt' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'ValidationFailed' });
    expect(refused.json().message).toContain('kind "department"');
    const unknown = await call('POST', '/admin/providers/nope/organisation', { organisationId: 'diakonie' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('"nope"');

    const linked = await call('POST', '/admin/providers/p1/organisation', { organisationId: 'diakonie' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ id: 'p1', entries: 3, organisationId: 'diakonie' });
    expect(await lastEvent('provider.link')).toMatchObject({
      actorLogin: 'chefin',
      via: 'web',
      targetType: 'provider',
      targetId: 'p1',
      before: { organisationId: null },
      after: { organisationId: 'diakonie' },
    });
    const mine = await call('GET', '/admin/providers?organisationId=diakonie');
    expect(mine.json().providers.map((p: { id: string }) => p.id)).toEqual(['p1']);

    const editor = await signInUser('redaktion', ['provider_editor'], 'diakonie');
    const entries = await call('GET', '/directory/editorial/entries', undefined, editor);
    expect(entries.statusCode).toBe(200);
    expect(
      entries
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual(['s1', 's2', 's3']);
  });

  it('unlinks, audited, and says so when there is nothing to unlink', async () => {
    const unlinked = await call('DELETE', '/admin/providers/p1/organisation');
    expect(unlinked.json()).toEqual({ providerId: 'p1', organisationId: null });
    expect(await lastEvent('provider.unlink')).toMatchObject({
      targetId: 'p1',
      before: { organisationId: 'diakonie' },
      after: { organisationId: null },
    });
    expect(await store.directoryEditorial.listProviderLinks()).toEqual([]);
    const again = await call('DELETE', '/admin/providers/p1/organisation');
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('not linked');
  });

  it('needs admin:manage and the CSRF token', async () => {
    const planner = await signInAs(app, store, 'planner');
    expect((await call('GET', '/admin/providers', undefined, planner)).statusCode).toBe(403);
    const noCsrf = await call(
      'POST',
      '/admin/providers/p1/organisation',
      { organisationId: 'diakonie' },
      {
        cookie: admin.cookie!,
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(await store.directoryEditorial.listProviderLinks()).toEqual([]);
  });
});

describe('data classes per level and organisation', () => {
  const values = (headers: Record<string, string> = {}) =>
    call('GET', '/indicators/arbeitslose/values?level=kreis', undefined, headers);

  it('lets a level class win over the class for all levels, for anonymous readers too', async () => {
    await call('POST', '/admin/indicators/arbeitslose/confidentiality', { confidentiality: 'internal' });
    expect((await values()).statusCode).toBe(404);
    const set = await call('POST', '/admin/indicators/arbeitslose/confidentiality', {
      confidentiality: 'public',
      levelId: 'kreis',
    });
    expect(set.json().dataClasses).toMatchObject([
      { levelId: null, confidentiality: 'internal' },
      { levelId: 'kreis', confidentiality: 'public', organisationId: null },
    ]);
    expect((await values()).statusCode).toBe(200);
    expect((await values()).json().values.length).toBeGreaterThan(0);
  });

  it('limits internal data of one organisation to its members, audited with the scope', async () => {
    const scoped = await call('POST', '/admin/indicators/arbeitslose/confidentiality', {
      confidentiality: 'internal',
      levelId: 'kreis',
      organisationId: 'jugendamt',
    });
    expect(scoped.statusCode).toBe(200);
    expect(await lastEvent('indicator.classify')).toMatchObject({
      summary: expect.stringContaining('for organisation jugendamt'),
      before: { levelId: 'kreis', confidentiality: 'public', organisationId: null },
      after: { levelId: 'kreis', confidentiality: 'internal', organisationId: 'jugendamt' },
    });
    const member = await signInUser('jugendplanerin', ['planner'], 'jugendamt');
    const outsider = await signInUser('fremdplaner', ['planner'], 'diakonie');
    expect((await values(member)).statusCode).toBe(200);
    expect((await values(outsider)).statusCode).toBe(404);
    expect((await values()).statusCode).toBe(404);

    const unknown = await call('POST', '/admin/indicators/arbeitslose/confidentiality', {
      confidentiality: 'internal',
      organisationId: 'nope',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('"nope"');

    await call('POST', '/admin/indicators/arbeitslose/confidentiality', {
      confidentiality: null,
      levelId: 'kreis',
    });
    const listed = (await call('GET', '/admin/indicators')).json();
    expect(listed.find((i: { id: string }) => i.id === 'arbeitslose').dataClasses).toMatchObject([
      { levelId: null, confidentiality: 'internal', organisationId: null },
    ]);
  });
});
