import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@lagebild/store';
import type { ImportReport } from '@lagebild/core';
import { createTestDatabase } from '../support/pg-database.ts';
import {
  EDITIONS,
  computeEdition,
  hasMssData,
  importMss,
  publishedClasses,
  type EditionResult,
} from './mss-editions.ts';

/**
 * The Berlin MSS Status and Dynamik classes of five editions, from the raw tables in ../shared/data,
 * through the product's import (catalogue, PLR areas, demo mappings of the index indicators) into a
 * store, read back with getValues and computed with the presets in demo/indices. Which Planungsräume
 * take part is decided by the presets' exclusion rules, not by the published answer.
 */
const EXPECTED_PLR = { 2013: 434, 2015: 435, 2017: 436, 2019: 436, 2021: 536 } as Record<string, number>;

function describeEditions(engine: string, open: () => Promise<{ store: Store; close: () => Promise<void> }>) {
  describe.skipIf(!hasMssData)(
    `MSS 2013–2021 on ${engine}: presets reproduce the published classes (skipped: ../shared/data/berlin-mss-* or berlin-lor-geodata absent)`,
    () => {
      let store: Store;
      let close = async () => {};
      let reports: ImportReport[] = [];
      const results = new Map<string, EditionResult>();
      beforeAll(async () => {
        ({ store, close } = await open());
        await store.migrate();
        reports = await importMss(store);
        for (const e of EDITIONS) results.set(e.edition, await computeEdition(store, e));
      }, 600_000);
      afterAll(() => close());

      it('imports the 2021 Planungsräume without outlines, with one warning each and no error', () => {
        const lor2021 = reports[2]!;
        expect(lor2021.diff.areas.inserted).toBe(542);
        expect(lor2021.errors).toBe(0);
        expect(new Set(lor2021.issues.map((i) => i.code))).toEqual(new Set(['MissingCoordinates']));
      });

      it.each(EDITIONS.map((e) => [e.edition, e] as const))(
        'MSS %s: 0 mismatches of Status, Dynamik and Gesamtindex',
        (edition, e) => {
          const { status, dynamik, gesamt } = results.get(edition)!;
          const published = publishedClasses(e);
          expect(published).toHaveLength(EXPECTED_PLR[edition]!);
          expect(status.definition.version).toBe(Number(edition) <= 2017 ? 1 : 2);

          // The exclusion rules select exactly the published Planungsräume, in both indices.
          const included = (r: typeof status) =>
            r.areas
              .filter((a) => !a.excluded)
              .map((a) => a.key)
              .sort();
          const publishedKeys = published.map((p) => p.key).sort();
          expect(included(status)).toEqual(publishedKeys);
          expect(included(dynamik)).toEqual(publishedKeys);

          const statusOf = new Map(status.areas.map((a) => [a.key, a.class?.code]));
          const dynamikOf = new Map(dynamik.areas.map((a) => [a.key, a.class?.symbol]));
          const mismatches = published.flatMap((p) => [
            ...(statusOf.get(p.key) === p.status
              ? []
              : [`${p.key} status ${statusOf.get(p.key)} ≠ ${p.status}`]),
            ...(dynamikOf.get(p.key) === p.dynamik
              ? []
              : [`${p.key} dynamik ${dynamikOf.get(p.key)} ≠ ${p.dynamik}`]),
            ...(gesamt.get(p.key) === p.gesamt ? [] : [`${p.key} gesamt ${gesamt.get(p.key)} ≠ ${p.gesamt}`]),
          ]);
          expect(mismatches).toEqual([]);
        },
      );

      it('leaves out the other Planungsräume for a stated reason', () => {
        const reasons = (edition: string) => results.get(edition)!.status.summary.excludedBy;
        // 2013–2019: the 447 PLR of table 2-1 minus the published ones; all-zero rows arrive as missing values.
        for (const edition of ['2013', '2015', '2017', '2019']) {
          const by = reasons(edition);
          expect(by.named, edition).toBe(1);
          expect(by['population-below-minimum'] + by['missing-values'], edition).toBe(
            447 - EXPECTED_PLR[edition]! - 1,
          );
        }
        expect(results.get('2021')!.status.summary.excluded).toBe(0);
        const bitterfelder = results.get('2017')!.status.areas.find((a) => a.key === '10010203')!;
        expect(bitterfelder.excluded!.reason).toBe('named');
      });
    },
  );
}

describeEditions('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-mss-'));
  const store = await openStore(`sqlite:${join(dir, 'mss.db')}`);
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEditions('PostgreSQL', async () => {
  const db = await createTestDatabase('lagebild_e2e_mss');
  const store = await openStore(db.url);
  return {
    store,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
});
