import {
  currentObservations,
  format,
  neutralNeedsDirection,
  polarityOf,
  usableValue,
} from './rule-helpers.ts';
import type { RuleOutcome, ThresholdRule, WarningContext } from './warning-types.ts';

/**
 * Flags areas strictly beyond the threshold. Without an explicit direction the worse side follows
 * the polarity: above for higher_is_worse, below for higher_is_better.
 */
export function evaluateThreshold(rule: ThresholdRule, ctx: WarningContext): RuleOutcome {
  const direction = rule.direction ?? worseSide(rule, ctx);
  const outcome: RuleOutcome = { hits: [], notes: [] };
  let missing = 0;
  for (const [levelId, observations] of currentObservations(rule.indicatorId, ctx)) {
    for (const obs of observations) {
      const value = usableValue(obs);
      if (value === null) {
        missing++;
        continue;
      }
      if (direction === 'above' ? value <= rule.threshold : value >= rule.threshold) continue;
      outcome.hits.push({
        levelId,
        areaKey: obs.areaKey,
        reason: {
          ruleId: rule.id,
          kind: 'threshold',
          indicatorId: rule.indicatorId,
          period: obs.period,
          value,
          message: `${rule.indicatorId} ${obs.period}: ${format(value)} is ${direction} the threshold ${format(rule.threshold)}`,
          details: { threshold: rule.threshold, direction },
        },
      });
    }
  }
  if (missing > 0)
    outcome.notes.push({
      ruleId: rule.id,
      count: missing,
      message: `${missing} area(s) without a value for ${rule.indicatorId}`,
    });
  return outcome;
}

function worseSide(rule: ThresholdRule, ctx: WarningContext): 'above' | 'below' {
  const polarity = polarityOf(rule, rule.indicatorId, ctx);
  if (polarity === 'neutral') throw neutralNeedsDirection(rule, rule.indicatorId);
  return polarity === 'higher_is_worse' ? 'above' : 'below';
}
