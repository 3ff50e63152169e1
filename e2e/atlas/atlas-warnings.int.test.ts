/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, tabTo } from './support/a11y.ts';
import {
  hasChromium,
  openAtlas,
  shot,
  startAtlas,
  waitForRender,
  type Atlas,
} from './support/atlas-harness.ts';

interface Warnings {
  rules: { id: string; label: string | null; flagged: number }[];
  flagged: {
    level: string;
    key: string;
    name: string | null;
    reasons: { ruleId: string; period: string }[];
  }[];
}

describe.skipIf(!hasChromium)('atlas: the early-warning page', () => {
  let atlas: Atlas;
  let api: Warnings;
  beforeAll(async () => {
    atlas = await startAtlas();
    api = await atlas.api<Warnings>('/api/v1/analysis/warnings');
  }, 240_000);
  afterAll(async () => {
    await atlas?.close();
  });

  it('is reached by keyboard from the atlas and shows the figures of the API', async () => {
    const { page, context, errors } = await openAtlas(atlas);
    await tabTo(page, 'nav.page-nav a[href*="page=warnings"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Markierte Gebiete' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('warnings');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const ruleRows = await page
      .locator('section[aria-labelledby="rules-heading"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
    expect(ruleRows.map((r) => [r[0], Number(r[4])])).toEqual(
      api.rules.map((r) => [r.label ?? r.id, r.flagged]),
    );
    // Rules that watch an index class name the index, not its id.
    expect(ruleRows.map((r) => r[3])).not.toContain('berlin-mss-status');

    const reasons = api.flagged.reduce((n, a) => n + a.reasons.length, 0);
    await expect
      .poll(() => page.locator('.page-warnings [role="status"]').textContent())
      .toBe(`${api.flagged.length} Gebiete, ${reasons} Hinweise`);
    expect(await page.locator('.flagged-table tbody tr').count()).toBe(api.flagged.length);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'warnings-all');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by rule, exports the list and leads to the map and the profile of an area', async () => {
    const { page, context, errors } = await openAtlas(atlas, '?page=warnings');
    const rule = api.rules.find((r) => r.id === 'kinderarmut-abweichung')!;
    await page.getByLabel('Nur Regel').selectOption(rule.id);
    const expected = api.flagged.filter((a) => a.reasons.some((r) => r.ruleId === rule.id));
    expect(await page.locator('.flagged-table tbody tr').count()).toBe(expected.length);
    expect(await page.locator('.flagged-table .reasons li').count()).toBe(expected.length);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Liste als CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Gebiet;Schlüssel;Ebene;Regel;Art;Gründe');
    const rows = lines.slice(1, lines.indexOf(''));
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((l) => l.includes(rule.label!))).toBe(true);
    expect(csv).toContain('Quelle: Lagebild, Frühwarnung');

    const first = page.locator('.flagged-table tbody tr').first();
    const areaName = (await first.locator('th').textContent())!;
    const area = expected.find((a) => areaName.includes(a.key))!;
    await first.getByRole('link', { name: /in der Karte zeigen/ }).click();
    const url = new URL(page.url());
    expect(url.searchParams.get('indicator')).toBe('mss_s4');
    expect(url.searchParams.get('sel')).toBe(area.key);
    await waitForRender(page, `mss_s4|${area.level}||${area.reasons[0]!.period}`);
    await page.goBack();
    await page.getByRole('link', { name: `Gebietsprofil von ${area.name}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English on request', async () => {
    const { page, context } = await openAtlas(atlas, '?page=warnings&lang=en');
    await page.getByRole('heading', { name: 'Flagged areas' }).waitFor();
    await expect.poll(() => page.locator('.flagged-table tbody tr').count()).toBe(api.flagged.length);
    expect(await page.locator('.flagged-table').textContent()).toMatch(/standard deviations from the mean/);
    await context.close();
  });
});
