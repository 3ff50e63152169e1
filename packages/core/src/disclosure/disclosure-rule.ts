import { DomainError } from '../domain/errors.ts';

/**
 * The disclosure rule of one indicator (statistische Geheimhaltung), declared as data so that the
 * catalogue, the API and the docs share it. Every output that leaves a protected role applies it.
 */
export interface DisclosureRule {
  /** Counts 1 … minCount-1 are suppressed ("Fallzahlen < 3" is minCount 3); null: no count rule. */
  minCount: number | null;
  /** Whether a 0 is published (default true); false suppresses zeros like small counts. */
  publishZeros: boolean;
  /**
   * Areas whose population (the indicator named here, same period) is below the threshold: every
   * value of the protected indicator is suppressed there. An area without a population value is
   * suppressed too, because the rule cannot be checked.
   */
  minPopulation: { indicatorId: string; threshold: number } | null;
  /**
   * Small areas are published as multi-year totals of this many consecutive periods (see
   * `poolPeriods`); the caller pools before it protects. null: single periods.
   */
  poolPeriods: number | null;
}

export type DisclosureRuleInput = Partial<DisclosureRule>;

const RULE_KEYS: readonly (keyof DisclosureRule)[] = [
  'minCount',
  'publishZeros',
  'minPopulation',
  'poolPeriods',
];

/**
 * Checks a rule as declared in a catalogue or a request and fills the defaults. Every problem is
 * listed at once in the error details (`problems`), each naming the field and the bad value.
 */
export function validateDisclosureRule(input: unknown): DisclosureRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new DomainError(
      'ValidationFailed',
      `invalid disclosure rule: expected an object, got ${describe(input)}`,
    );
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!(RULE_KEYS as readonly string[]).includes(key))
      problems.push(`unknown field "${key}" (known: ${RULE_KEYS.join(', ')})`);
  const rule: DisclosureRule = {
    minCount: integerAtLeast(raw.minCount, 'minCount', 2, problems),
    publishZeros: booleanOr(raw.publishZeros, 'publishZeros', true, problems),
    minPopulation: minPopulationOf(raw.minPopulation, problems),
    poolPeriods: integerAtLeast(raw.poolPeriods, 'poolPeriods', 2, problems),
  };
  if (rule.minCount === null && rule.minPopulation === null && problems.length === 0)
    problems.push('the rule protects nothing: set minCount, minPopulation or both');
  if (problems.length > 0)
    throw new DomainError('ValidationFailed', `invalid disclosure rule: ${problems.join('; ')}`, {
      problems,
    });
  return rule;
}

function integerAtLeast(value: unknown, field: string, min: number, problems: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  problems.push(`${field} must be a whole number >= ${min} or null, got ${describe(value)}`);
  return null;
}

function booleanOr(value: unknown, field: string, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  problems.push(`${field} must be true or false, got ${describe(value)}`);
  return fallback;
}

function minPopulationOf(value: unknown, problems: string[]): DisclosureRule['minPopulation'] {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`minPopulation must be { indicatorId, threshold } or null, got ${describe(value)}`);
    return null;
  }
  const { indicatorId, threshold, ...rest } = value as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(rest)) problems.push(`unknown field "minPopulation.${key}"`);
  if (typeof indicatorId !== 'string' || indicatorId.trim() === '')
    problems.push(
      `minPopulation.indicatorId must name the population indicator, got ${describe(indicatorId)}`,
    );
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0)
    problems.push(`minPopulation.threshold must be a number > 0, got ${describe(threshold)}`);
  return problems.length === before
    ? { indicatorId: indicatorId as string, threshold: threshold as number }
    : null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
