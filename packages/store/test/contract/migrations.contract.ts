import { describe, expect, it } from 'vitest';
import { KyselyStore } from '../../src/kysely-store.ts';
import { baseBatch } from '../fixtures.ts';
import { snapshot } from '../snapshot.ts';
import type { CurrentStore } from '../store.contract.ts';

export function describeMigrationContract(store: CurrentStore): void {
  describe('migrations', () => {
    it('reports its dialect', () => {
      expect(['sqlite', 'postgres']).toContain(store().dialect);
    });

    it('starts empty', async () => {
      expect(await store().listLevels()).toEqual([]);
      expect(await store().listIndicators()).toEqual([]);
      expect(await store().listBatches()).toEqual([]);
    });

    it('migrating again is a no-op that keeps the data', async () => {
      await store().applyBatch(baseBatch());
      const before = await snapshot(store(), { batches: true });
      await store().migrate();
      const s = store();
      if (s instanceof KyselyStore) expect(await s.runMigrations()).toEqual([]);
      expect(await snapshot(store(), { batches: true })).toEqual(before);
    });
  });
}
