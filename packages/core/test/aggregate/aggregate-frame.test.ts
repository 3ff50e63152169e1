import { describe, expect, it } from 'vitest';
import {
  aggregateFrame,
  aggregateFrameToParents,
  aggregateObservations,
  aggregateObservationsByColumns,
  linkTable,
  type AggregateInput,
  type AggregationLink,
  type AggregationResult,
} from '../../src/aggregate/index.ts';
import { areaIndex, framesFromObservations, observationsFromFrame } from '../../src/derive/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import {
  mulberry32,
  pick,
  randomCell,
  randomObservations,
  type Random,
} from '../derive/random-observations.ts';
import { indicator, obs } from './fixtures.ts';

const INDICATORS = [
  indicator('pop'),
  indicator('n'),
  indicator('share', { aggregation: 'ratio', ratePer: 100, numeratorId: 'n', denominatorId: 'pop' }),
  indicator('rate', { aggregation: 'ratio', numeratorId: 'n', denominatorId: 'absent_den' }),
  indicator('own', { aggregation: 'ratio', ratePer: 1000 }),
  indicator('uncounted', { aggregation: 'ratio', ratePer: 100 }),
  indicator('mean', { aggregation: 'weighted_mean', weightId: 'pop' }),
  indicator('unweighted', { aggregation: 'weighted_mean' }),
  indicator('median', { aggregation: 'none' }),
];
const CHILDREN = Array.from({ length: 24 }, (_, i) => `C${String(i).padStart(2, '0')}`);

/** Links over the children: most nest into one parent, some are split, some have none, some never have values. */
function randomLinks(rnd: Random, apportion: boolean): AggregationLink[] {
  const links: AggregationLink[] = [{ childKey: CHILDREN[0]!, parentKey: 'P_single', weight: 1 }];
  for (const childKey of [...CHILDREN.slice(1, 20), 'NEVER_OBSERVED']) {
    const parentKey = pick(rnd, ['P1', 'P2', 'P3', 'P4']);
    if (apportion && rnd() < 0.4) {
      const share = pick(rnd, [0, 0.25, 0.5, 0.7, 1]);
      links.push({ childKey, parentKey, weight: share });
      links.push({ childKey, parentKey: pick(rnd, ['P1', 'P5']), weight: pick(rnd, [1 - share, 0.6]) });
    } else links.push({ childKey, parentKey, weight: 1 });
  }
  return links; // C20…C23 have no parent
}

function randomInput(rnd: Random): Observation[] {
  const grid = { levels: ['g'], areas: CHILDREN, periods: ['2019', '2020', '2021'], coverage: 0.9 };
  const own = randomObservations(rnd, { ...grid, indicators: ['own'] }).map((o) => ({
    ...o,
    numerator: rnd() < 0.8 ? pick(rnd, [0, 3, 10, 42.5]) : null,
    denominator: rnd() < 0.8 ? pick(rnd, [0, 50, 100, 1e3]) : null,
  }));
  const others = randomObservations(rnd, {
    ...grid,
    indicators: ['pop', 'n', 'uncounted', 'mean', 'unweighted', 'median'],
  });
  const otherLevel = randomObservations(rnd, { ...grid, levels: ['kreis'], indicators: ['pop'] });
  // Counts on a ratio's own observations may carry status and reason of their own.
  const carried = own.map((o) => (rnd() < 0.1 ? { ...o, ...randomCell(rnd) } : o));
  return [...carried, ...others, ...otherLevel];
}

/** Unmapped children are a set; their listed order follows the input order in the object path. */
const normalised = (result: AggregationResult) => ({
  observations: result.observations,
  warnings: result.warnings.map((w) =>
    w.code === 'unmapped_children' ? { ...w, children: [...w.children].sort() } : w,
  ),
});

