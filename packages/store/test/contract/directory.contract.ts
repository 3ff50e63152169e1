import type { DirectoryBatchInput } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { directoryBatch, facility, kitaDelivery, provider, service } from '../directory-fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import { baseBatch } from '../fixtures.ts';
import { snapshot } from '../snapshot.ts';
import type { CurrentStore } from '../store.contract.ts';

const counts = (inserted: number, updated: number, unchanged: number, withdrawn: number) => ({
  inserted,
  updated,
  unchanged,
  withdrawn,
});

/** The delivery of the next year: s1 changed, s2 gone, s4 new; f2 gone with it; p2 unchanged. */
function nextYear(): DirectoryBatchInput {
  const first = kitaDelivery();
  return {
    ...first,
    facilities: [first.facilities[0]!, first.facilities[2]!, facility('f4', { providerId: 'p2' })],
    services: [
      { ...first.services[0]!, freePlaces: 0, freePlacesDate: '2025-03-01' },
      first.services[2]!,
      service('s4', { facilityId: 'f4', name: 'Kita Neubau', categoryId: 'kita' }),
    ],
  };
}

export function describeDirectoryContract(store: CurrentStore): void {
  describe('service directory', () => {
    it('stores a delivery and reads it back joined, exactly, ordered by service id', async () => {
      const applied = await store().applyBatch(directoryBatch(kitaDelivery()));
      expect(applied.diff.directory).toEqual({
        sources: { inserted: 1, updated: 0, unchanged: 0 },
        providers: counts(2, 0, 0, 0),
        facilities: counts(3, 0, 0, 0),
        services: counts(3, 0, 0, 0),
      });
      const entries = await store().listDirectoryEntries();
      expect(entries.map((e) => e.service.id)).toEqual(['s1', 's2', 's3']);
      const delivery = kitaDelivery();
      const stamp = {
        source: 'stadt-kitas',
        createdAt: applied.createdAt,
        updatedAt: applied.createdAt,
        batchId: applied.id,
      };
      expect(entries[0]).toEqual({
        service: { ...delivery.services[0], ...stamp },
        facility: { ...delivery.facilities[0], ...stamp },
        provider: { ...delivery.providers[0], ...stamp },
        source: { ...delivery.source, batchId: applied.id },
      });
      // The provider comes from the facility unless the service names its own.
      expect(entries[2]!.provider?.id).toBe('p1');
      expect(entries[2]!.facility?.location).toBeNull();
      expect(entries[1]!.facility?.attributes).toEqual({ ansatz: 'Montessori', baujahr: 1998, notiz: null });
      expect(entries[1]!.service.capacity).toBe(120.5);
      expect(await store().listDirectorySources()).toEqual([{ ...delivery.source, batchId: applied.id }]);
    });

    it('lists only published entries valid on the date when asked for public ones', async () => {
      await store().applyBatch(directoryBatch(kitaDelivery()));
      const ids = async (publicOn?: string) =>
        (await store().listDirectoryEntries({ publicOn })).map((e) => e.service.id);
      expect(await ids('2023-06-30')).toEqual(['s1', 's3']);
      expect(await ids('2024-01-01')).toEqual(['s1']);
      expect(await ids('2019-12-31')).toEqual(['s3']);
      expect(await ids()).toEqual(['s1', 's2', 's3']);
    });

    it('gets one entry by id whatever its status; unknown ids give null', async () => {
      await store().applyBatch(directoryBatch(kitaDelivery()));
      const draft = await store().getDirectoryEntry('s2');
      expect(draft).toMatchObject({
        service: { id: 's2', status: 'draft' },
        facility: { id: 'f2' },
        provider: { id: 'p1' },
      });
      expect(draft!.source?.attribution).toBe('Stadt X, dl-de/by-2-0');
      expect(await store().getDirectoryEntry('nope')).toBeNull();
    });

    it('the same delivery again changes nothing and keeps every timestamp', async () => {
      const first = await store().applyBatch(directoryBatch(kitaDelivery()));
      const before = await snapshot(store());
      const again = await store().applyBatch(directoryBatch(kitaDelivery()));
      expect(again.diff.directory).toEqual({
        sources: { inserted: 0, updated: 0, unchanged: 1 },
        providers: counts(0, 0, 2, 0),
        facilities: counts(0, 0, 3, 0),
        services: counts(0, 0, 3, 0),
      });
      expect(await snapshot(store())).toEqual(before);
      expect((await store().listDirectoryEntries())[0]!.service.updatedAt).toBe(first.createdAt);
    });

    it('a new delivery updates, adds and withdraws what its source no longer lists', async () => {
      const first = await store().applyBatch(directoryBatch(kitaDelivery()));
      const second = await store().applyBatch(directoryBatch(nextYear(), 'kitas-2025.geojson'));
      expect(second.diff.directory).toEqual({
        sources: { inserted: 0, updated: 0, unchanged: 1 },
        providers: counts(0, 0, 2, 0),
        facilities: counts(1, 0, 2, 1),
        services: counts(1, 1, 1, 1),
      });
      const entries = await store().listDirectoryEntries();
      expect(entries.map((e) => e.service.id)).toEqual(['s1', 's3', 's4']);
      const s1 = entries[0]!.service;
      expect([s1.freePlaces, s1.createdAt, s1.updatedAt, s1.batchId]).toEqual([
        0,
        first.createdAt,
        second.createdAt,
        second.id,
      ]);
      expect(entries[1]!.service.updatedAt).toBe(first.createdAt);
      expect(await store().getDirectoryEntry('s2')).toBeNull();
    });

    it('diffBatch gives the counts applyBatch will give, and writes nothing', async () => {
      await store().applyBatch(directoryBatch(kitaDelivery()));
      const before = await snapshot(store(), { batches: true });
      const diff = await store().diffBatch(directoryBatch(nextYear()));
      expect(await snapshot(store(), { batches: true })).toEqual(before);
      expect((await store().applyBatch(directoryBatch(nextYear()))).diff).toEqual(diff);
    });

    it('undo restores the state before a delivery exactly, withdrawn entries included', async () => {
      const empty = await snapshot(store());
      const first = await store().applyBatch(directoryBatch(kitaDelivery()));
      const afterFirst = await snapshot(store());
      const second = await store().applyBatch(directoryBatch(nextYear()));
      const blocked = await expectDomainError(store().undoBatch(first.id), 'BatchConflict');
      expect(blocked.details).toMatchObject({ laterBatches: [second.id] });
      await store().undoBatch(second.id);
      expect(await snapshot(store())).toEqual(afterFirst);
      await store().undoBatch(first.id);
      expect(await snapshot(store())).toEqual(empty);
      expect(await store().listDirectoryEntries()).toEqual([]);
    });

    it('an entry that re-appears after its withdrawal is updated back, and each step undoes in order', async () => {
      const first = await store().applyBatch(directoryBatch(kitaDelivery()));
      await store().applyBatch(directoryBatch(nextYear()));
      const afterSecond = await snapshot(store());
      const third = await store().applyBatch(directoryBatch(kitaDelivery()));
      expect(third.diff.directory?.services).toEqual(counts(0, 2, 1, 1));
      const s2 = (await store().getDirectoryEntry('s2'))!.service;
      expect([s2.createdAt, s2.updatedAt]).toEqual([first.createdAt, third.createdAt]);
      await store().undoBatch(third.id);
      expect(await snapshot(store())).toEqual(afterSecond);
    });

    it('sources are independent: a delivery withdraws only entries of its own source', async () => {
      await store().applyBatch(baseBatch());
      await store().applyBatch(directoryBatch(kitaDelivery()));
      const other: DirectoryBatchInput = {
        source: { id: 'pflege', name: 'Pflegeheime', attribution: null, url: null },
        providers: [provider('pp1')],
        facilities: [facility('pf1', { providerId: 'pp1' })],
        services: [service('ps1', { facilityId: 'pf1', categoryId: 'care-inpatient' })],
      };
      await store().applyBatch(directoryBatch(other, 'pflege.geojson'));
      expect((await store().listDirectoryEntries()).map((e) => e.service.id)).toEqual([
        'ps1',
        's1',
        's2',
        's3',
      ]);
      await store().applyBatch(directoryBatch({ ...other, services: [], facilities: [], providers: [] }));
      expect((await store().listDirectoryEntries()).map((e) => e.service.id)).toEqual(['s1', 's2', 's3']);
      expect((await store().listDirectorySources()).map((s) => s.id)).toEqual(['pflege', 'stadt-kitas']);
    });

    it('refuses references outside the delivery, bad values and ids of another source, writing nothing', async () => {
      await store().applyBatch(directoryBatch(kitaDelivery()));
      const before = await snapshot(store(), { batches: true });
      const delivery = kitaDelivery();
      const broken: DirectoryBatchInput = {
        ...delivery,
        facilities: [
          ...delivery.facilities,
          facility('f9', { providerId: 'nope', location: { lon: 200, lat: 52 } }),
        ],
        services: [
          ...delivery.services,
          service('s9', {
            facilityId: 'elsewhere',
            capacity: -1,
            lastVerified: '15.02.2024',
            lifePhases: ['old' as never],
          }),
        ],
      };
      const error = await expectDomainError(store().applyBatch(directoryBatch(broken)), 'ImportInvalid');
      expect((error.details as { problems: string[] }).problems).toEqual([
        'facility f9: provider "nope" is not in the delivery',
        'facility f9: location must be WGS84 lon/lat, got {"lon":200,"lat":52}',
        'service s9: facility "elsewhere" is not in the delivery',
        'service s9: unknown life phase "old"',
        'service s9: capacity must be a number ≥ 0, got -1',
        'service s9: lastVerified must be YYYY-MM-DD, got "15.02.2024"',
      ]);
      const twice = { ...delivery, services: [...delivery.services, delivery.services[0]!] };
      await expectDomainError(store().applyBatch(directoryBatch(twice)), 'ImportInvalid');
      const foreign: DirectoryBatchInput = { ...delivery, source: { ...delivery.source, id: 'andere' } };
      const taken = await expectDomainError(store().applyBatch(directoryBatch(foreign)), 'ImportInvalid');
      expect(taken.message).toMatch(/id "p1" belongs to source "stadt-kitas", not "andere"/);
      expect(await snapshot(store(), { batches: true })).toEqual(before);
    });
  });
}
