import { DomainError } from '../domain/errors.ts';
import { classTransitions } from '../trends/class-transitions.ts';
import type { ClassDropRule, RuleOutcome, WarningContext } from './warning-types.ts';

/** Flags areas that moved at least `minSteps` classes towards the worse end between two periods. */
export function evaluateClassDrop(rule: ClassDropRule, ctx: WarningContext): RuleOutcome {
  const assignments = ctx.classes?.get(rule.classificationId);
  if (!assignments)
    throw new DomainError(
      'ValidationFailed',
      `warning rule "${rule.id}": no classes for "${rule.classificationId}" in the context`,
      {
        ruleId: rule.id,
        classificationId: rule.classificationId,
      },
    );
  const periods = [...new Set(assignments.map((a) => a.period))]
    .filter((p) => ctx.period === undefined || p <= ctx.period)
    .sort();
  const toPeriod = rule.toPeriod ?? periods.at(-1);
  const fromPeriod = rule.fromPeriod ?? periods.at(-2);
  if (fromPeriod === undefined || toPeriod === undefined)
    return {
      hits: [],
      notes: [
        {
          ruleId: rule.id,
          count: periods.length,
          message: `${rule.classificationId}: fewer than two periods with classes`,
        },
      ],
    };

  const transitions = classTransitions(assignments, fromPeriod, toPeriod, rule.order);
  const sign = rule.worseWhen === 'higher' ? 1 : -1;
  const minSteps = rule.minSteps ?? 1;
  const outcome: RuleOutcome = { hits: [], notes: [] };
  for (const area of transitions.areas) {
    const steps = sign * (rule.order.indexOf(area.to) - rule.order.indexOf(area.from));
    if (steps < minSteps) continue;
    outcome.hits.push({
      levelId: rule.levelId,
      areaKey: area.areaKey,
      reason: {
        ruleId: rule.id,
        kind: 'class_drop',
        indicatorId: rule.classificationId,
        period: toPeriod,
        value: null,
        message: `${rule.classificationId}: class ${area.from} (${fromPeriod}) → ${area.to} (${toPeriod}), ${steps} class(es) worse`,
        details: { fromPeriod, fromClass: area.from, toClass: area.to, steps },
      },
    });
  }
  const unmatched = transitions.onlyInFrom.length + transitions.onlyInTo.length;
  if (unmatched > 0)
    outcome.notes.push({
      ruleId: rule.id,
      count: unmatched,
      message: `${unmatched} area(s) classed in only one of ${fromPeriod} and ${toPeriod}`,
    });
  return outcome;
}
