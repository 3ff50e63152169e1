import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@lagebild/store';
import { buildApp } from '../src/app.ts';
import { createAppContext } from '../src/app-context-factory.ts';
import { oidcConfigFrom, type OidcUserPolicy } from '../src/auth/oidc/oidc-config.ts';
import { hashPassword, NO_LOCAL_PASSWORD } from '../src/auth/password.ts';
import { resolveSettings, type SettingName } from '../src/settings.ts';
import { CookieJarClient, type Hop } from './support/cookie-jar-client.ts';
import { startTestProvider, type TestProvider } from './support/oidc-test-provider.ts';
import { addSignInPage } from './support/sso-test-page.ts';

// Single sign-on end to end against a real OpenID Connect provider (oidc-provider) on this machine:
// Lagebild on 127.0.0.1, the provider on localhost, so the way back is a cross-site redirect as in
// production. The protocol cases walk with a cookie jar; one run clicks through in Chromium.

const CHROMIUM = process.env.LAGEBILD_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Single sign-on browser test skipped: no Chromium at ${CHROMIUM}.`);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

const LOGIN = '/api/v1/auth/oidc/login';
const CALLBACK = '/api/v1/auth/oidc/callback';
const ROLE_MAPPING = {
  sozialplanung: 'planner',
  'lagebild-admins': ['admin', 'reader'],
  jugendamt: 'department_planner',
};

interface Lagebild {
  app: FastifyInstance;
  base: string;
}

let provider: TestProvider;
let store: Store;
let dir: string;
const sites = {} as Record<OidcUserPolicy, Lagebild>;

beforeAll(async () => {
  provider = await startTestProvider();
  dir = mkdtempSync(join(tmpdir(), 'lagebild-oidc-'));
  store = await openStore(`sqlite:${join(dir, 'oidc.db')}`);
  await store.migrate();
  await store.accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
  // One Lagebild per first-sign-in policy, all on the same store.
  for (const users of ['create', 'link', 'existing'] as const) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const oidc = oidcConfigFrom(settings({ oidcRedirectBase: base, oidcUsers: users }));
    const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1 << 20, oidc }));
    if (users === 'create') await addSignInPage(app, '/sso-test');
    await app.listen({ host: '127.0.0.1', port });
    sites[users] = { app, base };
  }
  provider.start(Object.values(sites).map((site) => `${site.base}${CALLBACK}`));
  const person = (login: string, groups: string[]) => ({
    preferred_username: login,
    name: `${login[0]!.toUpperCase()}${login.slice(1)} Muster`,
    email: `${login}@kreis.example`,
    groups,
  });
  provider.accounts.set('sub-anna', person('anna', ['sozialplanung', 'kantine']));
  provider.accounts.set('sub-eva', person('eva', ['jugendamt']));
  provider.accounts.set('sub-otto', person('otto', ['kantine', 'betriebsrat']));
  provider.accounts.set('sub-bert', person('bert', ['sozialplanung']));
  provider.accounts.set('sub-carla', person('carla', ['sozialplanung']));
  provider.accounts.set('sub-rosa', person('rosa', ['sozialplanung']));
  provider.accounts.set('sub-ines', person('ines', ['jugendamt']));
});

afterAll(async () => {
  for (const site of Object.values(sites)) await site.app.close();
  await provider?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function settings(overrides: Partial<Record<SettingName, string>>) {
  return resolveSettings(
    {
      oidcIssuer: provider.issuer,
      oidcClientId: provider.clientId,
      oidcClientSecret: provider.clientSecret,
      oidcScopes: 'openid profile email groups',
      oidcRoleMapping: JSON.stringify(ROLE_MAPPING),
      oidcOrganisationClaim: 'groups',
      oidcOrganisationMapping: JSON.stringify({ jugendamt: 'jugendamt' }),
      ...overrides,
    },
    {},
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a sign-in at `site` and logs in at the provider as `subject`; returns the callback URL, not yet visited. */
async function toCallback(jar: CookieJarClient, site: Lagebild, subject: string, returnTo = '/wegweiser') {
  const start = `${site.base}${LOGIN}?returnTo=${encodeURIComponent(returnTo)}`;
  const form = await jar.follow(start, (hop) => isCallback(hop, site));
  // Signed in at the provider already: it sends the browser straight back, as single sign-on does.
  if (isCallback(form, site)) return form.location!;
  expect(form.status, form.body).toBe(200);
  expect(form.url.startsWith(`${provider.issuer}/interaction/`)).toBe(true);
  const submitted = await jar.request(`${form.url}/login`, {
    method: 'POST',
    body: `login=${encodeURIComponent(subject)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const last = await jar.follow(submitted.location!, (hop) => isCallback(hop, site));
  expect(isCallback(last, site), last.body).toBe(true);
  return last.location!;
}

