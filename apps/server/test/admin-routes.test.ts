import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@lagebild/store';
import { appWithFixtures, fixtureMapping, multipart, readFixture, signInAs } from './helpers.ts';

// The administration API over HTTP with a real SQLite store: every change lands in the audit trail
// with its state before and after.
let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;
let admin: Record<string, string>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
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
  expect(response.statusCode).toBe(200);
  return response.json<{ events: Record<string, unknown>[] }>().events[0];
}

describe('organisations', () => {
  it('creates, changes and deletes organisations, each change audited', async () => {
    expect(
      (await call('POST', '/admin/organisations', { id: 'kreis', name: 'Landkreis', kind: 'kreis' }))
        .statusCode,
    ).toBe(201);
    const created = await call('POST', '/admin/organisations', {
      id: 'nord',
      name: 'Gemeinde Nord',
      kind: 'gemeinde',
      parentId: 'kreis',
    });
    expect(created.json()).toMatchObject({ id: 'nord', parentId: 'kreis' });
    expect(await lastEvent('organisation.create')).toMatchObject({
      actorLogin: 'chefin',
      via: 'web',
      targetId: 'nord',
      before: null,
      after: { id: 'nord', name: 'Gemeinde Nord' },
    });

    const renamed = await call('POST', '/admin/organisations/nord', { name: 'Stadt Nord' });
    expect(renamed.json()).toMatchObject({ name: 'Stadt Nord', kind: 'gemeinde', parentId: 'kreis' });
    expect(await lastEvent('organisation.update')).toMatchObject({
      before: { name: 'Gemeinde Nord' },
      after: { name: 'Stadt Nord' },
    });
    const cycle = await call('POST', '/admin/organisations/kreis', { parentId: 'nord' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toContain('cannot be the parent');
    const badId = await call('POST', '/admin/organisations', { id: 'Nord Ost', name: 'X', kind: 'gemeinde' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details[0].path).toBe('id');
    expect((await call('POST', '/admin/organisations/nope', { name: 'X' })).statusCode).toBe(404);

    const list = await call('GET', '/admin/organisations');
    expect(list.json().map((o: { id: string }) => o.id)).toEqual(['kreis', 'nord']);
  });

  it('refuses to delete an organisation a user belongs to, naming the user', async () => {
    await call('POST', '/admin/organisations', { id: 'sued', name: 'Gemeinde Süd', kind: 'gemeinde' });
    const user = await call('POST', '/admin/users', {
      login: 'gisela',
      password: 'Sued-Gemeinde-2026',
      roles: ['gemeinde_user'],
      organisationId: 'sued',
    });
    const refused = await call('DELETE', '/admin/organisations/sued');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'Conflict' });
    expect(refused.json().message).toContain('gisela');
    await call('POST', `/admin/users/${user.json().id}`, { organisationId: null });
    expect((await call('DELETE', '/admin/organisations/sued')).json()).toEqual({ deleted: 'sued' });
    expect(await lastEvent('organisation.delete')).toMatchObject({ before: { id: 'sued' }, after: null });
  });
});

describe('users', () => {
  it('creates a user with the password policy and never returns or audits the hash', async () => {
    const weak = await call('POST', '/admin/users', { login: 'anna', password: 'kurz', roles: ['planner'] });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details).toEqual([{ path: 'password', message: expect.stringContaining('12') }]);
    const noRole = await call('POST', '/admin/users', {
      login: 'anna',
      password: 'Anna-plant-2026',
      roles: [],
    });
    expect(noRole.statusCode).toBe(400);

    const created = await call('POST', '/admin/users', {
      login: 'anna',
      displayName: 'Anna Planer',
      password: 'Anna-plant-2026',
      roles: ['department_planner'],
      topics: ['Jugend'],
      areas: [{ levelId: 'kreis', key: '01001' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ login: 'anna', roles: ['department_planner'], failedLogins: 0 });
    expect(created.body).not.toContain('argon2');
    const twin = await call('POST', '/admin/users', {
      login: 'ANNA',
      password: 'Anna-plant-2026',
      roles: ['reader'],
    });
    expect(twin.statusCode).toBe(409);
    const event = await lastEvent('user.create');
    expect(event).toMatchObject({
      targetId: created.json().id,
      after: { login: 'anna', topics: ['Jugend'] },
    });
    expect(JSON.stringify(event)).not.toMatch(/argon2|password"/i);
  });

  it("changes roles (ending the user's sessions), sets a password and unlocks", async () => {
    const bert = await signInAs(app, store, 'reader', 'bert');
    const id = (await store.accounts.findCredentials('bert'))!.id;
    const changed = await call('POST', `/admin/users/${id}`, { roles: ['planner'], displayName: 'Bert B.' });
    expect(changed.json()).toMatchObject({ roles: ['planner'], displayName: 'Bert B.' });
    expect((await call('GET', '/auth/me', undefined, { cookie: bert.cookie })).json().user).toBeNull();
    expect(await lastEvent('user.update')).toMatchObject({
      before: { roles: ['reader'], displayName: 'bert' },
      after: { roles: ['planner'], displayName: 'Bert B.' },
    });

    for (let i = 0; i < 5; i++)
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'bert', password: 'wrong-wrong-wrong' },
        remoteAddress: '10.9.9.9',
      });
    expect((await store.accounts.getUser(id))!.lockedUntil).not.toBeNull();
    expect(await lastEvent('auth.lockout')).toMatchObject({
      targetType: 'user',
      targetId: id,
      actorUserId: null,
    });
    expect(await lastEvent('auth.login_failed')).toMatchObject({
      summary: 'Failed sign-in as bert',
      ip: '10.9.9.9',
    });
    const unlocked = await call('POST', `/admin/users/${id}/unlock`, {});
    expect(unlocked.json()).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(await lastEvent('user.unlock')).toMatchObject({ before: { lockedUntil: expect.any(String) } });

    const weak = await call('POST', `/admin/users/${id}/password`, { password: 'bert' });
    expect(weak.statusCode).toBe(400);
    expect(
      (await call('POST', `/admin/users/${id}/password`, { password: 'Neues-Kennwort-Bert-1' })).statusCode,
    ).toBe(200);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'bert', password: 'Neues-Kennwort-Bert-1' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(await lastEvent('auth.login')).toMatchObject({ actorLogin: 'bert', targetId: id });
    expect(JSON.stringify(await lastEvent('user.password'))).not.toContain('Neues-Kennwort');
  });

  it('keeps the last administrator: no self-demotion, no deletion', async () => {
    const self = (await store.accounts.findCredentials('chefin'))!.id;
    const demote = await call('POST', `/admin/users/${self}`, { roles: ['planner'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().message).toContain('last administrator');
    const remove = await call('DELETE', `/admin/users/${self}`);
    expect(remove.statusCode).toBe(409);
    expect((await store.accounts.getUser(self))!.roles).toEqual(['admin']);

    const other = await call('POST', '/admin/users', {
      login: 'zweite',
      password: 'Zweite-Admin-2026',
      roles: ['admin'],
    });
    const deleted = await call('DELETE', `/admin/users/${other.json().id}`);
    expect(deleted.json()).toEqual({ deleted: other.json().id });
    expect(await lastEvent('user.delete')).toMatchObject({ before: { login: 'zweite' }, after: null });
    expect((await call('DELETE', `/admin/users/${other.json().id}`)).statusCode).toBe(404);
  });

  it('needs admin:manage and the CSRF token', async () => {
    const planner = await signInAs(app, store, 'planner', 'petra');
    expect((await call('GET', '/admin/users', undefined, planner)).statusCode).toBe(403);
    const noCsrf = await call(
      'POST',
      '/admin/organisations',
      { id: 'x', name: 'X', kind: 'other' },
      { cookie: admin.cookie! },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CsrfFailed');
  });
});

describe('data classes and disclosure rules', () => {
  it('classifies an indicator and shows the class before and after in the trail', async () => {
    const set = await call('POST', '/admin/indicators/arbeitslose/confidentiality', {
      confidentiality: 'internal',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().dataClasses).toMatchObject([{ levelId: null, confidentiality: 'internal' }]);
    expect(await lastEvent('indicator.classify')).toMatchObject({
      targetId: 'arbeitslose',
      before: { confidentiality: null, catalogue: 'public' },
      after: { confidentiality: 'internal' },
    });
    const list = await call('GET', '/admin/indicators');
    expect(list.json().find((i: { id: string }) => i.id === 'arbeitslose')).toMatchObject({
      catalogueConfidentiality: 'public',
      dataClasses: [{ confidentiality: 'internal' }],
    });
    expect(
      (await call('POST', '/admin/indicators/nope/confidentiality', { confidentiality: 'internal' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/admin/indicators/arbeitslose/confidentiality', { confidentiality: 'secret' }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses a bad disclosure rule with the problems per field, then stores a good one', async () => {
    const bad = await call('POST', '/admin/indicators/arbeitslose/disclosure-rule', {
      rule: { minCount: 1, minPopulation: { indicatorId: 'einwohner', threshold: -5 } },
    });
    expect(bad.statusCode).toBe(400);
    const { details } = bad.json();
    expect(Object.keys(details.fields).sort()).toEqual(['minCount', 'minPopulation.threshold']);
    expect(details.fields.minCount[0]).toContain('>= 2');
    expect(await store.access.listDisclosureRules()).toEqual([]);

    const good = await call('POST', '/admin/indicators/arbeitslose/disclosure-rule', {
      rule: { minCount: 3, publishZeros: false },
    });
    expect(good.json()).toEqual({
      indicatorId: 'arbeitslose',
      rule: { minCount: 3, publishZeros: false, minPopulation: null, poolPeriods: null },
    });
    expect((await call('GET', '/admin/disclosure-rules')).json()).toMatchObject([
      { indicatorId: 'arbeitslose', rule: { minCount: 3 } },
    ]);
    expect(await lastEvent('disclosure.rule')).toMatchObject({ before: null, after: { minCount: 3 } });
    await call('POST', '/admin/indicators/arbeitslose/disclosure-rule', { rule: null });
    expect(await lastEvent('disclosure.rule')).toMatchObject({ before: { minCount: 3 }, after: null });
  });
});

describe('audit search', () => {
  it('filters by text, user, action and time, pages, and is open to the statistics office only besides admins', async () => {
    const byText = await call('GET', '/audit?text=STADT%20NORD&limit=5');
    expect(byText.json().events.map((e: { action: string }) => e.action)).toEqual(['organisation.update']);
    const self = (await store.accounts.findCredentials('chefin'))!.id;
    const mine = await call('GET', `/audit?user=${self}&action=user.&limit=2&offset=0`);
    expect(mine.json().total).toBeGreaterThan(2);
    expect(mine.json().events).toHaveLength(2);
    expect((await call('GET', '/audit?from=2999-01-01&limit=5')).json()).toEqual({ total: 0, events: [] });
    expect((await call('GET', '/audit?from=yesterday')).statusCode).toBe(400);
    const office = await signInAs(app, store, 'statistikstelle', 'stella');
    expect((await call('GET', '/audit?limit=1', undefined, office)).statusCode).toBe(200);
    const reader = await signInAs(app, store, 'reader', 'rudi');
    expect((await call('GET', '/audit', undefined, reader)).statusCode).toBe(403);
  });

  it('records imports undone, token changes and signing out', async () => {
    const tokens = await call('POST', '/auth/tokens', { name: 'nightly', permissions: ['data:read'] });
    const { token, info } = tokens.json();
    expect(await lastEvent('token.create')).toMatchObject({ targetId: info.id, after: { name: 'nightly' } });
    const viaToken = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    await call('DELETE', `/auth/tokens/${info.id}`);
    expect(await lastEvent('token.revoke')).toMatchObject({
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    const trail = JSON.stringify((await call('GET', '/audit?limit=500')).json());
    expect(trail).not.toContain(token.slice(4));

    const upload = multipart({ mapping: JSON.stringify(fixtureMapping('werte.mapping.yaml')) }, [
      { name: 'werte-neu.csv', bytes: readFixture('werte.csv') },
    ]);
    const dry = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...upload,
      headers: { ...upload.headers, ...admin },
    });
    const applied = await call('POST', `/imports/${dry.json().importId}/apply`, {});
    expect(applied.statusCode).toBe(200);
    expect(await lastEvent('import.apply')).toMatchObject({
      targetType: 'batch',
      targetId: String(applied.json().batchId),
      after: { file: 'werte-neu.csv', diff: { observations: expect.any(Object) } },
    });

    const [batch] = await store.listBatches();
    expect((await call('POST', `/batches/${batch!.id}/undo`, {})).statusCode).toBe(200);
    expect(await lastEvent('batch.undo')).toMatchObject({
      targetId: String(batch!.id),
      before: { status: 'applied' },
      after: { status: 'undone' },
    });

    const planner = await signInAs(app, store, 'planner', 'olga');
    await call('POST', '/auth/logout', {}, planner);
    expect(await lastEvent('auth.logout')).toMatchObject({ actorLogin: 'olga', via: 'web' });
  });
});
