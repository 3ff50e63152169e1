/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '@lagebild/core';
import { hashPassword } from '@lagebild/server/auth/password';
import { axe, focusVisible, tabTo } from '../atlas/support/a11y.ts';
import { hasChromium, shot, startAtlas, type Atlas } from '../atlas/support/atlas-harness.ts';

const PASSWORD = 'Verwaltung-Kreis-2026!';

/**
 * The administration page (/verwaltung) in real Chromium on the demo: the first administrator (made
 * through the store, as `lagebild user create` does) signs in by keyboard, creates an organisation and
 * a Gemeinde user, makes an indicator internal, gets a field error for a bad disclosure rule and then
 * stores a good one, and finds every change with before and after in the audit trail; links a Träger
 * to a provider organisation whose new editor then sees exactly its entries, and sets data classes
 * per level that anonymous readers meet. A wrong password is worded for people; axe finds no
 * WCAG 2.1 A/AA issue in any state.
 */
describe.skipIf(!hasChromium)('administration in the browser', () => {
  let atlas: Atlas;
  let indicator: IndicatorDefinition;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    atlas = await startAtlas();
    const passwordHash = await hashPassword(PASSWORD);
    await atlas.store.accounts.createUser({
      login: 'verwaltung',
      displayName: 'Kreisverwaltung',
      passwordHash,
      roles: ['admin'],
    });
    await atlas.store.accounts.createUser({ login: 'planerin', passwordHash, roles: ['planner'] });
    await atlas.store.accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
    const indicators = await atlas.store.listIndicators();
    indicator = indicators.find((i) => i.confidentiality === 'public' && !i.formula)!;
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await atlas?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const context = await atlas.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'de-DE',
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${atlas.baseUrl}/verwaltung`);
    await page.locator('#sign-in-login').waitFor();
    return { page, errors };
  }

  /** Signs in by keyboard alone. */
  async function signIn(page: Page, login: string, password: string): Promise<void> {
    await tabTo(page, '#sign-in-login');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type(login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  }

  async function section(page: Page, id: string, heading: string): Promise<void> {
    await tabTo(page, `.adm-nav a[href="#${id}"]`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  }

  async function noViolations(page: Page, state: string): Promise<void> {
    expect(await axe(page), state).toEqual([]);
  }

  it('words a wrong password for people', async () => {
    const { page, errors } = await open();
    await noViolations(page, 'sign-in form');
    await signIn(page, 'verwaltung', 'falsch-falsch-falsch');
    const message = page.locator('.sign-in-error');
    await expect.poll(() => message.textContent()).toBe('Benutzername oder Passwort stimmen nicht.');
    await noViolations(page, 'wrong password');
    expect(errors).toEqual([]);
  });

  it('tells a user without administration rights so', async () => {
    const { page } = await open();
    await signIn(page, 'planerin', PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'darf die Verwaltung nicht öffnen' }).waitFor();
    expect(await page.locator('.adm-nav').count()).toBe(0);
    await noViolations(page, 'no access');
  });

  it('signs in and out from the atlas header, which leads administrators to /verwaltung', async () => {
    const context = await atlas.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'de-DE',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${atlas.baseUrl}/`);
    await tabTo(page, '.account-links button[aria-expanded="false"]');
    await page.keyboard.press('Enter');
    await page.locator('#account-sign-in #sign-in-login').waitFor();
    expect(await axe(page), 'atlas with the sign-in panel open').toEqual([]);
    await page.locator('#sign-in-login').fill('verwaltung');
    await page.locator('#sign-in-password').fill(PASSWORD);
    await page.locator('#sign-in-password').press('Enter');
    const signOut = page.getByRole('button', { name: 'Abmelden (Kreisverwaltung)' });
    await signOut.waitFor();
    await page.locator('.account-links a[href="/verwaltung"]').click();
    await page.getByRole('heading', { level: 2, name: 'Organisationen' }).waitFor();
    await page.goto(`${atlas.baseUrl}/`);
    await signOut.click();
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
  });

  it('creates an organisation and a user, classifies an indicator, sets a rule and finds it all in the trail', async () => {
    const { page, errors } = await open();
    await signIn(page, 'verwaltung', PASSWORD);
    await page.getByRole('heading', { level: 2, name: 'Organisationen' }).waitFor();
    await page.getByText('Angemeldet als Kreisverwaltung').waitFor();
    await noViolations(page, 'organisations');

    await tabTo(page, '#org-id');
    await page.keyboard.type('gemeinde-nord');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('org-name');
    await page.keyboard.type('Gemeinde Nord');
    await page.locator('#org-kind').selectOption('gemeinde');
    await tabTo(page, 'form[aria-labelledby="org-create-heading"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Organisation Gemeinde Nord angelegt.' }).waitFor();
    await page.getByRole('rowheader', { name: 'Gemeinde Nord' }).waitFor();

    await section(page, 'users', 'Benutzer');
    await page.locator('#user-login').fill('gemeinde-nord');
    await page.locator('#user-password').fill('kurz');
    await page.getByRole('checkbox', { name: 'Gemeinde' }).check();
    await page.locator('#user-organisation').selectOption('gemeinde-nord');
    await page.locator('#user-areas').fill('gemeinde:01001');
    await page.locator('form[aria-labelledby="user-create-heading"] button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#user-password-error').textContent())
      .toBe('Das Passwort braucht mindestens 12 Zeichen.');
    expect(await page.locator('#user-password').getAttribute('aria-invalid')).toBe('true');
    await noViolations(page, 'user form with a refused password');
    await page.locator('#user-password').fill('Gemeinde-Nord-2026!');
    await page.locator('form[aria-labelledby="user-create-heading"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Benutzer gemeinde-nord angelegt.' }).waitFor();
    await page.getByRole('rowheader', { name: 'gemeinde-nord' }).waitFor();
    await noViolations(page, 'users');

    await section(page, 'indicators', 'Datenklassen und Geheimhaltung');
    const classSelect = page.getByLabel(`Datenklasse: ${indicator.name}`, { exact: true });
    await classSelect.selectOption('internal');
    await page.getByRole('button', { name: `Speichern: Datenklasse ${indicator.name}`, exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Datenklasse von ${indicator.name}: intern.` })
      .waitFor();

    await tabTo(page, `button[aria-label="Regel bearbeiten: ${indicator.name}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#rule-min-count').fill('1');
    await page.locator('form[aria-labelledby="rule-heading"] button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#rule-min-count-error').textContent())
      .toBe('Eine ganze Zahl ab 2 – oder leer lassen (dann keine Mindestfallzahl).');
    await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie die markierten Felder.' }).waitFor();
    expect(await page.locator('#rule-min-count').getAttribute('aria-invalid')).toBe('true');
    await noViolations(page, 'disclosure rule with a field error');
    await shot(page, 'admin-rule-error');
    await page.locator('#rule-min-count').fill('3');
    await page.locator('form[aria-labelledby="rule-heading"] button[type="submit"]').click();
    await page
      .getByRole('status')
      .filter({ hasText: `Geheimhaltungsregel für ${indicator.name} gespeichert.` })
      .waitFor();
    expect(await atlas.store.access.listDisclosureRules()).toMatchObject([
      { indicatorId: indicator.id, rule: { minCount: 3 } },
    ]);

    await section(page, 'audit', 'Änderungsprotokoll');
    await page.locator('#audit-text').fill('gemeinde nord');
    await page.locator('#audit-text').press('Enter');
    const orgRow = page.locator('.adm-audit > tbody > tr').filter({ hasText: 'organisation.create' });
    await orgRow.waitFor();
    expect(await orgRow.locator('.adm-diff tr').filter({ hasText: 'name' }).textContent()).toContain(
      'Gemeinde Nord',
    );
    await noViolations(page, 'audit search');

    await page.locator('#audit-text').fill('');
    await page.locator('#audit-action').fill('disclosure.rule');
    await page.locator('#audit-action').press('Enter');
    const ruleRow = page
      .locator('.adm-audit > tbody > tr')
      .filter({ hasText: 'disclosure.rule' })
      .filter({ hasText: indicator.id });
    await ruleRow.waitFor();
    const minCount = ruleRow.locator('.adm-diff tbody tr').filter({ hasText: 'minCount' });
    expect(await minCount.locator('td').allTextContents()).toEqual(['–', '3']);
    expect(await ruleRow.textContent()).toContain('verwaltung');

    await page.locator('#audit-action').fill('indicator.classify');
    await page.locator('#audit-action').press('Enter');
    const classRow = page
      .locator('.adm-audit > tbody > tr')
      .filter({ hasText: 'indicator.classify' })
      .filter({ hasText: indicator.id });
    await classRow.waitFor();
    const confidentiality = classRow.locator('.adm-diff tbody tr').filter({ hasText: /^confidentiality/ });
    expect(await confidentiality.locator('td').allTextContents()).toEqual(['–', 'internal']);
    await noViolations(page, 'audit with before and after');
    await shot(page, 'admin-audit');
    expect(errors).toEqual([]);
  });

  it('links a Träger to a provider organisation, whose new editor then edits exactly its entries', async () => {
    const entries = await atlas.store.listDirectoryEntries();
    const counts = new Map<string, { name: string; ids: string[] }>();
    for (const e of entries)
      if (e.provider)
        counts.set(e.provider.id, {
          name: e.provider.name,
          ids: [...(counts.get(e.provider.id)?.ids ?? []), e.service.id],
        });
    const [providerId, traeger] = [...counts].find(([, c]) => c.ids.length >= 2)!;

    const { page, errors } = await open();
    await signIn(page, 'verwaltung', PASSWORD);
    await page.getByRole('heading', { level: 2, name: 'Organisationen' }).waitFor();
    await page.locator('#org-id').fill('traeger-sued');
    await page.locator('#org-name').fill('Träger Süd');
    await page.locator('#org-kind').selectOption('provider');
    await page.locator('form[aria-labelledby="org-create-heading"] button[type="submit"]').click();
    await page.getByRole('rowheader', { name: 'Träger Süd' }).waitFor();

    await tabTo(page, 'button[aria-label="Träger: Träger Süd"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Träger von Träger Süd' }).waitFor();
    await page.getByText('Noch kein Träger verknüpft.').waitFor();
    await tabTo(page, '#prov-search');
    await page.keyboard.type(traeger.name);
    await page.keyboard.press('Enter');
    const found = page.locator(`#prov-panel tr[data-provider="${providerId}"]`);
    await found.waitFor();
    await noViolations(page, 'Träger panel with search results');
    await tabTo(page, `#prov-panel tr[data-provider="${providerId}"] button`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Träger ${traeger.name} mit Träger Süd verknüpft.` })
      .waitFor();
    const linkedRow = page
      .locator('table[aria-labelledby="prov-linked-heading"] tbody tr')
      .filter({ hasText: providerId });
    expect(await linkedRow.locator('td').allTextContents()).toEqual([
      String(traeger.ids.length),
      'Träger Süd',
      'Verknüpfung lösen',
    ]);
    await noViolations(page, 'Träger panel with a linked Träger');
    await shot(page, 'admin-provider-links');

    await section(page, 'users', 'Benutzer');
    await page.locator('#user-login').fill('redaktion-sued');
    await page.locator('#user-password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: 'Träger (Wegweiser)' }).check();
    await page.locator('#user-organisation').selectOption('traeger-sued');
    await page.locator('form[aria-labelledby="user-create-heading"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Benutzer redaktion-sued angelegt.' }).waitFor();
    expect(errors).toEqual([]);

    // The editor, through the API as the editorial page uses it: exactly the linked Träger's entries.
    const login = await fetch(`${atlas.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'redaktion-sued', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const listed = await fetch(`${atlas.baseUrl}/api/v1/directory/editorial/entries?limit=500`, {
      headers: { cookie },
    });
    const body = (await listed.json()) as { total: number; items: { id: string }[] };
    expect(body.items.map((i) => i.id).sort()).toEqual([...traeger.ids].sort());
  });

  it('sets data classes per level that anonymous readers meet on each level', async () => {
    const candidates = (await atlas.store.listIndicators()).filter(
      (i) => i.confidentiality === 'public' && !i.formula && i.id !== indicator.id,
    );
    let chosen: { id: string; name: string; levels: string[] } | undefined;
    for (const i of candidates) {
      const levels = (await atlas.store.countObservations(i.id)).filter((c) => c.values > 0);
      if (levels.length >= 2) {
        chosen = { id: i.id, name: i.name, levels: levels.map((l) => l.levelId) };
        break;
      }
    }
    const [open1, closed] = chosen!.levels as [string, string];
    // How many values an anonymous reader gets; a level closed to them has none (period null).
    const anonymous = async (level: string) => {
      const response = await fetch(`${atlas.baseUrl}/api/v1/indicators/${chosen!.id}/values?level=${level}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { values: unknown[] }).values.length;
    };
    const [openCount, closedCount] = [await anonymous(open1), await anonymous(closed)];
    expect(openCount).toBeGreaterThan(0);
    expect(closedCount).toBeGreaterThan(0);

    const { page, errors } = await open();
    await signIn(page, 'verwaltung', PASSWORD);
    await section(page, 'indicators', 'Datenklassen und Geheimhaltung');
    const toggle = page.locator(`button[aria-label="Klassen je Ebene: ${chosen!.name}"]`);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: `Datenklassen je Ebene: ${chosen!.name}` }).waitFor();
    await page.getByText('Eine Klasse für eine Ebene gilt nur auf dieser Ebene').waitFor();
    await noViolations(page, 'classes per level, none set');

    // From the panel's heading (where opening it put the focus), as a keyboard user goes back up.
    const heading = page.locator('#level-class-heading');
    async function setClass(level: string, cls: string, organisation = '') {
      await heading.focus();
      await tabTo(page, '#level-class-level');
      await page.locator('#level-class-level').selectOption(level);
      await page.locator('#level-class-class').selectOption(cls);
      await page.locator('#level-class-organisation').selectOption(organisation);
      await tabTo(page, 'form[aria-labelledby="level-class-add"] button[type="submit"]');
      await page.keyboard.press('Enter');
      await page
        .locator(`section[aria-labelledby="level-class-heading"] tr[data-level="${level}"]`)
        .waitFor();
    }
    await setClass(closed, 'internal', 'jugendamt');
    await setClass(open1, 'public');
    const closedRow = page.locator(`tr[data-level="${closed}"]`);
    expect(await closedRow.locator('td').allTextContents()).toEqual(['intern', 'Jugendamt', 'Entfernen']);
    await noViolations(page, 'classes per level, two set');
    await shot(page, 'admin-level-classes');
    expect(await atlas.store.access.listDataClasses()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicatorId: chosen!.id, levelId: closed, organisationId: 'jugendamt' }),
        expect.objectContaining({ indicatorId: chosen!.id, levelId: open1, confidentiality: 'public' }),
      ]),
    );
    expect([await anonymous(open1), await anonymous(closed)]).toEqual([openCount, 0]);

    await heading.focus();
    await tabTo(page, `tr[data-level="${closed}"] button`);
    await page.keyboard.press('Enter');
    await closedRow.waitFor({ state: 'detached' });
    expect(await anonymous(closed)).toBe(closedCount);
    expect(errors).toEqual([]);
  });
});
