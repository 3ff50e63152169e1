import type { Polarity } from '../domain/indicator.ts';
import { currentObservations, format, polarityOf, usableValue } from './rule-helpers.ts';
import type { DeviationRule, RuleOutcome, WarningContext } from './warning-types.ts';

/**
 * Flags areas more than k standard deviations from the reference (default: the mean over the
 * areas of the level). The SD is the population SD over the areas with a value, as social
 * monitoring z-scores use it (Berlin MSS). Only the worse side counts; both sides for neutral ones.
 */
export function evaluateDeviation(rule: DeviationRule, ctx: WarningContext): RuleOutcome {
  const polarity = polarityOf(rule, rule.indicatorId, ctx);
  const outcome: RuleOutcome = { hits: [], notes: [] };
  for (const [levelId, observations] of currentObservations(rule.indicatorId, ctx)) {
    const valued = observations.flatMap((obs) => {
      const value = usableValue(obs);
      return value === null ? [] : [{ obs, value }];
    });
    const values = valued.map((v) => v.value);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    if (values.length < 2 || !(sd > 0)) {
      outcome.notes.push({
        ruleId: rule.id,
        count: values.length,
        message: `${rule.indicatorId} on ${levelId}: fewer than 2 values or no spread across areas, no deviation to judge`,
      });
      continue;
    }
    const reference = rule.reference ?? mean;
    for (const { obs, value } of valued) {
      const z = (value - reference) / sd;
      if (!beyond(z, rule.k, polarity)) continue;
      outcome.hits.push({
        levelId,
        areaKey: obs.areaKey,
        reason: {
          ruleId: rule.id,
          kind: 'deviation',
          indicatorId: rule.indicatorId,
          period: obs.period,
          value,
          message: `${rule.indicatorId} ${obs.period}: ${format(value)} lies ${format(z)} SD from the reference ${format(reference)} (limit ${rule.k})`,
          details: { reference, sd, z, k: rule.k },
        },
      });
    }
    const missing = observations.length - valued.length;
    if (missing > 0)
      outcome.notes.push({
        ruleId: rule.id,
        count: missing,
        message: `${missing} area(s) without a value for ${rule.indicatorId} on ${levelId}`,
      });
  }
  return outcome;
}

function beyond(z: number, k: number, polarity: Polarity): boolean {
  if (polarity === 'higher_is_worse') return z > k;
  if (polarity === 'higher_is_better') return z < -k;
  return Math.abs(z) > k;
}
