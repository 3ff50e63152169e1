import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DirectoryEntry } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { directoryApp } from './directory-app.ts';
import { signInProviderEditor } from './directory-editorial-app.ts';
import { signInAs } from './helpers.ts';

/**
 * New entries in the editorial workflow over HTTP: a provider editor proposes a new service for its
 * own Träger only, every wrong field is named, a reviewer publishes it and the portal finds it; a
 * reviewer turns a citizen's report into a proposal and publishing it deals with the report.
 */
let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;
let own: DirectoryEntry;
let foreign: DirectoryEntry;
let category: string;
type Headers = Record<string, string>;
let editor: Headers;
let reviewer: Headers;

beforeAll(async () => {
  ({ app, store, cleanup } = await directoryApp());
  const entries = await store.listDirectoryEntries({ publicOn: new Date().toISOString().slice(0, 10) });
  own = entries.find((e) => e.provider && e.facility?.location)!;
  foreign = entries.find((e) => e.provider && e.provider.id !== own.provider!.id)!;
  editor = await signInProviderEditor(app, store, own.provider!.id, 'n');
  reviewer = await signInAs(app, store, 'planner');
  category = own.service.categoryId;
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

const address = { street: 'Wiesenweg', houseNumber: '5', postcode: '10115', city: 'Berlin' };
const newKita = (name: string, extra: object = {}) => ({
  categoryId: category,
  fields: { name, capacity: 40, freePlaces: 3, phone: '030 555 123', languages: ['de', 'tr'] },
  address,
  lat: 52.5301,
  lon: 13.3902,
  ...extra,
});
const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
  (body.details?.fields ?? []).map((f) => f.field);

describe('proposing a new entry', () => {
  it('lets a provider editor create for its own Träger only', async () => {
    const providers = await call('GET', '/directory/editorial/providers', editor);
    expect(providers.body.items).toEqual([{ id: own.provider!.id, name: own.provider!.name }]);
    const foreignTry = await call(
      'POST',
      '/directory/editorial/entries',
      editor,
      newKita('Kita Fremd', { providerId: foreign.provider!.id }),
    );
    expect([foreignTry.status, foreignTry.body.code]).toEqual([403, 'PermissionDenied']);
    expect((await call('POST', '/directory/editorial/entries', {}, newKita('Kita Anonym'))).status).toBe(401);
    // An editor with one Träger need not name it; a reviewer must choose one.
    const mine = await call('POST', '/directory/editorial/entries', editor, newKita('Kita Eigen'));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ kind: 'new', status: 'pending', providerName: own.provider!.name });
    const unchosen = await call('POST', '/directory/editorial/entries', reviewer, newKita('Kita Ohne'));
    expect([unchosen.status, fieldsOf(unchosen.body)]).toEqual([400, ['providerId']]);
    await call('POST', `/directory/editorial/changes/${mine.body.id}/reject`, reviewer, { note: 'Test' });
  });

  it('names every wrong field, coordinates included, and stores nothing', async () => {
    const before = (await call('GET', '/directory/editorial/changes', reviewer)).body.items.length;
    const wrong = await call('POST', '/directory/editorial/entries', editor, {
      categoryId: 'keine-kategorie',
      fields: { name: '', email: 'keine-adresse', capacity: 2, freePlaces: 5 },
      address: { street: '', postcode: '1011', city: 'Berlin' },
    });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual([
      'categoryId',
      'name',
      'email',
      'freePlaces',
      'lat',
      'lon',
      'street',
      'postcode',
    ]);
    expect(wrong.body.message).toContain('Koordinaten fehlen');
    expect(wrong.body.message).toContain('Kategorie');
    // Latitude and longitude swapped: both named, with the likely cause.
    const swapped = await call(
      'POST',
      '/directory/editorial/entries',
      editor,
      newKita('Kita Vertauscht', { lat: 13.39, lon: 52.53 }),
    );
    expect(fieldsOf(swapped.body)).toEqual(['lat', 'lon']);
    expect(swapped.body.message).toContain('vertauscht');
    expect((await call('GET', '/directory/editorial/changes', reviewer)).body.items).toHaveLength(before);
  });

  it('is public only after a reviewer publishes it, with facility, history and audit', async () => {
    const name = 'Kita Pusteblume am Wiesenweg';
    const search = async () =>
      (await call('GET', `/directory/services?q=${encodeURIComponent('Pusteblume Wiesenweg')}&limit=50`)).body
        .items as { id: string; name: string }[];
    const proposed = await call('POST', '/directory/editorial/entries', editor, newKita(name));
    expect(proposed.status).toBe(201);
    expect(proposed.body.diff.map((d: { field: string }) => d.field)).toEqual([
      'name',
      'phone',
      'capacity',
      'freePlaces',
      'languages',
    ]);
    expect(proposed.body.placement.facility).toMatchObject({
      name,
      location: { lat: 52.5301, lon: 13.3902 },
    });
    expect((await search()).map((i) => i.name)).not.toContain(name);

    const queue = await call('GET', '/directory/editorial/changes?status=pending', reviewer);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(proposed.body.id);
    const published = await call(
      'POST',
      `/directory/editorial/changes/${proposed.body.id}/publish`,
      reviewer,
      { note: 'neu' },
    );
    expect([published.status, published.body.status]).toEqual([200, 'published']);
    const id = published.body.serviceId as string;
    const found = await search();
    expect(found.map((i) => i.id)).toContain(id);
    const entry = (await call('GET', `/directory/services/${id}`)).body;
    expect(entry).toMatchObject({ name, capacity: 40, lastVerified: new Date().toISOString().slice(0, 10) });
    const stored = (await store.getDirectoryEntry(id))!;
    expect(stored.facility).toMatchObject({
      providerId: own.provider!.id,
      address: { ...address, district: null },
      location: { lat: 52.5301, lon: 13.3902 },
    });
    expect(stored.service.status).toBe('published');

    const history = await call('GET', `/directory/editorial/entries/${id}/history`, editor);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      kind: 'new',
      byName: 'test-planner',
      proposedByName: 'Redaktion N',
    });
    const admin = await signInAs(app, store, 'admin');
    const audit = await call('GET', '/audit?action=directory.new&limit=50', admin);
    expect(audit.body.events.map((e: { targetId: string }) => e.targetId)).toContain(id);
    expect(audit.body.events.every((e: { actorLogin: string }) => e.actorLogin === 'redaktion-n')).toBe(true);
  });
});

