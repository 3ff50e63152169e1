import { describe, expect, it } from 'vitest';
import { validateDisclosureRule } from '../../src/disclosure/index.ts';
import { DomainError } from '../../src/domain/errors.ts';

function problems(input: unknown): string[] {
  try {
    validateDisclosureRule(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ValidationFailed');
    return (
      ((error as DomainError).details as { problems?: string[] })?.problems ?? [(error as Error).message]
    );
  }
  throw new Error('expected the rule to be rejected');
}

describe('validateDisclosureRule', () => {
  it('fills the defaults: zeros are published, no population rule, no pooling', () => {
    expect(validateDisclosureRule({ minCount: 3 })).toEqual({
      minCount: 3,
      publishZeros: true,
      minPopulation: null,
      poolPeriods: null,
    });
  });

  it('keeps a full rule as given', () => {
    const rule = {
      minCount: 5,
      publishZeros: false,
      minPopulation: { indicatorId: 'population_total', threshold: 250 },
      poolPeriods: 3,
    };
    expect(validateDisclosureRule(rule)).toEqual(rule);
  });

  it('accepts a population rule without a count rule', () => {
    expect(
      validateDisclosureRule({ minPopulation: { indicatorId: 'ew', threshold: 100 } }).minCount,
    ).toBeNull();
  });

  it('lists every problem at once, naming the field and the bad value', () => {
    expect(
      problems({
        minCount: 2.5,
        publishZeros: 'yes',
        minPopulation: { indicatorId: '', threshold: -1, extra: 1 },
        poolPeriods: 1,
        dominance: 0.8,
      }),
    ).toEqual([
      'unknown field "dominance" (known: minCount, publishZeros, minPopulation, poolPeriods)',
      'minCount must be a whole number >= 2 or null, got 2.5',
      'publishZeros must be true or false, got "yes"',
      'unknown field "minPopulation.extra"',
      'minPopulation.indicatorId must name the population indicator, got ""',
      'minPopulation.threshold must be a number > 0, got -1',
      'poolPeriods must be a whole number >= 2 or null, got 1',
    ]);
  });

  it('rejects a rule that protects nothing, and input that is not an object', () => {
    expect(problems({})).toEqual(['the rule protects nothing: set minCount, minPopulation or both']);
    expect(problems({ minCount: null, poolPeriods: 3 })).toEqual([
      'the rule protects nothing: set minCount, minPopulation or both',
    ]);
    expect(() => validateDisclosureRule([3])).toThrow('invalid disclosure rule: expected an object, got [3]');
    expect(() => validateDisclosureRule(null)).toThrow('expected an object, got null');
  });

  it('puts the problems into the message too', () => {
    expect(() => validateDisclosureRule({ minCount: 1 })).toThrow(
      'invalid disclosure rule: minCount must be a whole number >= 2 or null, got 1',
    );
  });
});
