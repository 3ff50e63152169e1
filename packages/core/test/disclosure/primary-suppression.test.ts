import { describe, expect, it } from 'vitest';
import {
  protectIndicator,
  validateDisclosureRule,
  type DisclosureInput,
} from '../../src/disclosure/index.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { label, obs } from './fixtures.ts';

const sum = { id: 'cases', aggregation: 'sum' } as const;
const run = (observations: Observation[], rule: object, extra: Partial<DisclosureInput> = {}) =>
  protectIndicator({
    indicator: sum,
    rule: validateDisclosureRule(rule),
    observations,
    hierarchies: [],
    ...extra,
  });
const values = (list: Observation[]) => Object.fromEntries(list.map((o) => [o.areaKey, o.value]));

describe('primary suppression', () => {
  it('suppresses counts 1 … minCount−1 and publishes 0 and minCount', () => {
    const input = [0, 1, 2, 3, 4].map((v) => obs('gemeinde', `g${v}`, v));
    const { observations, suppressions, report } = run(input, { minCount: 3 });
    expect(values(observations)).toEqual({ g0: 0, g1: null, g2: null, g3: 3, g4: 4 });
    expect(suppressions).toEqual([
      { levelId: 'gemeinde', areaKey: 'g1', kind: 'primary', reason: 'min_count', table: 'value' },
      { levelId: 'gemeinde', areaKey: 'g2', kind: 'primary', reason: 'min_count', table: 'value' },
    ]);
    expect(report).toMatchObject({ cells: 5, published: 3, suppressed: 2, missing: 0, rounds: 1 });
    expect(report.byReason.min_count).toBe(2);
  });

  it('shows a suppressed value as suppressed, never as 0 or blank, and drops its numbers', () => {
    const input = [obs('gemeinde', 'a', 2, { numerator: 2, denominator: 40, status: 'provisional' })];
    expect(run(input, { minCount: 3 }).observations).toEqual([
      {
        ...input[0],
        value: null,
        numerator: null,
        denominator: null,
        status: 'suppressed',
        missingReason: 'suppressed',
      },
    ]);
  });

  it('suppresses zeros as well when the rule says so', () => {
    const { observations } = run([obs('g', 'a', 0), obs('g', 'b', 5)], { minCount: 3, publishZeros: false });
    expect(values(observations)).toEqual({ a: null, b: 5 });
  });

  it('reads "-" (nothing) as a zero: published by default, suppressed when zeros are', () => {
    const nothing = obs('g', 'a', null, { status: 'missing', missingReason: 'nothing' });
    expect(run([nothing], { minCount: 3 }).observations[0]).toEqual(nothing);
    expect(run([nothing], { minCount: 3, publishZeros: false }).observations[0]!.status).toBe('suppressed');
  });

  it('suppresses every value of an area below the population threshold, or without population', () => {
    const population = [obs('g', 'small', 80), obs('g', 'large', 5000)].map((o) => ({
      ...o,
      indicatorId: 'population',
    }));
    const input = [obs('g', 'small', 40), obs('g', 'large', 40), obs('g', 'unknown', 40)];
    const rule = { minCount: 3, minPopulation: { indicatorId: 'population', threshold: 100 } };
    const { suppressions, report } = run(input, rule, { population });
    expect(suppressions.map((s) => [s.areaKey, s.reason])).toEqual([
      ['small', 'min_population'],
      ['unknown', 'population_unknown'],
    ]);
    expect(report.byReason).toMatchObject({ min_population: 1, population_unknown: 1 });
  });

  it('keeps what the source already withheld confidential, as the source said it', () => {
    const secret = obs('g', 'a', null, { status: 'missing', missingReason: 'secret' });
    const suppressed = obs('g', 'b', 7, { status: 'suppressed', missingReason: 'suppressed' });
    const later = obs('g', 'c', null, { status: 'missing', missingReason: 'later' });
    const { observations, suppressions, report } = run([secret, suppressed, later], { minCount: 3 });
    expect(observations).toEqual([secret, { ...suppressed, value: null }, later]);
    expect(suppressions.map((s) => [s.areaKey, s.reason])).toEqual([
      ['a', 'suppressed_at_source'],
      ['b', 'suppressed_at_source'],
    ]);
    expect(report).toMatchObject({ published: 0, suppressed: 2, missing: 1 });
  });

  it('applies only the population rule and the case count to means and indices', () => {
    const population = [obs('g', 'a', 50), obs('g', 'b', 500), obs('g', 'c', 500)].map((o) => ({
      ...o,
      indicatorId: 'population',
    }));
    const input = [obs('g', 'a', 41.5), obs('g', 'b', 2.5), obs('g', 'c', 38, { denominator: 2 })];
    const result = protectIndicator({
      indicator: { id: 'cases', aggregation: 'none' },
      rule: validateDisclosureRule({
        minCount: 3,
        minPopulation: { indicatorId: 'population', threshold: 100 },
      }),
      observations: input,
      hierarchies: [],
      population,
    });
    expect(values(result.observations)).toEqual({ a: null, b: 2.5, c: null });
    expect(result.suppressions.map((s) => [s.areaKey, s.reason, s.table])).toEqual([
      ['a', 'min_population', 'value'],
      ['c', 'min_count', 'denominator'],
    ]);
  });

  it('warns that secondary suppression does not apply to an indicator that does not add up', () => {
    const result = protectIndicator({
      indicator: { id: 'cases', aggregation: 'weighted_mean' },
      rule: validateDisclosureRule({ minCount: 3 }),
      observations: [obs('g', 'a', 41.5, { denominator: 2 }), obs('k', 'K', 40, { denominator: 90 })],
      hierarchies: [{ id: 'g-k', levels: ['g', 'k'], parentOf: [new Map([['a', 'K']])], complete: true }],
    });
    expect(result.report.warnings.map((w) => w.code)).toEqual(['not_additive']);
    expect(result.report.secondary).toEqual([]);
  });

  it('rejects input it cannot protect, with a message that names the problem', () => {
    const rule = { minCount: 3 };
    expect(() => run([obs('g', 'a', 1), { ...obs('g', 'b', 1), indicatorId: 'other' }], rule)).toThrow(
      'disclosure control of "cases": observation of indicator "other" given; pass one indicator at a time',
    );
    expect(() => run([obs('g', 'a', 1), { ...obs('g', 'b', 1), period: '2021' }], rule)).toThrow(
      'observations of 2 periods given',
    );
    expect(() => run([obs('g', 'a', 1), obs('g', 'a', 2)], rule)).toThrow('area a on level g is given twice');
    expect(() => run([obs('g', 'a', 1)], { minPopulation: { indicatorId: 'ew', threshold: 10 } })).toThrow(
      'the rule needs the population ("ew") of the same period; none given',
    );
    expect(() =>
      run(
        [obs('g', 'a', 1)],
        { minPopulation: { indicatorId: 'ew', threshold: 10 } },
        { population: [obs('g', 'a', 1)] },
      ),
    ).toThrow('population observations must be of "ew", got "cases"');
    expect(() =>
      run([obs('g', 'a', 1)], rule, {
        hierarchies: [{ id: 'h', levels: ['g', 'k'], parentOf: [], complete: true }],
      }),
    ).toThrow('invalid disclosure hierarchy: hierarchy "h" has 2 levels and so needs 1 parent maps, got 0');
  });

  it('returns the observations in input order, with labels for every suppression', () => {
    const input = [obs('k', 'K', 9), obs('g', 'b', 1), obs('g', 'a', 8)];
    const { observations, suppressions } = run(input, { minCount: 3 });
    expect(observations.map(label)).toEqual(['k K', 'g b', 'g a']);
    expect(suppressions.map(label)).toEqual(['g b']);
  });
});
