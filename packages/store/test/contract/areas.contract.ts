import { describe, expect, it } from 'vitest';
import { AREAS, GEMEINDE, KREIS, LEVELS, SOZIALRAUM, area, baseBatch, batch, square } from '../fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

export function describeAreaContract(store: CurrentStore): void {
  describe('levels', () => {
    it('lists levels coarse to fine and gets one by id', async () => {
      await store().applyBatch(batch({ levels: LEVELS }));
      expect(await store().listLevels()).toEqual([KREIS, GEMEINDE, SOZIALRAUM]);
      expect(await store().getLevel('gemeinde')).toEqual(GEMEINDE);
      expect(await store().getLevel('nowhere')).toBeNull();
    });

    it('upserts levels by id: unchanged ones are left alone, changed ones updated', async () => {
      const first = await store().applyBatch(batch({ levels: LEVELS }));
      expect(first.diff.levels).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      const renamed = { ...KREIS, name: 'Landkreis' };
      const input = batch({ levels: [renamed, GEMEINDE] });
      expect((await store().diffBatch(input)).levels).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
      const second = await store().applyBatch(input);
      expect(second.diff.levels).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
      expect(await store().getLevel('kreis')).toEqual(renamed);
    });
  });

  describe('areas', () => {
    it('lists the current territorial version by default, ordered by key, without geometry', async () => {
      await store().applyBatch(baseBatch());
      const areas = await store().listAreas('gemeinde');
      expect(areas.map((a) => [a.key, a.name])).toEqual([
        ['01001001', 'Altdorf (neu)'],
        ['01001002', 'Bedorf'],
        ['01001003', 'Cedorf'],
      ]);
      expect(areas.every((a) => a.geometry === null)).toBe(true);
      expect(areas[0]!.bbox).toEqual([9.1, 54.1, 9.1 + 0.2, 54.1 + 0.2]);
      expect(areas[2]!.bbox).toBeNull();
      expect(areas[2]!.predecessors).toEqual(['01001004', '01001005']);
    });

    it('picks the version valid at a date: validFrom inclusive, validTo exclusive, nulls open', async () => {
      await store().applyBatch(baseBatch());
      const keysAt = async (at: string) =>
        (await store().listAreas('gemeinde', { at })).map((a) => `${a.key} ${a.name}`);
      expect(await keysAt('2017-12-31')).toEqual([
        '01001001 Altdorf',
        '01001002 Bedorf',
        '01001004 Dedorf',
        '01001005 Edorf',
      ]);
      expect(await keysAt('2018-01-01')).toEqual(['01001001 Altdorf', '01001002 Bedorf', '01001003 Cedorf']);
      expect(await keysAt('2019-12-31')).toEqual(['01001001 Altdorf', '01001002 Bedorf', '01001003 Cedorf']);
      expect(await keysAt('2020-01-01')).toEqual([
        '01001001 Altdorf (neu)',
        '01001002 Bedorf',
        '01001003 Cedorf',
      ]);
    });

    it('counts the areas per level valid at a date, as listAreas does', async () => {
      await store().applyBatch(baseBatch());
      for (const at of ['1900-01-01', '2017-12-31', '2018-01-01', '2020-01-01']) {
        const counts = await store().countAreas(at);
        expect(counts.get('gemeinde')).toBe((await store().listAreas('gemeinde', { at })).length);
      }
      expect((await store().countAreas()).get('gemeinde')).toBe((await store().listAreas('gemeinde')).length);
      expect((await store().countAreas()).get('no-such-level')).toBeUndefined();
    });

    it('returns geometry, attributes and source CRS exactly as given when asked', async () => {
      await store().applyBatch(baseBatch());
      const [old] = await store().listAreas('gemeinde', { at: '2019-01-01', withGeometry: true });
      const given = AREAS[1]!;
      expect(old).toEqual({ ...given, batchId: 1, bbox: [9.1, 54.1, 9.1 + 0.1, 54.1 + 0.1] });
      const kreis = await store().getArea('kreis', '01001');
      expect(kreis?.geometry).toEqual(square(9, 54, 1));
      expect(kreis?.sourceCrs).toBe('EPSG:25832');
    });

    it('gets one area, by default the current version, or the one valid at a date', async () => {
      await store().applyBatch(baseBatch());
      expect((await store().getArea('gemeinde', '01001001'))?.name).toBe('Altdorf (neu)');
      expect((await store().getArea('gemeinde', '01001001', '2019-06-30'))?.name).toBe('Altdorf');
      expect((await store().getArea('gemeinde', '01001001', '2019-06-30'))?.geometry).toEqual(
        square(9.1, 54.1),
      );
      expect(await store().getArea('gemeinde', '01001004')).toBeNull();
      expect((await store().getArea('gemeinde', '01001004', '2017-01-01'))?.name).toBe('Dedorf');
      expect(await store().getArea('gemeinde', 'nope')).toBeNull();
    });

    it('filters by parent key', async () => {
      await store().applyBatch(baseBatch());
      expect((await store().listAreas('gemeinde', { parentKey: '01001' })).length).toBe(3);
      expect(await store().listAreas('gemeinde', { parentKey: '09999' })).toEqual([]);
    });

    it('lists every key of a level across versions, once each', async () => {
      await store().applyBatch(baseBatch());
      expect(await store().listAreaKeys('gemeinde')).toEqual([
        '01001001',
        '01001002',
        '01001003',
        '01001004',
        '01001005',
      ]);
      expect(await store().listAreaKeys('nowhere')).toEqual([]);
    });

    it('treats a null validFrom as one version: re-importing it updates, never duplicates', async () => {
      await store().applyBatch(baseBatch());
      const bedorf = area({
        levelId: 'gemeinde',
        key: '01001002',
        name: 'Bedorf',
        parentKey: '01001',
        geometry: square(9.3, 54.1),
      });
      expect((await store().diffBatch(batch({ areas: [bedorf] }))).areas).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      const renamed = { ...bedorf, name: 'Bedorf am See' };
      expect((await store().applyBatch(batch({ areas: [renamed] }))).diff.areas).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(
        (await store().listAreas('gemeinde')).filter((a) => a.key === '01001002').map((a) => a.name),
      ).toEqual(['Bedorf am See']);
    });

    it('sees equal attributes in another key order as unchanged', async () => {
      await store().applyBatch(baseBatch());
      const altdorf = { ...AREAS[1]!, attributes: { nuts: null, einwohner: 1200, typ: 'Stadt' } };
      expect((await store().diffBatch(batch({ areas: [altdorf] }))).areas).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
    });

    it('rejects the same area version twice in one batch', async () => {
      await store().applyBatch(batch({ levels: LEVELS }));
      const a = area({ levelId: 'gemeinde', key: 'X' });
      await expectDomainError(
        store().applyBatch(batch({ areas: [a, { ...a, name: 'other' }] })),
        'ImportInvalid',
      );
      expect(await store().listAreas('gemeinde')).toEqual([]);
    });

    it('rejects areas on an unknown level', async () => {
      await expectDomainError(
        store().applyBatch(batch({ areas: [area({ levelId: 'nowhere', key: '1' })] })),
        'LevelNotFound',
      );
      await expectDomainError(
        store().diffBatch(batch({ areas: [area({ levelId: 'nowhere', key: '1' })] })),
        'LevelNotFound',
      );
      expect(await store().listBatches()).toEqual([]);
    });
  });

  describe('correspondences', () => {
    it('lists weighted links between two levels, upserted by their four ids', async () => {
      await store().applyBatch(baseBatch());
      const links = await store().listCorrespondences('gemeinde', 'sozialraum');
      expect(links.map((c) => [c.fromKey, c.toKey, c.weight, c.basis])).toEqual([
        ['01001001', 'SR1', 0.75, 'population'],
        ['01001002', 'SR1', 1, 'population'],
      ]);
      expect(await store().listCorrespondences('sozialraum', 'gemeinde')).toEqual([]);
      const changed = { ...links[0]!, weight: 0.7 };
      const result = await store().applyBatch(batch({ correspondences: [changed, links[1]!] }));
      expect(result.diff.correspondences).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
      expect((await store().listCorrespondences('gemeinde', 'sozialraum'))[0]!.weight).toBe(0.7);
    });
  });
}
