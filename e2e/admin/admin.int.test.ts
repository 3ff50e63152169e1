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
 * stores a good one, and finds every change with before and after in the audit trail. A wrong
 * password is worded for people; axe finds no WCAG 2.1 A/AA issue in any state.
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
});
