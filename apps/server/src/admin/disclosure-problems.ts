import { DomainError, isDomainError, validateDisclosureRule, type DisclosureRule } from '@lagebild/core';

const FIELDS = ['minCount', 'publishZeros', 'minPopulation', 'poolPeriods'] as const;

/**
 * Validates a disclosure rule like `validateDisclosureRule`, adding to the error details the problems
 * per field (`fields.minCount`, `fields['minPopulation.threshold']` …), so a form shows each one next
 * to its input; problems of the rule as a whole are under `fields.rule`.
 */
export function checkDisclosureRule(input: unknown): DisclosureRule {
  try {
    return validateDisclosureRule(input);
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'ValidationFailed') throw error;
    const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [error.message];
    throw new DomainError('ValidationFailed', error.message, { problems, fields: byField(problems) });
  }
}

function byField(problems: readonly string[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const problem of problems) {
    const field = fieldOf(problem);
    (fields[field] ??= []).push(problem);
  }
  return fields;
}

function fieldOf(problem: string): string {
  const named = /^(?:unknown field ")?([A-Za-z]+(?:\.[A-Za-z]+)?)/.exec(problem)?.[1] ?? '';
  const top = named.split('.')[0] as (typeof FIELDS)[number];
  return FIELDS.includes(top) ? named : 'rule';
}
