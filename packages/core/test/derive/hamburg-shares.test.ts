import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.ts';
import { recomputeDerived } from '../../src/derive/index.ts';
import {
  hamburgAvailable,
  HAMBURG_FILE,
  readHamburgProfiles,
  type ProfileRow,
} from '../aggregate/hamburg-profiles.ts';

const count = (indicatorId: string, areaKey: string, value: number): Observation => ({
  indicatorId,
  levelId: 'profile',
  areaKey,
  period: '2013-12-31',
  value,
  numerator: null,
  denominator: null,
  status: 'final',
  missingReason: null,
});

describe.skipIf(!hamburgAvailable)(
  `Hamburg Stadtteilprofile 2014: shares re-derived by formula (${HAMBURG_FILE})`,
  () => {
    let rows: ProfileRow[];
    beforeAll(async () => {
      rows = await readHamburgProfiles();
    });

    it('reproduces the published under-18 and SGB II shares in all 107 rows', () => {
      const input = new Map<string, Observation[]>([
        ['pop', rows.map((r) => count('pop', r.key, r.population))],
        ['u18', rows.map((r) => count('u18', r.key, r.under18))],
        ['sgb2', rows.map((r) => count('sgb2', r.key, r.sgb2))],
      ]);
      const { observations } = recomputeDerived(
        [
          { id: 'u18_share', formula: 'round(100 * u18 / pop, 1)' },
          { id: 'sgb2_share', formula: 'round(100 * sgb2 / pop, 1)' },
        ],
        input,
      );
      const derived = (id: string, key: string) =>
        observations.find((o) => o.indicatorId === id && o.areaKey === key)?.value;
      const mismatches = rows.filter(
        (r) => derived('u18_share', r.key) !== r.under18Share || derived('sgb2_share', r.key) !== r.sgb2Share,
      );
      expect(rows).toHaveLength(107);
      expect(mismatches.map((r) => r.name)).toEqual([]);
    });
  },
);
