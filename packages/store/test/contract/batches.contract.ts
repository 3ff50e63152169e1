import type { Observation } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { AREAS, GEMEINDE, KREIS, POPULATION, baseBatch, batch, manyObservations, obs } from '../fixtures.ts';
import { snapshot } from '../snapshot.ts';
import type { CurrentStore } from '../store.contract.ts';

export function describeBatchContract(store: CurrentStore): void {
  describe('import batches', () => {
    it('records each applied batch with its source, mapping and diff, newest first', async () => {
      const first = await store().applyBatch(baseBatch());
      expect(first).toEqual({
        id: first.id,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        file: 'base.csv',
        format: 'csv',
        mapping: { columns: { key: 'AGS' } },
        status: 'applied',
        undoneAt: null,
        diff: {
          levels: { inserted: 3, updated: 0, unchanged: 0 },
          areas: { inserted: 8, updated: 0, unchanged: 0 },
          correspondences: { inserted: 2, updated: 0, unchanged: 0 },
          indicators: { inserted: 2, updated: 0, unchanged: 0 },
          observations: { inserted: 5, updated: 0, unchanged: 0 },
        },
      });
      const second = await store().applyBatch(batch({ file: 'empty.xlsx', format: 'xlsx', mapping: null }));
      expect(second.id).toBeGreaterThan(first.id);
      expect(second.diff.observations).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
      expect(await store().listBatches()).toEqual([second, first]);
      expect(await store().getBatch(first.id)).toEqual(first);
      expect(await store().getBatch(9999)).toBeNull();
    });

    it('diffBatch on an empty store counts everything as inserted and writes nothing', async () => {
      const diff = await store().diffBatch(baseBatch());
      expect(diff.areas).toEqual({ inserted: 8, updated: 0, unchanged: 0 });
      expect(diff.observations).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
      expect(await store().listLevels()).toEqual([]);
      expect(await store().listBatches()).toEqual([]);
    });
  });

  describe('atomicity', () => {
    it('leaves the store exactly unchanged when a row fails a constraint midway', async () => {
      await store().applyBatch(baseBatch());
      const before = await snapshot(store(), { batches: true });
      const broken = {
        ...obs('population', 'gemeinde', 'Z', '2030', 1),
        status: null,
      } as unknown as Observation;
      const input = batch({
        levels: [{ ...KREIS, name: 'Landkreis' }, GEMEINDE],
        areas: [{ ...AREAS[3]!, name: 'Bedorf neu' }],
        indicators: [{ ...POPULATION, unit: 'Köpfe' }],
        observations: [
          ...manyObservations(15_000),
          obs('population', 'gemeinde', '01001001', '2020', 7),
          broken,
        ],
      });
      await expect(store().applyBatch(input)).rejects.toThrow();
      expect(await snapshot(store(), { batches: true })).toEqual(before);
    });

    it('leaves the store exactly unchanged when the import fails from outside midway', async () => {
      await store().applyBatch(baseBatch());
      await store().applyBatch(batch({ observations: manyObservations(12_000) }));
      const before = await snapshot(store(), { batches: true });
      const input = batch({
        levels: [{ ...GEMEINDE, description: null }],
        indicators: [{ ...POPULATION, decimals: 3 }],
        observations: manyObservations(30_000, 'population', (i) => i),
      });
      const failure = new Error('import cancelled');
      let calls = 0;
      const cancelAfterFirstChunk = () => {
        if (++calls === 1) throw failure;
      };
      await expect(store().applyBatch(input, cancelAfterFirstChunk)).rejects.toBe(failure);
      expect(await snapshot(store(), { batches: true })).toEqual(before);
      // The store is usable afterwards, and the same import goes through.
      const applied = await store().applyBatch(input);
      expect(applied.diff.observations).toEqual({ inserted: 18_000, updated: 11_999, unchanged: 1 });
    });
  });
}
