import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DirectoryEntry } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { directoryApp } from './directory-app.ts';
import { signInProviderEditor } from './directory-editorial-app.ts';
import { signInAs } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;
let own: DirectoryEntry;
let foreign: DirectoryEntry;
type Headers = Record<string, string>;
let editor: Headers;
let reviewer: Headers;

beforeAll(async () => {
  ({ app, store, cleanup } = await directoryApp());
  const entries = await store.listDirectoryEntries({ publicOn: new Date().toISOString().slice(0, 10) });
  own = entries.find((e) => e.provider && e.service.capacity !== null && e.service.capacity > 10)!;
  foreign = entries.find((e) => e.provider && e.provider.id !== own.provider!.id)!;
  editor = await signInProviderEditor(app, store, own.provider!.id, 'a');
  reviewer = await signInAs(app, store, 'planner');
}, 120_000);
afterAll(async () => cleanup());

async function call(
  method: 'GET' | 'POST',
  url: string,
  headers: Headers = {},
  payload?: object,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON whose shape they assert
): Promise<{ status: number; body: any }> {
  const response = await app.inject({ method, url: `/api/v1${url}`, headers, payload });
  return { status: response.statusCode, body: response.json() };
}
const publicEntry = async (id: string) => (await call('GET', `/directory/services/${id}`)).body;

