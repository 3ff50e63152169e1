import { existsSync } from 'node:fs';
import { openDbf } from 'shapefile';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateToParents } from '../../src/aggregate/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { indicator } from './fixtures.ts';

const DIR = '/work/shared/data/gisd-rki/vg250-ew_ebenen_1231';

interface Record {
  AGS: string;
  GF: number;
  EWZ: number;
}

async function readDbf(name: string): Promise<Record[]> {
  const source = await openDbf(`${DIR}/${name}.dbf`, { encoding: 'utf-8' });
  const records: Record[] = [];
  for (let r = await source.read(); !r.done; r = await source.read()) records.push(r.value as Record);
  // GF = 4: land areas with population; GF = 2 repeats them for water areas with EWZ 0.
  return records.filter((rec) => rec.GF === 4);
}

const population = (levelId: string, areaKey: string, value: number): Observation => ({
  indicatorId: 'population',
  levelId,
  areaKey,
  period: '2022-12-31',
  value,
  numerator: null,
  denominator: null,
  status: 'final',
  missingReason: null,
});

describe.skipIf(!existsSync(DIR))(`VG250-EW 31.12.2022: Gemeinde → Kreis population (${DIR})`, () => {
  let gemeinden: Record[];
  let kreise: Record[];
  beforeAll(async () => {
    [gemeinden, kreise] = await Promise.all([readDbf('VG250_GEM'), readDbf('VG250_KRS')]);
  });

  it('adds up every Kreis from its Gemeinden, without a single mismatch', () => {
    // The Kreis is the first five digits of the AGS.
    const parentOf = new Map(gemeinden.map((g) => [g.AGS, g.AGS.slice(0, 5)]));
    const { observations, warnings } = aggregateToParents(
      {
        indicators: [indicator('population')],
        observations: gemeinden.map((g) => population('gemeinde', g.AGS, g.EWZ)),
        fromLevelId: 'gemeinde',
        toLevelId: 'kreis',
      },
      parentOf,
    );
    expect(warnings).toEqual([]);
    expect(gemeinden).toHaveLength(10990);
    expect(observations).toHaveLength(400);
    const published = new Map(kreise.map((k) => [k.AGS, k.EWZ]));
    const mismatches = observations.filter((o) => published.get(o.areaKey) !== o.value);
    expect(mismatches).toEqual([]);
    expect(observations.reduce((s, o) => s + o.value!, 0)).toBe(84_358_845);
    expect(kreise.reduce((s, k) => s + k.EWZ, 0)).toBe(84_358_845);
  });
});
