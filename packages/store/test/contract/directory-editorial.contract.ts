import { describe, expect, it } from 'vitest';
import { directoryBatch, kitaDelivery } from '../directory-fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

/**
 * The editorial workflow on both engines: a provider editor's change waits until a reviewer
 * publishes it, publication writes the entry with history (and can be undone like an import),
 * conflicts and bad fields are refused, reports are never applied, reminders are recorded.
 */
export function describeDirectoryEditorialContract(store: CurrentStore): void {
  describe('directory editorial workflow', () => {
    async function seeded() {
      const s = store();
      const imported = await s.applyBatch(directoryBatch(kitaDelivery()));
      await s.accounts.createOrganisation({ id: 'diakonie', name: 'Diakonie Süd', kind: 'provider' });
      const editor = await s.accounts.createUser({
        login: 'editor@diakonie.example',
        passwordHash: 'x',
        roles: ['provider_editor'],
        organisationId: 'diakonie',
      });
      const reviewer = await s.accounts.createUser({
        login: 'planer',
        passwordHash: 'x',
        roles: ['planner'],
      });
      return { s, imported, editor: editor.id, reviewer: reviewer.id };
    }

    it('links a Träger to a provider organisation only', async () => {
      const { s } = await seeded();
      await s.accounts.createOrganisation({ id: 'amt', name: 'Jugendamt', kind: 'department' });
      await expectDomainError(s.directoryEditorial.linkProvider('p1', 'amt'), 'ValidationFailed');
      await expectDomainError(s.directoryEditorial.linkProvider('nope', 'diakonie'), 'ValidationFailed');
      await s.directoryEditorial.linkProvider('p1', 'diakonie');
      await s.directoryEditorial.linkProvider('p2', 'diakonie');
      expect((await s.directoryEditorial.listProviderLinks('diakonie')).map((l) => l.providerId)).toEqual([
        'p1',
        'p2',
      ]);
      await s.directoryEditorial.unlinkProvider('p2');
      expect((await s.directoryEditorial.listProviderLinks()).map((l) => l.providerId)).toEqual(['p1']);
    });

    it('keeps an edit pending, then publishes it with history, and undo restores the entry', async () => {
      const { s, editor, reviewer } = await seeded();
      const change = await s.directoryEditorial.proposeChange({
        kind: 'edit',
        serviceId: 's1',
        fields: { freePlaces: 7, phone: '030 999 888', name: 'Kita Sonnenblume' },
        submittedBy: editor,
      });
      // Unchanged fields are dropped from the proposal; the base is the entry as it was.
      expect(change.fields).toEqual({ freePlaces: 7, phone: '030 999 888' });
      expect(change.status).toBe('pending');
      expect(change.base?.freePlaces).toBe(3);
      expect((await s.getDirectoryEntry('s1'))!.service.freePlaces).toBe(3);
      expect(await s.directoryEditorial.listChanges({ status: 'pending' })).toHaveLength(1);

      const batchesBefore = (await s.listBatches()).length;
      const published = await s.directoryEditorial.publishChange(change.id, {
        reviewedBy: reviewer,
        note: 'geprüft',
      });
      expect(published.status).toBe('published');
      expect(published.before?.phone).toBe('030 123');
      expect(published.after?.phone).toBe('030 999 888');
      const entry = (await s.getDirectoryEntry('s1'))!;
      expect(entry.service.freePlaces).toBe(7);
      expect(entry.service.contact.phone).toBe('030 999 888');
      expect(entry.service.lastVerified).toBe(published.reviewedAt!.slice(0, 10));
      expect(await s.listBatches()).toHaveLength(batchesBefore + 1);

      const history = await s.directoryEditorial.entryHistory('s1');
      expect(history.map((h) => h.kind)).toEqual(['import', 'edit']);
      expect(history[1]).toMatchObject({
        by: reviewer,
        proposedBy: editor,
        changeId: change.id,
        note: 'geprüft',
      });
      expect(history[1]!.changes).toEqual([
        { field: 'phone', before: '030 123', after: '030 999 888' },
        { field: 'freePlaces', before: 3, after: 7 },
      ]);

      await expectDomainError(
        s.directoryEditorial.publishChange(change.id, { reviewedBy: reviewer }),
        'Conflict',
      );
      await s.undoBatch(published.batchId!);
      expect((await s.getDirectoryEntry('s1'))!.service.freePlaces).toBe(3);
    });

    it('refuses bad fields with a message per field, and a conflicting publication unless overridden', async () => {
      const { s, editor, reviewer } = await seeded();
      const error = await expectDomainError(
        s.directoryEditorial.proposeChange({
          kind: 'edit',
          serviceId: 's1',
          fields: { freePlaces: 80, email: 'kein-at', website: 'kita.de' },
          submittedBy: editor,
        }),
        'ValidationFailed',
      );
      const fields = (error.details as { fields: { field: string; message: string }[] }).fields;
      expect(fields.map((f) => f.field)).toEqual(['email', 'website', 'freePlaces']);
      expect(fields[2]!.message).toContain('Freie Plätze');
      await expectDomainError(
        s.directoryEditorial.proposeChange({
          kind: 'edit',
          serviceId: 'nope',
          fields: {},
          submittedBy: editor,
        }),
        'ServiceNotFound',
      );

      const first = await s.directoryEditorial.proposeChange({
        kind: 'edit',
        serviceId: 's1',
        fields: { freePlaces: 5 },
        submittedBy: editor,
      });
      const second = await s.directoryEditorial.proposeChange({
        kind: 'edit',
        serviceId: 's1',
        fields: { phone: '030 1' + '00 00' },
        submittedBy: editor,
      });
      await s.directoryEditorial.publishChange(second.id, { reviewedBy: reviewer });
      const conflict = await expectDomainError(
        s.directoryEditorial.publishChange(first.id, { reviewedBy: reviewer }),
        'Conflict',
      );
      expect((conflict.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
        'phone',
      ]);
      expect((await s.directoryEditorial.getChange(first.id))!.status).toBe('pending');
      await s.directoryEditorial.publishChange(first.id, { reviewedBy: reviewer, overrideConflict: true });
      const service = (await s.getDirectoryEntry('s1'))!.service;
      expect([service.freePlaces, service.contact.phone]).toEqual([5, '030 100 00']);
    });

    it('publishes a verification at once, keeps reports out of the entry, rejects with a note', async () => {
      const { s, editor, reviewer } = await seeded();
      const verified = await s.directoryEditorial.proposeChange({
        kind: 'verify',
        serviceId: 's3',
        submittedBy: editor,
      });
      expect(verified.status).toBe('published');
      expect((await s.getDirectoryEntry('s3'))!.service.lastVerified).toBe(verified.reviewedAt!.slice(0, 10));

      const report = await s.directoryEditorial.proposeChange({
        kind: 'report',
        serviceId: null,
        message: 'Die Kita am Markt fehlt.',
        submittedBy: null,
        reporter: { name: null, email: 'buerger@example.org' },
      });
      expect(report).toMatchObject({
        status: 'pending',
        reporter: { name: null, email: 'buerger@example.org' },
      });
      await expectDomainError(
        s.directoryEditorial.proposeChange({ kind: 'report', serviceId: null, submittedBy: null }),
        'ValidationFailed',
      );
      const rejected = await s.directoryEditorial.rejectChange(report.id, {
        reviewedBy: reviewer,
        note: 'gibt es nicht',
      });
      expect(rejected).toMatchObject({ status: 'rejected', reviewNote: 'gibt es nicht' });
      await expectDomainError(
        s.directoryEditorial.rejectChange('nope', { reviewedBy: reviewer }),
        'ChangeNotFound',
      );
      expect((await s.listDirectoryEntries()).map((e) => e.service.id)).toEqual(['s1', 's2', 's3']);
    });

    it('creates a proposed new service at a facility of its provider, and withdraws one', async () => {
      const { s, editor, reviewer } = await seeded();
      await expectDomainError(
        s.directoryEditorial.proposeChange({
          kind: 'new',
          serviceId: null,
          fields: { name: 'Elterncafé' },
          placement: { categoryId: 'family', providerId: 'p2', facilityId: 'f1' },
          submittedBy: editor,
        }),
        'ValidationFailed',
      );
      const proposed = await s.directoryEditorial.proposeChange({
        kind: 'new',
        serviceId: null,
        fields: { name: 'Elterncafé', capacity: 12 },
        placement: { categoryId: 'family', providerId: 'p1', facilityId: 'f1' },
        submittedBy: editor,
      });
      const published = await s.directoryEditorial.publishChange(proposed.id, { reviewedBy: reviewer });
      const entry = (await s.getDirectoryEntry(published.serviceId!))!;
      expect(entry.service).toMatchObject({
        name: 'Elterncafé',
        capacity: 12,
        categoryId: 'family',
        source: 'stadt-kitas',
      });
      expect(entry.facility?.id).toBe('f1');

      const withdraw = await s.directoryEditorial.proposeChange({
        kind: 'withdraw',
        serviceId: 's2',
        submittedBy: editor,
      });
      await s.directoryEditorial.publishChange(withdraw.id, { reviewedBy: reviewer });
      expect(await s.getDirectoryEntry('s2')).toBeNull();
    });

    it('creates a new service at a new facility, undoably, and marks the report it answers', async () => {
      const { s, reviewer } = await seeded();
      const report = await s.directoryEditorial.proposeChange({
        kind: 'report',
        serviceId: null,
        message: 'Die Kita Wiesenweg fehlt.',
        submittedBy: null,
      });
      const facility = {
        name: 'Kita Wiesenweg',
        address: { street: 'Wiesenweg', houseNumber: '5', postcode: '10115', city: 'Berlin', district: null },
        location: { lon: 13.39, lat: 52.53 },
      };
      const placement = { categoryId: 'kita', providerId: 'p1', facilityId: null, facility };
      const bad = await expectDomainError(
        s.directoryEditorial.proposeChange({
          kind: 'new',
          serviceId: null,
          fields: { name: 'Kita Wiesenweg' },
          placement: { ...placement, facility: { ...facility, location: { lon: 52.53, lat: 13.39 } } },
          submittedBy: reviewer,
        }),
        'ValidationFailed',
      );
      expect((bad.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
        'lat',
        'lon',
      ]);
      await expectDomainError(
        s.directoryEditorial.proposeChange({
          kind: 'new',
          serviceId: null,
          fields: { name: 'Kita Wiesenweg' },
          placement,
          submittedBy: reviewer,
          reportId: 'nope',
        }),
        'ValidationFailed',
      );
      const proposed = await s.directoryEditorial.proposeChange({
        kind: 'new',
        serviceId: null,
        fields: { name: 'Kita Wiesenweg', capacity: 40 },
        placement,
        message: 'Die Kita Wiesenweg fehlt.',
        submittedBy: reviewer,
        reportId: report.id,
      });
      expect(proposed).toMatchObject({ status: 'pending', reportId: report.id, placement });
      expect(await s.getDirectoryEntry(proposed.id)).toBeNull();

      const published = await s.directoryEditorial.publishChange(proposed.id, { reviewedBy: reviewer });
      const entry = (await s.getDirectoryEntry(published.serviceId!))!;
      expect(entry.service).toMatchObject({ name: 'Kita Wiesenweg', capacity: 40, status: 'published' });
      expect(entry.service.lastVerified).toBe(published.reviewedAt!.slice(0, 10));
      expect(entry.facility).toMatchObject({ ...facility, providerId: 'p1' });
      expect(entry.provider?.id).toBe('p1');
      expect(await s.directoryEditorial.getChange(report.id)).toMatchObject({
        status: 'published',
        reviewedBy: reviewer,
        serviceId: entry.service.id,
      });
      const history = await s.directoryEditorial.entryHistory(entry.service.id);
      // Both at the same instant: the publication and the report it answered.
      expect(history.map((h) => h.kind).sort()).toEqual(['new', 'report']);
      expect(history.find((h) => h.kind === 'new')!.changes).toContainEqual({
        field: 'capacity',
        before: null,
        after: 40,
      });
      const batch = (await s.getBatch(published.batchId!))!;
      expect(batch.diff.directory?.facilities.inserted).toBe(1);
      await s.undoBatch(published.batchId!);
      expect(await s.getDirectoryEntry(entry.service.id)).toBeNull();
    });

    it('records reminders and reports the newest per editor and service', async () => {
      const { s, editor } = await seeded();
      await s.directoryEditorial.recordReminders([
        { userId: editor, serviceId: 's1', sentAt: '2026-01-01T08:00:00.000Z' },
        { userId: editor, serviceId: 's1', sentAt: '2026-02-01T08:00:00.000Z' },
        { userId: editor, serviceId: 's3', sentAt: '2025-06-01T08:00:00.000Z' },
      ]);
      expect(await s.directoryEditorial.remindersSince('2025-12-01')).toEqual([
        { userId: editor, serviceId: 's1', sentAt: '2026-02-01T08:00:00.000Z' },
      ]);
    });
  });
}
