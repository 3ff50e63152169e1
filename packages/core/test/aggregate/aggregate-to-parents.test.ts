import { describe, expect, it } from 'vitest';
import { aggregateToParents, type AggregateInput } from '../../src/aggregate/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { indicator, obs } from './fixtures.ts';

const parentOf = new Map([
  ['A1', 'A'],
  ['A2', 'A'],
  ['B1', 'B'],
]);
const run = (
  indicators: AggregateInput['indicators'],
  observations: Observation[],
  options: AggregateInput['options'] = {},
) =>
  aggregateToParents(
    { indicators, observations, fromLevelId: 'gemeinde', toLevelId: 'kreis', options },
    parentOf,
  );
const find = (list: Observation[], key: string, id?: string) =>
  list.find((o) => o.areaKey === key && (id === undefined || o.indicatorId === id));

describe('aggregateToParents: counts (sum)', () => {
  it('adds the children up', () => {
    const { observations, warnings } = run(
      [indicator('pop')],
      [obs('pop', 'A1', 100), obs('pop', 'A2', 50), obs('pop', 'B1', 7)],
    );
    expect(observations).toEqual([
      {
        indicatorId: 'pop',
        levelId: 'kreis',
        areaKey: 'A',
        period: '2020',
        value: 150,
        numerator: null,
        denominator: null,
        status: 'final',
        missingReason: null,
      },
      {
        indicatorId: 'pop',
        levelId: 'kreis',
        areaKey: 'B',
        period: '2020',
        value: 7,
        numerator: null,
        denominator: null,
        status: 'final',
        missingReason: null,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('makes the parent missing with the child reason, and names the child', () => {
    const { observations, warnings } = run(
      [indicator('pop')],
      [obs('pop', 'A1', 100), obs('pop', 'A2', 'secret')],
    );
    expect(find(observations, 'A')).toMatchObject({
      value: null,
      status: 'missing',
      missingReason: 'secret',
    });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'missing_children',
        parentKey: 'A',
        period: '2020',
        count: 1,
        children: ['A2 (secret)'],
      }),
    ]);
  });

  it("treats the official '-' (nothing) as an exact 0 contribution; switched off, it makes the parent missing", () => {
    const data = [obs('pop', 'A1', 100), obs('pop', 'A2', 'nothing')];
    expect(find(run([indicator('pop')], data).observations, 'A')).toMatchObject({
      value: 100,
      status: 'final',
    });
    expect(find(run([indicator('pop')], data, { nothingAsZero: false }).observations, 'A')).toMatchObject({
      value: null,
      missingReason: 'nothing',
    });
  });

  it('treats a child without any observation as a coverage gap: missing by default, estimated when flagged', () => {
    const data = [obs('pop', 'A1', 100), obs('pop', 'B1', 7)];
    const strict = run([indicator('pop')], data);
    expect(find(strict.observations, 'A')).toMatchObject({ value: null, missingReason: 'not_reported' });
    expect(strict.warnings).toEqual([
      expect.objectContaining({ code: 'incomplete_coverage', parentKey: 'A', children: ['A2'], count: 1 }),
    ]);
    const flagged = run([indicator('pop')], data, { partialCoverage: 'flag' });
    expect(find(flagged.observations, 'A')).toMatchObject({ value: 100, status: 'estimated' });
    expect(find(flagged.observations, 'B')).toMatchObject({ value: 7, status: 'final' });
    expect(flagged.warnings[0]).toMatchObject({ code: 'incomplete_coverage', children: ['A2'] });
  });

  it('emits no parent where no child has data, and reports children without a parent', () => {
    const { observations, warnings } = run([indicator('pop')], [obs('pop', 'B1', 7), obs('pop', 'Z9', 1)]);
    expect(observations.map((o) => o.areaKey)).toEqual(['B']);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'unmapped_children', children: ['Z9'], count: 1 }),
    ]);
  });

  it('keeps the weakest status and ignores other levels', () => {
    const { observations } = run(
      [indicator('pop')],
      [
        obs('pop', 'A1', 1, { status: 'provisional' }),
        obs('pop', 'A2', 2),
        obs('pop', 'A1', 99, { levelId: 'land' }),
      ],
    );
    expect(find(observations, 'A')).toMatchObject({ value: 3, status: 'provisional' });
  });
});

