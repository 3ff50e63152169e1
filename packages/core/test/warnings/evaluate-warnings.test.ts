import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.ts';
import { evaluateWarnings, intervalKey, type WarningContext } from '../../src/warnings/index.ts';

const obs = (
  indicatorId: string,
  areaKey: string,
  period: string,
  value: number | null,
  counts?: [number, number],
): Observation => ({
  indicatorId,
  levelId: 'plr',
  areaKey,
  period,
  value,
  numerator: counts?.[0] ?? null,
  denominator: counts?.[1] ?? null,
  status: value === null ? 'missing' : 'final',
  missingReason: value === null ? 'secret' : null,
});

const indicators: WarningContext['indicators'] = [
  { id: 'sgb2_share', polarity: 'higher_is_worse', numeratorId: 'sgb2', denominatorId: 'pop' },
  { id: 'employment', polarity: 'higher_is_better', numeratorId: null, denominatorId: null },
  { id: 'mean_age', polarity: 'neutral', numeratorId: null, denominatorId: null },
];

// 2020: A 5, B 10, C 15, D 20, E 50 → mean 20, population SD √250 = 15.81; z(E) = 30 / 15.81 = 1.90.
const crossSection = [
  obs('sgb2_share', 'A', '2019', 99),
  ...Object.entries({ A: 5, B: 10, C: 15, D: 20, E: 50 }).map(([key, v]) =>
    obs('sgb2_share', key, '2020', v),
  ),
  obs('sgb2_share', 'F', '2020', null),
  ...Object.entries({ A: 70, B: 60, C: 40 }).map(([key, v]) => obs('employment', key, '2020', v)),
];
const flaggedKeys = (result: ReturnType<typeof evaluateWarnings>) => result.flagged.map((f) => f.areaKey);

describe('evaluateWarnings: threshold', () => {
  it('flags values strictly beyond the threshold on the worse side of the polarity, in the latest period', () => {
    const result = evaluateWarnings(
      [{ kind: 'threshold', id: 't', indicatorId: 'sgb2_share', threshold: 15 }],
      { indicators, observations: crossSection },
    );
    expect(flaggedKeys(result)).toEqual(['D', 'E']);
    expect(result.flagged[1]!.reasons).toEqual([
      {
        ruleId: 't',
        kind: 'threshold',
        indicatorId: 'sgb2_share',
        period: '2020',
        value: 50,
        message: 'sgb2_share 2020: 50 is above the threshold 15',
        details: { threshold: 15, direction: 'above' },
      },
    ]);
    expect(result.notes).toEqual([
      { ruleId: 't', count: 1, message: '1 area(s) without a value for sgb2_share' },
    ]);
    const better = evaluateWarnings(
      [{ kind: 'threshold', id: 'e', indicatorId: 'employment', threshold: 60 }],
      { indicators, observations: crossSection },
    );
    expect(flaggedKeys(better)).toEqual(['C']);
  });

  it('evaluates a given period', () => {
    const result = evaluateWarnings(
      [{ kind: 'threshold', id: 't', indicatorId: 'sgb2_share', threshold: 15 }],
      {
        indicators,
        observations: crossSection,
        period: '2019',
      },
    );
    expect(flaggedKeys(result)).toEqual(['A']);
  });

  it('needs a direction for neutral indicators and a known indicator', () => {
    const context = { indicators, observations: crossSection };
    expect(() =>
      evaluateWarnings([{ kind: 'threshold', id: 'n', indicatorId: 'mean_age', threshold: 40 }], context),
    ).toThrow(
      'warning rule "n": indicator "mean_age" is neutral, so the rule must say which direction to flag',
    );
    expect(() =>
      evaluateWarnings([{ kind: 'threshold', id: 'u', indicatorId: 'nope', threshold: 1 }], context),
    ).toThrow('warning rule "u" refers to unknown indicator "nope"');
  });
});

describe('evaluateWarnings: deviation', () => {
  it('flags areas beyond k population SDs from the mean, on the worse side only', () => {
    const result = evaluateWarnings([{ kind: 'deviation', id: 'd', indicatorId: 'sgb2_share', k: 1.5 }], {
      indicators,
      observations: crossSection,
    });
    expect(flaggedKeys(result)).toEqual(['E']);
    const details = result.flagged[0]!.reasons[0]!.details;
    expect(details.reference).toBe(20);
    expect(details.sd).toBeCloseTo(Math.sqrt(250), 12);
    expect(details.z).toBeCloseTo(30 / Math.sqrt(250), 12);
  });

  it('measures against a given reference value', () => {
    // Reference 5: z(D) = 15 / 15.81 = 0.95, z(E) = 2.85; with k = 0.9 both are flagged.
    const result = evaluateWarnings(
      [{ kind: 'deviation', id: 'd', indicatorId: 'sgb2_share', k: 0.9, reference: 5 }],
      {
        indicators,
        observations: crossSection,
      },
    );
    expect(flaggedKeys(result)).toEqual(['D', 'E']);
  });
});

