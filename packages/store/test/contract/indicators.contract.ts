import { withIndicatorDefaults } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { POPULATION, UNEMPLOYMENT, batch } from '../fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

export function describeIndicatorContract(store: CurrentStore): void {
  describe('indicators', () => {
    it('stores a new indicator as version 1 with defaults filled in', async () => {
      const result = await store().applyBatch(batch({ indicators: [UNEMPLOYMENT, POPULATION] }));
      expect(result.diff.indicators).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
      const expected = { ...withIndicatorDefaults(UNEMPLOYMENT), version: 1 };
      expect(await store().getIndicator('unemployment_share')).toEqual(expected);
      expect(expected.ratePer).toBe(100);
      expect(expected.aggregation).toBe('ratio');
      expect((await store().listIndicators()).map((i) => i.id)).toEqual(['population', 'unemployment_share']);
      expect(await store().listIndicatorVersions('unemployment_share')).toEqual([expected]);
      expect(await store().getIndicator('unemployment_share', 1)).toEqual(expected);
    });

    it('leaves an unchanged definition at its version', async () => {
      await store().applyBatch(batch({ indicators: [POPULATION] }));
      const again = batch({ indicators: [{ ...POPULATION, topic: 'Allgemein', nameEn: undefined }] });
      expect((await store().diffBatch(again)).indicators).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect((await store().applyBatch(again)).diff.indicators).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      expect((await store().getIndicator('population'))?.version).toBe(1);
      expect(await store().listIndicatorVersions('population')).toHaveLength(1);
    });

    it('makes a changed definition the next version and keeps every earlier one readable', async () => {
      await store().applyBatch(batch({ indicators: [POPULATION] }));
      const v2 = { ...POPULATION, unit: 'Einwohner', notes: 'Hauptwohnsitz' };
      expect((await store().diffBatch(batch({ indicators: [v2] }))).indicators).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      await store().applyBatch(batch({ indicators: [v2] }));
      const v3 = { ...v2, decimals: 2 };
      await store().applyBatch(batch({ indicators: [v3] }));

      const current = await store().getIndicator('population');
      expect(current).toEqual({ ...withIndicatorDefaults(v3), version: 3 });
      expect((await store().getIndicator('population', 1))?.unit).toBe('Personen');
      expect((await store().getIndicator('population', 2))?.notes).toBe('Hauptwohnsitz');
      expect((await store().getIndicator('population', 2))?.decimals).toBe(0);
      expect(await store().getIndicator('population', 4)).toBeNull();
      expect(
        (await store().listIndicatorVersions('population')).map((d) => [d.version, d.unit, d.decimals]),
      ).toEqual([
        [1, 'Personen', 0],
        [2, 'Einwohner', 0],
        [3, 'Einwohner', 2],
      ]);
    });

    it("stores a derived indicator's formula, versions a changed formula and restores it on undo", async () => {
      const derived = { id: 'density', name: 'Dichte', unit: 'je km²', kind: 'rate' as const };
      const v1 = { ...derived, formula: 'population / area_km2' };
      await store().applyBatch(batch({ indicators: [POPULATION, v1] }));
      expect((await store().getIndicator('density'))?.formula).toBe('population / area_km2');
      expect((await store().getIndicator('population'))?.formula).toBeNull();
      expect((await store().diffBatch(batch({ indicators: [v1] }))).indicators.unchanged).toBe(1);

      const v2 = { ...derived, formula: '1000 * population / area_km2' };
      const second = await store().applyBatch(batch({ indicators: [v2] }));
      expect(second.diff.indicators).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect(await store().getIndicator('density')).toEqual({ ...withIndicatorDefaults(v2), version: 2 });
      expect((await store().listIndicatorVersions('density')).map((d) => [d.version, d.formula])).toEqual([
        [1, 'population / area_km2'],
        [2, '1000 * population / area_km2'],
      ]);
      expect((await store().getIndicator('density', 1))?.formula).toBe('population / area_km2');

      await store().undoBatch(second.id);
      expect(await store().getIndicator('density')).toEqual({ ...withIndicatorDefaults(v1), version: 1 });
      expect(await store().listIndicatorVersions('density')).toHaveLength(1);
    });

    it('returns null and empty lists for unknown indicators', async () => {
      expect(await store().getIndicator('nope')).toBeNull();
      expect(await store().getIndicator('nope', 1)).toBeNull();
      expect(await store().listIndicatorVersions('nope')).toEqual([]);
    });

    it('rejects one indicator twice in one batch', async () => {
      await expectDomainError(
        store().applyBatch(batch({ indicators: [POPULATION, { ...POPULATION, unit: 'x' }] })),
        'ImportInvalid',
      );
      expect(await store().listIndicators()).toEqual([]);
    });
  });
}
