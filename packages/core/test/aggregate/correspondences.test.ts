import { describe, expect, it } from 'vitest';
import { aggregateByCorrespondences, recalculateToTerritorialStatus } from '../../src/aggregate/index.ts';
import type { Correspondence } from '../../src/domain/area.ts';
import { indicator, obs } from './fixtures.ts';

const link = (
  fromKey: string,
  toKey: string,
  weight: number,
  levels = ['gemeinde', 'sozialraum'],
): Correspondence => ({
  fromLevelId: levels[0]!,
  fromKey,
  toLevelId: levels[1]!,
  toKey,
  weight,
  basis: 'population',
});

describe('aggregateByCorrespondences', () => {
  const correspondences = [link('A', 'X', 0.5), link('A', 'Y', 0.5), link('B', 'Y', 1)];

  it('apportions counts by the share of the from-area and marks split results estimated', () => {
    const { observations } = aggregateByCorrespondences(
      { indicators: [indicator('pop')], observations: [obs('pop', 'A', 100), obs('pop', 'B', 50)] },
      correspondences,
    );
    expect(observations.map((o) => [o.areaKey, o.levelId, o.value, o.status])).toEqual([
      ['X', 'sozialraum', 50, 'estimated'],
      ['Y', 'sozialraum', 100, 'estimated'],
    ]);
  });

  it('re-derives ratios from apportioned counts', () => {
    const share = indicator('share', {
      aggregation: 'ratio',
      ratePer: 100,
      numeratorId: 'n',
      denominatorId: 'd',
    });
    const { observations } = aggregateByCorrespondences(
      {
        indicators: [share],
        observations: [obs('n', 'A', 10), obs('d', 'A', 100), obs('n', 'B', 30), obs('d', 'B', 50)],
      },
      correspondences,
    );
    // Y: (0.5·10 + 30) / (0.5·100 + 50) = 35 %.
    expect(observations.find((o) => o.areaKey === 'Y')).toMatchObject({
      value: 35,
      numerator: 35,
      denominator: 100,
    });
  });

  it('rejects weights outside [0, 1] and mixed levels, and warns when a from-area is counted more than once', () => {
    const input = { indicators: [indicator('pop')], observations: [obs('pop', 'A', 1)] };
    expect(() => aggregateByCorrespondences(input, [link('A', 'X', 1.5)])).toThrow(
      'link A → X has weight 1.5; weights must lie in [0, 1]',
    );
    expect(() =>
      aggregateByCorrespondences(input, [link('A', 'X', 1), link('A', 'X', 1, ['kreis', 'land'])]),
    ).toThrow('correspondences mix levels: gemeinde → sozialraum and kreis → land');
    expect(() => aggregateByCorrespondences(input, [])).toThrow('no correspondences given');
    const { warnings } = aggregateByCorrespondences(input, [link('A', 'X', 0.7), link('A', 'Y', 0.7)]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'weights_exceed_one', children: ['A'] })]);
  });
});

describe('recalculateToTerritorialStatus', () => {
  // On 2020-01-01, B merged into A, and D was split into E (40 %) and F (60 %); C is unchanged.
  const correspondences = [
    link('B', 'A', 1, ['g', 'g']),
    link('D', 'E', 0.4, ['g', 'g']),
    link('D', 'F', 0.6, ['g', 'g']),
  ];
  const data = [
    obs('pop', 'A', 10, { levelId: 'g', period: '2019' }),
    obs('pop', 'B', 20, { levelId: 'g', period: '2019' }),
    obs('pop', 'C', 5, { levelId: 'g', period: '2019' }),
    obs('pop', 'D', 100, { levelId: 'g', period: '2019' }),
    obs('pop', 'A', 33, { levelId: 'g', period: '2020' }),
    obs('pop', 'C', 6, { levelId: 'g', period: '2020' }),
    obs('pop', 'E', 41, { levelId: 'g', period: '2020' }),
    obs('pop', 'F', 59, { levelId: 'g', period: '2020' }),
  ];

  it('puts earlier periods onto the new areas and passes later ones through', () => {
    const { observations, warnings } = recalculateToTerritorialStatus({
      indicators: [indicator('pop')],
      observations: data,
      correspondences,
      changeDate: '2020-01-01',
    });
    const series = observations.map((o) => `${o.period} ${o.areaKey} ${o.value} ${o.status}`).sort();
    expect(series).toEqual([
      '2019 A 30 final',
      '2019 C 5 final',
      '2019 E 40 estimated',
      '2019 F 60 estimated',
      '2020 A 33 final',
      '2020 C 6 final',
      '2020 E 41 final',
      '2020 F 59 final',
    ]);
    expect(warnings).toEqual([]);
  });

  it('treats a year period as its reference date 31.12.', () => {
    // A change on 2019-07-01 comes before 31.12.2019, so the 2019 values are already on the new status.
    const { observations } = recalculateToTerritorialStatus({
      indicators: [indicator('pop')],
      observations: data,
      correspondences,
      changeDate: '2019-07-01',
    });
    expect(observations.filter((o) => o.period === '2019').map((o) => o.areaKey)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });
});