describe('Wegweiser editorial workflow over HTTP', () => {
  it('lists only the own Träger’s entries to a provider editor, every entry to a reviewer', async () => {
    const mine = await call('GET', '/directory/editorial/entries?limit=500', editor);
    expect(mine.status).toBe(200);
    expect(mine.body.reviewer).toBe(false);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(
      mine.body.items.every((e: { provider: { id: string } }) => e.provider.id === own.provider!.id),
    ).toBe(true);
    const all = await call('GET', '/directory/editorial/entries?limit=1', reviewer);
    expect(all.body.total).toBe((await store.listDirectoryEntries()).length);
  });

  it('refuses another Träger’s entry (403), the review (403) and the anonymous (401)', async () => {
    const url = `/directory/editorial/entries/${foreign.service.id}/changes`;
    const change = { kind: 'edit', fields: { phone: '030 111 222' } };
    expect((await call('POST', url, editor, change)).body.code).toBe('PermissionDenied');
    expect(
      (await call('GET', `/directory/editorial/entries/${foreign.service.id}/history`, editor)).status,
    ).toBe(403);
    expect((await call('POST', url, {}, change)).status).toBe(401);
    const proposed = await call('POST', `/directory/editorial/entries/${own.service.id}/changes`, editor, {
      kind: 'edit',
      fields: { phone: '030 111 222' },
    });
    expect(proposed.status).toBe(201);
    const publish = await call(
      'POST',
      `/directory/editorial/changes/${proposed.body.id}/publish`,
      editor,
      {},
    );
    expect([publish.status, publish.body.code]).toEqual([403, 'PermissionDenied']);
    await call('POST', `/directory/editorial/changes/${proposed.body.id}/reject`, reviewer, { note: 'Test' });
  });

  it('names the wrong field in German and keeps the entry as it was', async () => {
    const response = await call('POST', `/directory/editorial/entries/${own.service.id}/changes`, editor, {
      kind: 'edit',
      fields: { freePlaces: own.service.capacity! + 1, email: 'keine-adresse' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'email',
      'freePlaces',
    ]);
    expect(response.body.message).toContain('Freie Plätze');
  });

  it('publishes an editor’s change only when a reviewer does, with history and a fresh search index', async () => {
    const before = await publicEntry(own.service.id);
    const proposed = await call('POST', `/directory/editorial/entries/${own.service.id}/changes`, editor, {
      kind: 'edit',
      fields: { freePlaces: 4, phone: '030 4711 0815' },
    });
    expect(proposed.body.diff.map((d: { field: string }) => d.field)).toEqual(['phone', 'freePlaces']);
    expect((await publicEntry(own.service.id)).contact.phone).toBe(before.contact.phone);

    const queue = await call('GET', '/directory/editorial/changes?status=pending', reviewer);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(proposed.body.id);
    const published = await call(
      'POST',
      `/directory/editorial/changes/${proposed.body.id}/publish`,
      reviewer,
      {
        note: 'passt',
      },
    );
    expect(published.status).toBe(200);
    expect(published.body.reviewedByName).toBe('test-planner');
    const after = await publicEntry(own.service.id);
    expect([after.freePlaces, after.contact.phone]).toEqual([4, '030 4711 0815']);
    const found = await call(
      'GET',
      `/directory/services?q=${encodeURIComponent(own.service.name)}&limit=500`,
    );
    expect(found.body.items.find((i: { id: string }) => i.id === own.service.id).freePlaces).toBe(4);

    const history = await call('GET', `/directory/editorial/entries/${own.service.id}/history`, editor);
    const last = history.body.items.at(-1);
    expect(last).toMatchObject({
      kind: 'edit',
      byName: 'test-planner',
      proposedByName: 'Redaktion A',
      note: 'passt',
    });
    expect(last.changes).toContainEqual({ field: 'freePlaces', before: before.freePlaces, after: 4 });
  });

  it('warns of a conflict and publishes it only with an override', async () => {
    const path = `/directory/editorial/entries/${own.service.id}/changes`;
    const first = await call('POST', path, editor, { kind: 'edit', fields: { freePlaces: 2 } });
    const second = await call('POST', path, editor, { kind: 'edit', fields: { costs: 'kostenfrei' } });
    await call('POST', `/directory/editorial/changes/${second.body.id}/publish`, reviewer, {});
    const queue = await call('GET', '/directory/editorial/changes?status=pending', reviewer);
    const listed = queue.body.items.find((c: { id: string }) => c.id === first.body.id);
    expect(listed.conflicts.map((c: { field: string }) => c.field)).toEqual(['costs']);
    const refused = await call('POST', `/directory/editorial/changes/${first.body.id}/publish`, reviewer, {});
    expect([refused.status, refused.body.code]).toEqual([409, 'Conflict']);
    const forced = await call('POST', `/directory/editorial/changes/${first.body.id}/publish`, reviewer, {
      overrideConflict: true,
    });
    expect(forced.body.status).toBe('published');
    expect((await publicEntry(own.service.id)).costs).toBe('kostenfrei');
  });

  it('verifies an entry at once and clears its due flag', async () => {
    const verified = await call('POST', `/directory/editorial/entries/${own.service.id}/changes`, editor, {
      kind: 'verify',
    });
    expect(verified.body.status).toBe('published');
    const entry = await call('GET', `/directory/editorial/entries/${own.service.id}`, editor);
    expect(entry.body.verificationDue).toBe(false);
    expect(entry.body.lastVerified).toBe(new Date().toISOString().slice(0, 10));
  });

  it('takes anonymous reports into the queue, never into the portal, and limits them per address', async () => {
    const total = (await call('GET', '/directory/services?limit=1')).body.total;
    const report = {
      message: 'Die Kita „Wiesenweg“ in der Hauptstraße 5 fehlt.',
      email: 'buerger@example.org',
    };
    const sent = await call('POST', '/directory/reports', {}, report);
    expect([sent.status, sent.body.received]).toEqual([202, true]);
    const queue = await call('GET', '/directory/editorial/changes?status=pending', reviewer);
    const queued = queue.body.items.filter((c: { kind: string }) => c.kind === 'report');
    expect(queued.map((c: { message: string }) => c.message)).toEqual([report.message]);
    expect(queued[0].reporter).toEqual({ name: null, email: 'buerger@example.org' });
    // Editors do not see citizens' reports; only reviewers moderate them.
    const mine = await call('GET', '/directory/editorial/changes?status=pending', editor);
    expect(mine.body.items.some((c: { kind: string }) => c.kind === 'report')).toBe(false);
    await call('POST', `/directory/editorial/changes/${queued[0].id}/publish`, reviewer, {});
    expect((await call('GET', '/directory/services?limit=1')).body.total).toBe(total);

    const bad = await call('POST', '/directory/reports', {}, { message: 'kurz', email: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('email');
    // A bot filling the hidden field gets the same answer, and nothing is stored.
    const bot = await call('POST', '/directory/reports', {}, { ...report, homepage: 'http://spam.example' });
    expect(bot.status).toBe(202);
    const after = await call('GET', '/directory/editorial/changes', reviewer);
    expect(after.body.items.filter((c: { kind: string }) => c.kind === 'report')).toHaveLength(1);
    // Five per hour: the bot's and the first were counted, three more pass, the sixth is refused.
    for (let i = 0; i < 3; i++)
      expect((await call('POST', '/directory/reports', {}, report)).status).toBe(202);
    expect((await call('POST', '/directory/reports', {}, report)).status).toBe(429);
  });
});

describe('the audit trail of the editorial workflow', () => {
  it('records proposals, publications, rejections and reports with who did them', async () => {
    const admin = await signInAs(app, store, 'admin');
    const search = async (action: string) =>
      (await call('GET', `/audit?action=${action}&limit=50`, admin)).body as {
        total: number;
        events: { actorLogin: string | null; targetId: string | null }[];
      };
    const proposed = await search('directory.edit');
    expect(proposed.total).toBeGreaterThan(0);
    expect(proposed.events.every((e) => e.actorLogin === 'redaktion-a')).toBe(true);
    const published = await search('directory.publish');
    expect(published.events.map((e) => e.actorLogin)).toContain('test-planner');
    expect((await search('directory.report')).total).toBeGreaterThan(0);
  });
});
