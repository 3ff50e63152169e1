import { appendAll } from '../util/append-all.ts';
import { DomainError } from '../domain/errors.ts';
import { evaluateClassDrop } from './class-drop-rule.ts';
import { evaluateDeviation } from './deviation-rule.ts';
import { evaluateThreshold } from './threshold-rule.ts';
import { evaluateTrend } from './trend-rule.ts';
import type {
  FlaggedArea,
  RuleOutcome,
  WarningContext,
  WarningEvaluation,
  WarningNote,
  WarningRule,
} from './warning-types.ts';

/**
 * Early warning (Frühwarnfunktion): applies every rule to the context and lists the flagged areas,
 * each with all its reasons (rule, indicator, period, values). Pure; what a rule cannot judge is
 * counted in `notes` instead of silently passing.
 */
export function evaluateWarnings(rules: readonly WarningRule[], context: WarningContext): WarningEvaluation {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id))
      throw new DomainError('ValidationFailed', `warning rule id "${rule.id}" is used twice`, {
        ruleId: rule.id,
      });
    ids.add(rule.id);
  }
  const flagged = new Map<string, FlaggedArea>();
  const notes: WarningNote[] = [];
  for (const rule of rules) {
    const outcome = evaluateRule(rule, context);
    appendAll(notes, outcome.notes);
    for (const hit of outcome.hits) {
      const key = `${hit.levelId}\u0000${hit.areaKey}`;
      const area = flagged.get(key) ?? { levelId: hit.levelId, areaKey: hit.areaKey, reasons: [] };
      area.reasons.push(hit.reason);
      flagged.set(key, area);
    }
  }
  return { flagged: [...flagged.values()], notes };
}

function evaluateRule(rule: WarningRule, ctx: WarningContext): RuleOutcome {
  switch (rule.kind) {
    case 'threshold':
      return evaluateThreshold(rule, ctx);
    case 'deviation':
      return evaluateDeviation(rule, ctx);
    case 'worsening_trend':
      return evaluateTrend(rule, ctx);
    case 'class_drop':
      return evaluateClassDrop(rule, ctx);
  }
}
