import { describe, expect, it } from 'vitest';
import {
  AREAS,
  GEMEINDE,
  KREIS,
  LEVELS,
  POPULATION,
  UNEMPLOYMENT,
  area,
  baseBatch,
  batch,
  manyObservations,
  obs,
  square,
} from '../fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import { snapshot } from '../snapshot.ts';
import type { CurrentStore } from '../store.contract.ts';

/** Changes something of every kind the base batch wrote, and adds a little of each. */
function changeEverything() {
  const [, altdorfOld, , bedorf] = AREAS;
  return batch({
    file: 'change.csv',
    levels: [
      { ...KREIS, name: 'Landkreis', description: 'neu' },
      {
        id: 'bezirk',
        name: 'Bezirk',
        nameEn: null,
        kind: 'statistical',
        parentLevelId: 'gemeinde',
        sortOrder: 3,
        description: null,
      },
    ],
    areas: [
      { ...altdorfOld!, geometry: square(9.15, 54.15, 0.05), attributes: { typ: 'Dorf' } },
      { ...bedorf!, validTo: '2024-01-01' },
      area({
        levelId: 'gemeinde',
        key: '01001002',
        name: 'Bedorf-Cedorf',
        validFrom: '2024-01-01',
        predecessors: ['01001002'],
      }),
      area({ levelId: 'bezirk', key: 'B1', geometry: square(1, 2) }),
    ],
    correspondences: [
      {
        fromLevelId: 'gemeinde',
        fromKey: '01001001',
        toLevelId: 'sozialraum',
        toKey: 'SR1',
        weight: 0.5,
        basis: 'area',
      },
      {
        fromLevelId: 'gemeinde',
        fromKey: '01001003',
        toLevelId: 'sozialraum',
        toKey: 'SR1',
        weight: 1,
        basis: 'population',
      },
    ],
    indicators: [
      { ...UNEMPLOYMENT, unit: 'Prozent' },
      { id: 'births', name: 'Geburten', unit: 'Personen', kind: 'count' },
    ],
    observations: [
      obs('population', 'gemeinde', '01001001', '2020', 1201, { status: 'provisional' }),
      obs('unemployment_share', 'gemeinde', '01001002', '2020', 4.25, { numerator: 34, denominator: 800 }),
      obs('unemployment_share', 'gemeinde', '01001001', '2020', null, {
        numerator: null,
        denominator: 800,
        status: 'suppressed',
        missingReason: 'suppressed',
      }),
      obs('births', 'bezirk', 'B1', '2020', 12),
      ...manyObservations(12_000),
    ],
  });
}