function isCallback(hop: Hop, site: Lagebild): boolean {
  return hop.location?.startsWith(`${site.base}${CALLBACK}?`) ?? false;
}

/** The whole sign-in; returns the callback's answer and who /auth/me says is signed in. */
async function signIn(site: Lagebild, subject: string, returnTo?: string, jar = new CookieJarClient()) {
  const answer = await jar.get(await toCallback(jar, site, subject, returnTo));
  const me = JSON.parse((await jar.get(`${site.base}/api/v1/auth/me`)).body) as {
    user: { id: string; login: string; displayName: string; organisationId: string | null } | null;
    roles: string[];
  };
  return { answer, me, jar };
}

function refusalCode(hop: Hop): string | null {
  return /<span id="refusal-code">(\w+)<\/span>/.exec(hop.body)?.[1] ?? null;
}

describe('single sign-on through OpenID Connect', () => {
  it('tells the web whether single sign-on is set up', async () => {
    const info = await fetch(`${sites.create.base}/api/v1/auth/oidc`).then((r) => r.json());
    expect(info).toEqual({
      enabled: true,
      label: 'Mit dem Konto des Landkreises anmelden',
      labelEn: 'Sign in with your county account',
      loginUrl: LOGIN,
    });
    const plain = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1 << 20 }));
    expect((await plain.inject({ url: '/api/v1/auth/oidc' })).json()).toMatchObject({ enabled: false });
    const login = await plain.inject({ url: LOGIN });
    expect(login.statusCode).toBe(404);
    expect(login.body).toContain('SsoDisabled');
    await plain.close();
  });

  it('signs in a new user with the mapped roles, lands on returnTo, and gives no local password', async () => {
    const { answer, me, jar } = await signIn(sites.create, 'sub-anna', '/wegweiser?q=kita#karte');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${sites.create.base}/wegweiser?q=kita#karte`);
    expect(jar.cookie(sites.create.base, 'lagebild_oidc_flow')).toBeNull();
    expect(me.user).toMatchObject({ login: 'anna', displayName: 'Anna Muster', organisationId: null });
    expect(me.roles).toEqual(['planner']);
    expect((await store.accounts.findCredentials('anna'))?.passwordHash).toBe(NO_LOCAL_PASSWORD);
    const trail = await store.audit.search({ action: 'auth.sso_login', limit: 10, offset: 0 });
    expect(trail.events.map((e) => [e.actorLogin, e.via])).toContainEqual(['anna', 'web']);
    const local = await fetch(`${sites.create.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'anna', password: NO_LOCAL_PASSWORD }),
    });
    expect(local.status).toBe(401);
  });

  it('re-syncs roles and organisation at every sign-in, each time with a new session', async () => {
    const first = await signIn(sites.create, 'sub-eva');
    expect(first.me.roles).toEqual(['department_planner']);
    expect(first.me.user?.organisationId).toBe('jugendamt');
    const firstSession = first.jar.cookie(sites.create.base, 'lagebild_session');
    expect(firstSession).not.toBeNull();
    // The groups change at the provider; the browser is still signed in there.
    provider.accounts.get('sub-eva')!.groups = ['lagebild-admins'];
    const second = await signIn(sites.create, 'sub-eva', '/', first.jar);
    expect(second.me.user?.id).toBe(first.me.user?.id);
    expect(second.me.roles).toEqual(['admin', 'reader']);
    expect(second.me.user?.organisationId).toBeNull();
    const secondSession = second.jar.cookie(sites.create.base, 'lagebild_session');
    expect(secondSession).not.toBeNull();
    expect(secondSession).not.toBe(firstSession);
  });

  it('refuses a tampered state, and the flow is used up by it', async () => {
    const jar = new CookieJarClient();
    const callback = new URL(await toCallback(jar, sites.create, 'sub-anna'));
    const real = callback.href;
    callback.searchParams.set('state', 'forged-state');
    const tampered = await jar.get(callback.href);
    expect(tampered.status).toBe(400);
    expect(refusalCode(tampered)).toBe('StateMismatch');
    expect(tampered.body).toContain('state');
    expect(tampered.body).not.toMatch(/at .*\.ts:\d+/);
    const replay = await jar.get(real);
    expect(replay.status).toBe(400);
    expect(refusalCode(replay)).toBe('FlowUnknown');
    expect(jar.cookie(sites.create.base, 'lagebild_session')).toBeNull();
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const callback = await toCallback(new CookieJarClient(), sites.create, 'sub-anna');
    const victim = new CookieJarClient();
    const answer = await victim.get(callback);
    expect(answer.status).toBe(400);
    expect(refusalCode(answer)).toBe('FlowUnknown');
    expect(victim.cookie(sites.create.base, 'lagebild_session')).toBeNull();
  });

  it('ignores a returnTo that leaves the site', async () => {
    for (const returnTo of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const { answer, me } = await signIn(sites.create, 'sub-anna', returnTo);
      expect(answer.location, returnTo).toBe(`${sites.create.base}/`);
      expect(me.user?.login).toBe('anna');
    }
  });

  it('refuses a user none of whose groups is mapped, saying so, and creates nobody', async () => {
    const { answer, me } = await signIn(sites.create, 'sub-otto');
    expect(answer.status).toBe(403);
    expect(refusalCode(answer)).toBe('NoMappedRole');
    expect(answer.body).toContain('kantine, betriebsrat');
    expect(answer.type).toContain('text/html');
    expect(me.user).toBeNull();
    expect(await store.accounts.findCredentials('otto')).toBeNull();
  });

  it('ends on a page when the person cancels at the provider', async () => {
    const jar = new CookieJarClient();
    const form = await jar.follow(`${sites.create.base}${LOGIN}`);
    const answer = await jar.follow(`${form.url}/abort`);
    expect(answer.url.startsWith(`${sites.create.base}${CALLBACK}`)).toBe(true);
    expect(answer.status).toBe(403);
    expect(refusalCode(answer)).toBe('Denied');
    expect(answer.body).toContain('End-User aborted interaction');
  });

  it('links a local user with the same login only where the setting allows it', async () => {
    const bert = await store.accounts.createUser({
      login: 'Bert',
      passwordHash: await hashPassword('Ein-langes-Kennwort-42'),
      roles: ['reader'],
    });
    const refused = await signIn(sites.create, 'sub-bert');
    expect(refused.answer.status).toBe(409);
    expect(refusalCode(refused.answer)).toBe('LoginTaken');
    expect(
      await store.accounts.findUserByIdentity({ issuer: provider.issuer, subject: 'sub-bert' }),
    ).toBeNull();

    const linked = await signIn(sites.link, 'sub-bert');
    expect(linked.answer.status).toBe(303);
    expect(linked.me.user?.id).toBe(bert.id);
    expect(linked.me.roles).toEqual(['planner']);
    // The local password still works for a linked user.
    const local = await fetch(`${sites.link.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bert', password: 'Ein-langes-Kennwort-42' }),
    });
    expect(local.status).toBe(200);
  });

  it('with users=existing, signs in only users that exist already', async () => {
    const refused = await signIn(sites.existing, 'sub-carla');
    expect(refused.answer.status).toBe(403);
    expect(refusalCode(refused.answer)).toBe('NotProvisioned');
    expect(await store.accounts.findCredentials('carla')).toBeNull();
    await store.accounts.createUser({ login: 'rosa', passwordHash: NO_LOCAL_PASSWORD, roles: ['reader'] });
    const admitted = await signIn(sites.existing, 'sub-rosa');
    expect(admitted.me).toMatchObject({ user: { login: 'rosa' }, roles: ['planner'] });
  });

  it('ends on a page when the provider cannot be reached', async () => {
    const closed = await freePort();
    const oidc = oidcConfigFrom(
      settings({ oidcIssuer: `http://127.0.0.1:${closed}`, oidcRedirectBase: 'http://127.0.0.1:1' }),
    );
    const app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1 << 20, oidc }));
    const answer = await app.inject({ url: `${LOGIN}?returnTo=/` });
    await app.close();
    expect(answer.statusCode).toBe(502);
    expect(answer.body).toContain('ProviderUnreachable');
    expect(answer.body).toContain('nicht erreichbar');
  });
});

describe.skipIf(!hasChromium)('single sign-on in the browser', () => {
  it('signs in through the button of the sign-in form and comes back signed in', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ locale: 'de-DE' });
      await page.goto(`${sites.create.base}/sso-test`);
      await page.getByRole('link', { name: 'Mit dem Konto des Landkreises anmelden' }).click();
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      await page.fill('#login', 'sub-ines');
      await page.getByRole('button', { name: 'Sign in at the provider' }).click();
      await page.waitForURL(`${sites.create.base}/sso-test`);
      await expect
        .poll(() => page.locator('#signed-in').textContent())
        .toBe('Angemeldet als ines (department_planner)');
      const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
      expect(me.user).toMatchObject({ login: 'ines', organisationId: 'jugendamt' });
      expect(me.csrfToken).toEqual(expect.any(String));
    } finally {
      await browser.close();
    }
  });
});