describe('aggregateFrame against aggregateObservations, on seeded random inputs', () => {
  for (let seed = 1; seed <= 30; seed++)
    it(`gives the same observations, in the same order, and the same warnings (seed ${seed})`, () => {
      const rnd = mulberry32(seed);
      const links = randomLinks(rnd, seed % 3 === 0);
      const observations = randomInput(rnd);
      for (const partialCoverage of ['missing', 'flag'] as const)
        for (const nothingAsZero of [true, false]) {
          const input: AggregateInput = {
            indicators: INDICATORS,
            observations,
            fromLevelId: 'g',
            toLevelId: 'k',
            options: { partialCoverage, nothingAsZero },
          };
          const objects = aggregateObservations(input, links);
          const columns = aggregateObservationsByColumns(input, links);
          expect(normalised(columns)).toEqual(normalised(objects));
        }
    });

  it('covers every rule, missing reason and warning across the seeds (so the comparison means something)', () => {
    const reasons = new Set<string | null>();
    const statuses = new Set<string>();
    const codes = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = mulberry32(seed);
      const links = randomLinks(rnd, seed % 3 === 0);
      const observations = randomInput(rnd);
      for (const partialCoverage of ['missing', 'flag'] as const) {
        const result = aggregateObservations(
          {
            indicators: INDICATORS,
            observations,
            fromLevelId: 'g',
            toLevelId: 'k',
            options: { partialCoverage },
          },
          links,
        );
        for (const o of result.observations) {
          reasons.add(o.missingReason);
          statuses.add(o.status);
        }
        for (const w of result.warnings) codes.add(w.code);
      }
    }
    expect([...reasons].sort()).toEqual(
      [
        null,
        'later',
        'not_meaningful',
        'not_reported',
        'nothing',
        'secret',
        'suppressed',
        'unreliable',
      ].sort(),
    );
    expect([...statuses].sort()).toEqual(
      ['estimated', 'final', 'missing', 'provisional', 'suppressed'].sort(),
    );
    expect([...codes].sort()).toEqual(
      [
        'incomplete_coverage',
        'missing_children',
        'not_aggregatable',
        'ratio_inputs_unknown',
        'unmapped_children',
        'weight_unknown',
        'weights_exceed_one',
      ].sort(),
    );
  });
});

describe('aggregateFrame: columns in, columns out', () => {
  const parentOf = new Map([
    ['A1', 'A'],
    ['A2', 'A'],
    ['B1', 'B'],
  ]);
  const share = indicator('share', {
    aggregation: 'ratio',
    ratePer: 100,
    numeratorId: 'n',
    denominatorId: 'pop',
  });

  it('re-derives a share from summed counts and carries the counts on the parent column', () => {
    const frame = framesFromObservations([
      obs('n', 'A1', 10),
      obs('pop', 'A1', 100),
      obs('n', 'A2', 90),
      obs('pop', 'A2', 300),
      obs('n', 'B1', 'secret'),
      obs('pop', 'B1', 5),
    ]).get('gemeinde')!;
    const { frame: out, warnings } = aggregateFrameToParents(
      { indicators: [indicator('pop'), share], frame, toLevelId: 'kreis' },
      parentOf,
    );
    expect(out.areas.keys).toEqual(['A', 'B']);
    const column = out.columns.get('share')!.get('2020')!;
    expect([...column.values]).toEqual([25, Number.NaN]);
    expect([...column.numerators!]).toEqual([100, Number.NaN]);
    expect([...column.denominators!]).toEqual([400, Number.NaN]);
    expect(
      observationsFromFrame(out).map((o) => [o.indicatorId, o.areaKey, o.value, o.missingReason]),
    ).toEqual([
      ['pop', 'A', 400, null],
      ['pop', 'B', 5, null],
      ['share', 'A', 25, null],
      ['share', 'B', null, 'secret'],
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'missing_children', children: ['B1 (secret)'] }),
    ]);
  });

  it('reuses one link table for many frames over the same areas, and refuses one built for other areas', () => {
    const first = framesFromObservations([obs('pop', 'A1', 1), obs('pop', 'B1', 2)]).get('gemeinde')!;
    const table = linkTable(
      [...parentOf].map(([childKey, parentKey]) => ({ childKey, parentKey, weight: 1 })),
      first.areas,
    );
    const sameKeys = { ...first, areas: areaIndex(['A1', 'B1']) };
    expect(
      aggregateFrame({ indicators: [indicator('pop')], frame: sameKeys, toLevelId: 'k' }, table).frame.areas
        .keys,
    ).toEqual(['A', 'B']);
    const other = { ...first, areas: areaIndex(['B1', 'A1']) };
    expect(() =>
      aggregateFrame({ indicators: [indicator('pop')], frame: other, toLevelId: 'k' }, table),
    ).toThrow('the link table indexes other areas than the frame of level gemeinde');
  });

  it('gives an empty result for an empty frame, and rejects weights outside [0, 1] as the object path does', () => {
    const empty = aggregateObservationsByColumns(
      { indicators: [indicator('pop')], observations: [], fromLevelId: 'g', toLevelId: 'k' },
      [{ childKey: 'A1', parentKey: 'A', weight: 1 }],
    );
    expect(empty).toEqual({ observations: [], warnings: [] });
    expect(() =>
      aggregateObservationsByColumns(
        {
          indicators: [indicator('pop')],
          observations: [obs('pop', 'A1', 1)],
          fromLevelId: 'gemeinde',
          toLevelId: 'k',
        },
        [{ childKey: 'A1', parentKey: 'A', weight: 1.5 }],
      ),
    ).toThrow('link A1 → A has weight 1.5; weights must lie in [0, 1]');
  });
});