export function describeUndoContract(store: CurrentStore): void {
  describe('undo', () => {
    it('restores the exact state before the batch, including indicator version and area geometry', async () => {
      await store().applyBatch(baseBatch());
      const before = await snapshot(store());
      const change = await store().applyBatch(changeEverything());
      expect(change.diff).toEqual({
        levels: { inserted: 1, updated: 1, unchanged: 0 },
        areas: { inserted: 2, updated: 2, unchanged: 0 },
        correspondences: { inserted: 1, updated: 1, unchanged: 0 },
        indicators: { inserted: 1, updated: 1, unchanged: 0 },
        observations: { inserted: 12_001, updated: 3, unchanged: 0 },
      });
      expect((await store().getIndicator('unemployment_share'))?.version).toBe(2);

      const undone = await store().undoBatch(change.id);
      expect(undone).toMatchObject({ id: change.id, status: 'undone', undoneAt: expect.any(String) });
      expect(await snapshot(store())).toEqual(before);
      expect((await store().getIndicator('unemployment_share'))?.version).toBe(1);
      expect((await store().getIndicator('unemployment_share'))?.unit).toBe('%');
      expect(await store().listIndicatorVersions('unemployment_share')).toHaveLength(1);
      expect((await store().getArea('gemeinde', '01001001', '2019-01-01'))?.geometry).toEqual(
        square(9.1, 54.1),
      );
      expect(await store().getBatch(change.id)).toEqual(undone);
      expect((await store().listBatches()).map((b) => b.status)).toEqual(['undone', 'applied']);
    });

    it('undoing the first batch empties the store again', async () => {
      const empty = await snapshot(store());
      const first = await store().applyBatch(baseBatch());
      await store().undoBatch(first.id);
      expect(await snapshot(store())).toEqual(empty);
    });

    it('an unchanged re-import owns nothing, so undoing it changes nothing', async () => {
      await store().applyBatch(baseBatch());
      const before = await snapshot(store());
      const again = await store().applyBatch(baseBatch());
      expect(again.diff.observations).toEqual({ inserted: 0, updated: 0, unchanged: 5 });
      expect(await snapshot(store())).toEqual(before);
      await store().undoBatch(again.id);
      expect(await snapshot(store())).toEqual(before);
    });

    it('refuses to undo twice, or a batch that does not exist', async () => {
      const first = await store().applyBatch(baseBatch());
      await store().undoBatch(first.id);
      const after = await snapshot(store(), { batches: true });
      const twice = await expectDomainError(store().undoBatch(first.id), 'BatchAlreadyUndone');
      expect(twice.details).toMatchObject({ batchId: first.id });
      await expectDomainError(store().undoBatch(4711), 'BatchNotFound');
      expect(await snapshot(store(), { batches: true })).toEqual(after);
    });

    it('refuses while later batches changed its rows, names them in undo order, and then goes through', async () => {
      const empty = await snapshot(store());
      const a = await store().applyBatch(baseBatch());
      const afterA = await snapshot(store());
      const b = await store().applyBatch(
        batch({ observations: [obs('population', 'gemeinde', '01001001', '2020', 1300)] }),
      );
      const afterB = await snapshot(store());
      const c = await store().applyBatch(
        batch({ observations: [obs('population', 'gemeinde', '01001001', '2020', 1400)] }),
      );
      // Refers to a's indicator and level, but to none of b's or c's rows.
      const d = await store().applyBatch(
        batch({ observations: [obs('population', 'gemeinde', '01001002', '2099', 1)] }),
      );

      const onA = await expectDomainError(store().undoBatch(a.id), 'BatchConflict');
      expect(onA.details).toMatchObject({ laterBatches: [d.id, c.id, b.id] });
      const onB = await expectDomainError(store().undoBatch(b.id), 'BatchConflict');
      expect(onB.details).toMatchObject({ laterBatches: [c.id] });
      expect((await store().getBatch(a.id))?.status).toBe('applied');

      await store().undoBatch(c.id);
      await store().undoBatch(d.id);
      expect(await snapshot(store())).toEqual(afterB);
      await store().undoBatch(b.id);
      expect(await snapshot(store())).toEqual(afterA);
      await store().undoBatch(a.id);
      expect(await snapshot(store())).toEqual(empty);
    });

    it('refuses while later batches wrote rows that refer to levels or indicators it created', async () => {
      const a = await store().applyBatch(batch({ levels: LEVELS, indicators: [POPULATION] }));
      const b = await store().applyBatch(
        batch({ observations: [obs('population', 'gemeinde', 'X', '2020', 1)] }),
      );
      const c = await store().applyBatch(batch({ areas: [area({ levelId: 'kreis', key: 'K' })] }));
      const conflict = await expectDomainError(store().undoBatch(a.id), 'BatchConflict');
      expect(conflict.details).toMatchObject({ laterBatches: [c.id, b.id] });
      await store().undoBatch(c.id);
      await store().undoBatch(b.id);
      await store().undoBatch(a.id);
      expect(await store().listLevels()).toEqual([]);
    });

    it('undoes batches that only updated, restoring the batch ids of the rows they replaced', async () => {
      const a = await store().applyBatch(
        batch({ levels: [KREIS, GEMEINDE], indicators: [POPULATION], observations: manyObservations(5) }),
      );
      const b = await store().applyBatch(
        batch({
          levels: [{ ...GEMEINDE, name: 'Gemeinden' }],
          observations: manyObservations(5, 'population', () => 0),
        }),
      );
      expect(b.diff.observations).toEqual({ inserted: 0, updated: 4, unchanged: 1 });
      await store().undoBatch(b.id);
      const values = await store().getValues({ indicatorId: 'population', levelId: 'gemeinde' });
      expect(values.map((v) => [v.value, v.batchId])).toEqual([0, 0.5, 1, 1.5, 2].map((v) => [v, a.id]));
      expect((await store().getLevel('gemeinde'))?.name).toBe('Gemeinde');
    });
  });
}