describe('turning a citizen’s report into a proposal', () => {
  async function report(message: string, serviceId: string | null): Promise<string> {
    await call('POST', '/directory/reports', {}, { message, serviceId });
    const pending = await call('GET', '/directory/editorial/changes?status=pending', reviewer);
    return pending.body.items.find((c: { message: string }) => c.message === message).id;
  }

  it('a missing service becomes a new entry; publishing it deals with the report', async () => {
    const reportId = await report('Das Familienzentrum am Markt fehlt im Wegweiser.', null);
    const notMine = await call(
      'POST',
      '/directory/editorial/entries',
      editor,
      newKita('Familienzentrum am Markt', { reportId }),
    );
    expect(notMine.status).toBe(403);
    const proposed = await call(
      'POST',
      '/directory/editorial/entries',
      reviewer,
      newKita('Familienzentrum am Markt', {
        reportId,
        providerId: own.provider!.id,
        message: 'Das Familienzentrum am Markt fehlt im Wegweiser.',
      }),
    );
    expect(proposed.body).toMatchObject({ reportId, status: 'pending' });
    await call('POST', `/directory/editorial/changes/${proposed.body.id}/publish`, reviewer, {});
    const dealt = (await call('GET', '/directory/editorial/changes?status=published', reviewer)).body.items;
    expect(dealt.find((c: { id: string }) => c.id === reportId)).toMatchObject({
      status: 'published',
      serviceId: proposed.body.id,
    });
  });

  it('a correction becomes an edit of the reported entry, atomically with the report', async () => {
    const reportId = await report('Die Telefonnummer stimmt nicht mehr.', own.service.id);
    const edit = await call('POST', `/directory/editorial/entries/${own.service.id}/changes`, reviewer, {
      kind: 'edit',
      fields: { phone: '030 999 000' },
      message: 'Die Telefonnummer stimmt nicht mehr.',
      reportId,
    });
    expect(edit.body.reportId).toBe(reportId);
    // Another entry than the reported one is refused.
    const elsewhere = await call(
      'POST',
      `/directory/editorial/entries/${foreign.service.id}/changes`,
      reviewer,
      {
        kind: 'edit',
        fields: { phone: '030 999 001' },
        reportId,
      },
    );
    expect(elsewhere.status).toBe(400);
    await call('POST', `/directory/editorial/changes/${edit.body.id}/publish`, reviewer, {});
    expect((await store.directoryEditorial.getChange(reportId))?.status).toBe('published');
    expect((await call('GET', `/directory/services/${own.service.id}`)).body.contact.phone).toBe(
      '030 999 000',
    );
  });
});