describe('evaluateWarnings: worsening trend', () => {
  const years = ['2016', '2017', '2018', '2019', '2020'];
  const trendData = [
    // A: counts on the observation itself, rising 10 → 50 of 100: worsening.
    ...years.map((p, i) => obs('sgb2_share', 'A', p, 10 * (i + 1), [10 * (i + 1), 100])),
    // B: counts from the numerator and denominator indicators, falling: improving, not flagged.
    ...years.flatMap((p, i) => [
      obs('sgb2_share', 'B', p, 50 - 10 * i),
      obs('sgb2', 'B', p, 50 - 10 * i),
      obs('pop', 'B', p, 100),
    ]),
    // C: only three periods.
    ...years.slice(2).map((p) => obs('sgb2_share', 'C', p, 1, [1, 100])),
  ];

  it('flags a significant trend in the worse direction and counts areas it cannot judge', () => {
    const result = evaluateWarnings([{ kind: 'worsening_trend', id: 'w', indicatorId: 'sgb2_share' }], {
      indicators,
      observations: trendData,
    });
    expect(flaggedKeys(result)).toEqual(['A']);
    expect(result.flagged[0]!.reasons[0]).toMatchObject({
      kind: 'worsening_trend',
      period: '2020',
      value: 50,
      details: { marker: 'increasing', fromPeriod: '2016' },
    });
    expect(result.flagged[0]!.reasons[0]!.details.chiSquare).toBeCloseTo(1000 / 21, 8);
    expect(result.notes).toEqual([
      {
        ruleId: 'w',
        count: 1,
        message: 'trend of sgb2_share cannot be calculated for 1 area(s): not_enough_points',
      },
    ]);
  });

  it('uses intervals from the context for the interval method', () => {
    const employment = years.map((p, i) => obs('employment', 'A', p, 5 - i));
    const intervals = new Map(
      employment.map((o) => [
        intervalKey('employment', 'plr', 'A', o.period),
        { lower: o.value! - 1.959964, upper: o.value! + 1.959964 },
      ]),
    );
    const result = evaluateWarnings(
      [{ kind: 'worsening_trend', id: 'w', indicatorId: 'employment', method: 'interval' }],
      {
        indicators,
        observations: employment,
        intervals,
      },
    );
    expect(result.flagged[0]!.reasons[0]).toMatchObject({ details: { marker: 'decreasing' } });
    expect(result.flagged[0]!.reasons[0]!.details.chiSquare).toBeCloseTo(10, 8);
  });
});

describe('evaluateWarnings: class drop', () => {
  const classes = new Map([
    [
      'mss_status',
      [
        ...Object.entries({ A: '1', B: '3', C: '2' }).map(([areaKey, classLabel]) => ({
          areaKey,
          period: '2019',
          classLabel,
        })),
        ...Object.entries({ A: '3', B: '2', C: '3', D: '4' }).map(([areaKey, classLabel]) => ({
          areaKey,
          period: '2021',
          classLabel,
        })),
      ],
    ],
  ]);
  const rule = {
    kind: 'class_drop',
    id: 'c',
    classificationId: 'mss_status',
    levelId: 'plr',
    order: ['1', '2', '3', '4'],
    worseWhen: 'higher',
  } as const;

  it('flags areas that moved to a worse class between the two latest periods', () => {
    const result = evaluateWarnings([rule], { indicators, observations: [], classes });
    expect(flaggedKeys(result)).toEqual(['A', 'C']);
    expect(result.flagged[0]!.reasons[0]).toMatchObject({
      period: '2021',
      message: 'mss_status: class 1 (2019) → 3 (2021), 2 class(es) worse',
      details: { fromPeriod: '2019', fromClass: '1', toClass: '3', steps: 2 },
    });
    expect(result.notes).toEqual([
      { ruleId: 'c', count: 1, message: '1 area(s) classed in only one of 2019 and 2021' },
    ]);
    expect(
      flaggedKeys(evaluateWarnings([{ ...rule, minSteps: 2 }], { indicators, observations: [], classes })),
    ).toEqual(['A']);
    expect(
      flaggedKeys(
        evaluateWarnings([{ ...rule, worseWhen: 'lower' }], { indicators, observations: [], classes }),
      ),
    ).toEqual(['B']);
  });

  it('needs the classes in the context', () => {
    expect(() => evaluateWarnings([rule], { indicators, observations: [] })).toThrow(
      'warning rule "c": no classes for "mss_status" in the context',
    );
  });
});

describe('evaluateWarnings: combining rules', () => {
  it('lists every reason per area and rejects duplicate rule ids', () => {
    const result = evaluateWarnings(
      [
        { kind: 'threshold', id: 't', indicatorId: 'sgb2_share', threshold: 15 },
        { kind: 'deviation', id: 'd', indicatorId: 'sgb2_share', k: 1.5 },
      ],
      { indicators, observations: crossSection },
    );
    expect(result.flagged.map((f) => [f.areaKey, f.reasons.map((r) => r.ruleId)])).toEqual([
      ['D', ['t']],
      ['E', ['t', 'd']],
    ]);
    expect(() =>
      evaluateWarnings(
        [
          { kind: 'threshold', id: 'x', indicatorId: 'sgb2_share', threshold: 1 },
          { kind: 'deviation', id: 'x', indicatorId: 'sgb2_share', k: 1 },
        ],
        { indicators, observations: crossSection },
      ),
    ).toThrow('warning rule id "x" is used twice');
  });
});
