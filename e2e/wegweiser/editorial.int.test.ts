/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '@lagebild/core';
import { hashPassword } from '@lagebild/server/auth/password';
import { axe, tabTo } from '../atlas/support/a11y.ts';
import { hasChromium, startAtlas, type Atlas } from '../atlas/support/atlas-harness.ts';

const PASSWORD = 'Redaktion-Wegweiser-2026!';

interface PublicService {
  freePlaces: number | null;
  contact: { phone: string | null };
}

/**
 * The editorial workflow in real Chromium on the demo: a provider editor changes an entry on
 * /redaktion, the portal keeps the old value until a reviewer publishes it, the history lists the
 * change; a citizen reports a missing service by keyboard alone; axe finds no WCAG 2.1 A/AA issue.
 */
describe.skipIf(!hasChromium)('Wegweiser editorial office in the browser', () => {
  let atlas: Atlas;
  let entry: DirectoryEntry;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    atlas = await startAtlas();
    const today = new Date().toISOString().slice(0, 10);
    const entries = await atlas.store.listDirectoryEntries({ publicOn: today });
    entry = entries.find((e) => e.provider && e.service.capacity !== null && e.service.capacity >= 10)!;
    const store = atlas.store;
    await store.accounts.createOrganisation({ id: 'traeger-e2e', name: 'Träger E2E', kind: 'provider' });
    await store.directoryEditorial.linkProvider(entry.provider!.id, 'traeger-e2e');
    const passwordHash = await hashPassword(PASSWORD);
    await store.accounts.createUser({
      login: 'redaktion@traeger.example',
      displayName: 'Redaktion Träger',
      passwordHash,
      roles: ['provider_editor'],
      organisationId: 'traeger-e2e',
    });
    await store.accounts.createUser({
      login: 'planerin',
      displayName: 'Planerin',
      passwordHash,
      roles: ['planner'],
    });
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await atlas?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await atlas.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'de-DE',
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${atlas.baseUrl}${path}`);
    return { page, errors };
  }

  async function signIn(page: Page, login: string): Promise<void> {
    await page.locator('#sign-in-login').fill(login);
    await page.locator('#sign-in-password').fill(PASSWORD);
    await page.locator('.sign-in-form button[type=submit]').click();
    await page.locator('#ed-tab-entries').waitFor();
  }

  const publicService = () => atlas.api<PublicService>(`/api/v1/directory/services/${entry.service.id}`);

  it('an editor proposes, the portal keeps the old value, a reviewer publishes, the history shows it', async () => {
    const before = await publicService();
    const editor = await open('/redaktion');
    await editor.page.locator('#sign-in-login').waitFor();
    expect(await axe(editor.page)).toEqual([]);
    await signIn(editor.page, 'redaktion@traeger.example');
    const card = editor.page.locator(`.ed-entry[data-id="${entry.service.id}"]`);
    await card.waitFor();
    expect(await axe(editor.page)).toEqual([]);
    await card.locator('.ed-edit').click();

    // A wrong value is named at its field, in German.
    await editor.page.locator('#ed-f-email').fill('keine-adresse');
    await editor.page.locator('#ed-submit').click();
    await expect.poll(() => editor.page.locator('#ed-f-email-error').textContent()).toContain('E-Mail');
    expect(await editor.page.locator('#ed-f-email').getAttribute('aria-invalid')).toBe('true');
    await editor.page.locator('#ed-f-email').fill(entry.service.contact.email ?? '');

    const freePlaces = entry.service.capacity! - 1 === before.freePlaces ? 2 : entry.service.capacity! - 1;
    await editor.page.locator('#ed-f-freePlaces').fill(String(freePlaces));
    await editor.page.locator('#ed-f-phone').fill('030 4711 0815');
    await editor.page.locator('#ed-submit').click();
    await expect.poll(() => editor.page.locator('.ed-notice').textContent()).toContain('gespeichert');
    expect(await axe(editor.page)).toEqual([]);
    expect(await publicService()).toMatchObject({ freePlaces: before.freePlaces, contact: before.contact });

    const portal = await open(`/wegweiser?entry=${encodeURIComponent(entry.service.id)}`);
    await portal.page.locator('.ww-detail, article').first().waitFor();
    expect(await portal.page.locator('main').textContent()).not.toContain('030 4711 0815');

    const reviewer = await open('/redaktion');
    await signIn(reviewer.page, 'planerin');
    await reviewer.page.locator('#ed-tab-queue').click();
    const change = reviewer.page.locator('.ed-change').filter({ hasText: entry.service.name });
    await change.waitFor();
    const phoneRow = change.locator('tr[data-field="phone"]');
    expect(await phoneRow.locator('td').allTextContents()).toEqual([
      before.contact.phone ?? '–',
      '030 4711 0815',
    ]);
    expect(await change.locator('tr[data-field="freePlaces"] td').nth(1).textContent()).toBe(
      String(freePlaces),
    );
    expect(await axe(reviewer.page)).toEqual([]);
    await change.locator('.ed-publish').click();
    await expect
      .poll(() => reviewer.page.locator('#ed-queue-heading + [role=status]').textContent())
      .toBe('Veröffentlicht.');

    expect(await publicService()).toMatchObject({ freePlaces, contact: { phone: '030 4711 0815' } });
    await portal.page.reload();
    await expect.poll(() => portal.page.locator('main').textContent()).toContain('030 4711 0815');

    await editor.page.reload();
    await editor.page.locator(`.ed-entry[data-id="${entry.service.id}"] .ed-edit`).click();
    const latest = editor.page.locator('.ed-history-item').first();
    await expect.poll(() => latest.textContent()).toContain('veröffentlicht von Planerin');
    expect(await latest.textContent()).toContain('Telefon');
    expect([editor.errors, reviewer.errors, portal.errors]).toEqual([[], [], []]);
  });

  it('an editor proposes a new Kita, a reviewer publishes it, the portal finds it by name', async () => {
    const name = 'Kita Regenbogenfisch am Teich';
    const editor = await open('/redaktion');
    await signIn(editor.page, 'redaktion@traeger.example');
    await editor.page.locator('#ed-new').click();
    await editor.page.locator('#ed-n-categoryId option').nth(1).waitFor({ state: 'attached' });
    expect(await editor.page.locator('#ed-new-heading').textContent()).toBe('Neues Angebot');
    expect(await axe(editor.page)).toEqual([]);

    // Without a category and coordinates (no geocoder here), the server names both fields.
    await editor.page.locator('#ed-n-name').fill(name);
    await editor.page.locator('#ed-n-street').fill('Teichweg');
    await editor.page.locator('#ed-n-houseNumber').fill('7');
    await editor.page.locator('#ed-n-postcode').fill('10115');
    await editor.page.locator('#ed-n-city').fill('Berlin');
    await editor.page.locator('#ed-n-submit').click();
    await expect
      .poll(() => editor.page.locator('#ed-n-lat-error').textContent())
      .toContain('Koordinaten fehlen');
    expect(await editor.page.locator('#ed-n-categoryId-error').textContent()).toContain('Kategorie');
    expect(await editor.page.locator('#ed-n-lat').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(editor.page)).toEqual([]);

    await editor.page.locator('#ed-n-categoryId').selectOption(entry.service.categoryId);
    await editor.page.locator('#ed-n-capacity').fill('45');
    await editor.page.locator('#ed-n-phone').fill('030 2468 1357');
    await editor.page.locator('#ed-n-lat').fill('52,5301');
    await editor.page.locator('#ed-n-lon').fill('13.3902');
    await editor.page.locator('#ed-n-submit').click();
    await expect.poll(() => editor.page.locator('.ed-notice').textContent()).toContain('gespeichert');
    expect(
      (await atlas.api<{ total: number }>(`/api/v1/directory/services?q=${encodeURIComponent(name)}`)).total,
    ).toBe(0);

    const reviewer = await open('/redaktion');
    await signIn(reviewer.page, 'planerin');
    await reviewer.page.locator('#ed-tab-queue').click();
    const change = reviewer.page.locator('.ed-change').filter({ hasText: name });
    await change.waitFor();
    expect(await change.locator('tr[data-field="capacity"] td').nth(1).textContent()).toBe('45');
    expect(await change.locator('[data-field="newWhere"] dd').textContent()).toBe('Teichweg 7, 10115 Berlin');
    expect(await change.locator('[data-field="coordinates"] dd').textContent()).toBe('52.5301, 13.3902');
    expect(await change.locator('[data-field="p_providerId"] dd').textContent()).toBe(entry.provider!.name);
    expect(await axe(reviewer.page)).toEqual([]);
    await change.locator('.ed-publish').click();
    await expect
      .poll(() => reviewer.page.locator('#ed-queue-heading + [role=status]').textContent())
      .toBe('Veröffentlicht.');

    const portal = await open(`/wegweiser?q=${encodeURIComponent(name)}`);
    const card = portal.page.locator('.ww-card').filter({ hasText: name });
    await card.first().waitFor();
    expect([editor.errors, reviewer.errors, portal.errors]).toEqual([[], [], []]);
  });

  it('a reviewer turns a report of a missing service into a new entry; publishing deals with it', async () => {
    const message = 'Die Kita Seestern in der Uferstraße 2 fehlt.';
    await atlas.store.directoryEditorial.proposeChange({
      kind: 'report',
      serviceId: null,
      message,
      submittedBy: null,
    });
    const reviewer = await open('/redaktion');
    await signIn(reviewer.page, 'planerin');
    await reviewer.page.locator('#ed-tab-queue').click();
    const report = reviewer.page.locator('.ed-change').filter({ hasText: message });
    await report.locator('.ed-adopt').click();
    await reviewer.page.locator('#ed-new-heading').waitFor();
    expect(await reviewer.page.locator('#ed-n-message').inputValue()).toBe(message);
    await reviewer.page.locator('#ed-n-providerId').selectOption(entry.provider!.id);
    await reviewer.page.locator('#ed-n-categoryId').selectOption(entry.service.categoryId);
    await reviewer.page.locator('#ed-n-name').fill('Kita Seestern');
    await reviewer.page.locator('#ed-n-street').fill('Uferstraße');
    await reviewer.page.locator('#ed-n-houseNumber').fill('2');
    await reviewer.page.locator('#ed-n-city').fill('Berlin');
    await reviewer.page.locator('#ed-n-lat').fill('52.51');
    await reviewer.page.locator('#ed-n-lon').fill('13.41');
    expect(await axe(reviewer.page)).toEqual([]);
    await reviewer.page.locator('#ed-n-submit').click();
    await expect.poll(() => reviewer.page.locator('.ed-notice').textContent()).toContain('gespeichert');
    await reviewer.page.locator('#ed-n-close').click();
    const proposal = reviewer.page
      .locator('.ed-change')
      .filter({ hasText: 'Kita Seestern' })
      .filter({ hasText: 'Neues Angebot' });
    await proposal.locator('.ed-publish').click();
    await expect
      .poll(() => reviewer.page.locator('#ed-queue-heading + [role=status]').textContent())
      .toBe('Veröffentlicht.');
    const pending = await atlas.store.directoryEditorial.listChanges({
      status: 'pending',
      kinds: ['report'],
    });
    expect(pending.map((c) => c.message)).not.toContain(message);
    expect(reviewer.errors).toEqual([]);
  });

  it('a citizen reports a missing service by keyboard; it waits in the queue', async () => {
    const { page, errors } = await open('/wegweiser');
    await page.locator('.ww-tile').first().waitFor();
    await tabTo(page, '#ww-report-toggle');
    await page.keyboard.press('Enter');
    await tabTo(page, '#ww-report-message');
    await page.keyboard.type('Das Familienzentrum am Marktplatz 3 fehlt im Wegweiser.');
    await tabTo(page, '#ww-report-email');
    await page.keyboard.type('buerger@example.org');
    expect(await axe(page)).toEqual([]);
    await tabTo(page, '#ww-report-form button[type=submit]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ww-report-status').textContent()).toContain('prüft sie, bevor');
    expect(errors).toEqual([]);
    const pending = await atlas.store.directoryEditorial.listChanges({
      status: 'pending',
      kinds: ['report'],
    });
    expect(pending.map((c) => [c.message, c.reporter?.email])).toEqual([
      ['Das Familienzentrum am Marktplatz 3 fehlt im Wegweiser.', 'buerger@example.org'],
    ]);
  });
});