describe('aggregateToParents: shares and rates (ratio)', () => {
  const share = indicator('sgb2_share', {
    aggregation: 'ratio',
    ratePer: 100,
    numeratorId: 'sgb2',
    denominatorId: 'pop',
  });

  it('re-derives the share from aggregated counts instead of averaging', () => {
    // A1: 10 of 100 (10 %), A2: 90 of 300 (30 %). Mean of shares: 20 %; true share: 100 / 400 = 25 %.
    const data = [obs('sgb2', 'A1', 10), obs('pop', 'A1', 100), obs('sgb2', 'A2', 90), obs('pop', 'A2', 300)];
    expect(find(run([share], data).observations, 'A')).toMatchObject({
      indicatorId: 'sgb2_share',
      value: 25,
      numerator: 100,
      denominator: 400,
      status: 'final',
    });
  });

  it('uses the counts carried on the ratio observations when no count indicators are named', () => {
    const own = indicator('quote', { aggregation: 'ratio', ratePer: 1000 });
    const data = [
      obs('quote', 'A1', 100, { numerator: 1, denominator: 10 }),
      obs('quote', 'A2', 10, { numerator: 1, denominator: 100 }),
    ];
    expect(find(run([own], data).observations, 'A')).toMatchObject({
      value: (1000 * 2) / 110,
      numerator: 2,
      denominator: 110,
    });
  });

  it('never averages a ratio that has no counts, and says so', () => {
    const own = indicator('quote', { aggregation: 'ratio', ratePer: 100 });
    const result = run([own], [obs('quote', 'A1', 10), obs('quote', 'A2', 30)]);
    expect(result.observations).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'ratio_inputs_unknown', indicatorId: 'quote', count: 2 }),
    ]);
  });

  it('takes numerator and denominator from the same children when partial coverage is flagged', () => {
    // A2 has a population but no SGB II count: the flagged share uses A1 only, not 10 / 400.
    const data = [obs('sgb2', 'A1', 10), obs('pop', 'A1', 100), obs('pop', 'A2', 300)];
    expect(find(run([share], data).observations, 'A')).toMatchObject({
      value: null,
      missingReason: 'not_reported',
    });
    const flagged = run([share], data, { partialCoverage: 'flag' });
    expect(find(flagged.observations, 'A')).toMatchObject({
      value: 10,
      numerator: 10,
      denominator: 100,
      status: 'estimated',
    });
    expect(flagged.warnings).toEqual([
      expect.objectContaining({ code: 'incomplete_coverage', children: ['A2'] }),
    ]);
  });

  it('gives not_meaningful for a zero denominator and carries missing counts', () => {
    const zero = run([share], [obs('sgb2', 'B1', 0), obs('pop', 'B1', 0)]);
    expect(find(zero.observations, 'B')).toMatchObject({
      value: null,
      missingReason: 'not_meaningful',
      denominator: 0,
    });
    const secret = run([share], [obs('sgb2', 'B1', 'secret'), obs('pop', 'B1', 10)]);
    expect(find(secret.observations, 'B')).toMatchObject({ value: null, missingReason: 'secret' });
  });
});

describe('aggregateToParents: weighted means and non-aggregatable indicators', () => {
  it('weights means by the weight indicator and marks them estimated', () => {
    const age = indicator('mean_age', { aggregation: 'weighted_mean', weightId: 'pop' });
    const data = [
      obs('mean_age', 'A1', 10),
      obs('pop', 'A1', 100),
      obs('mean_age', 'A2', 20),
      obs('pop', 'A2', 300),
    ];
    expect(find(run([age], data).observations, 'A')).toMatchObject({ value: 17.5, status: 'estimated' });
  });

  it('leaves out children with zero weight, whatever their value', () => {
    const age = indicator('mean_age', { aggregation: 'weighted_mean', weightId: 'pop' });
    const data = [
      obs('mean_age', 'A1', 10),
      obs('pop', 'A1', 100),
      obs('mean_age', 'A2', 'not_meaningful'),
      obs('pop', 'A2', 'nothing'),
    ];
    expect(find(run([age], data).observations, 'A')).toMatchObject({ value: 10, status: 'estimated' });
  });

  it("does not aggregate 'none' indicators, except a parent made of exactly one whole child", () => {
    const median = indicator('median_income', { aggregation: 'none' });
    const result = run(
      [median],
      [
        obs('median_income', 'A1', 30000),
        obs('median_income', 'A2', 20000),
        obs('median_income', 'B1', 25000),
      ],
    );
    expect(result.observations).toEqual([
      expect.objectContaining({ areaKey: 'B', levelId: 'kreis', value: 25000 }),
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'not_aggregatable', indicatorId: 'median_income', count: 1 }),
    ]);
  });
});
