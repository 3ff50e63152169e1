import type { Polarity } from '../domain/indicator.ts';
import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import type { WarningContext, WarningRule } from './warning-types.ts';

export function polarityOf(rule: WarningRule, indicatorId: string, ctx: WarningContext): Polarity {
  const def = ctx.indicators.find((d) => d.id === indicatorId);
  if (!def)
    throw new DomainError(
      'ValidationFailed',
      `warning rule "${rule.id}" refers to unknown indicator "${indicatorId}"`,
      {
        ruleId: rule.id,
        indicatorId,
      },
    );
  return def.polarity;
}

export function neutralNeedsDirection(rule: WarningRule, indicatorId: string): DomainError {
  return new DomainError(
    'ValidationFailed',
    `warning rule "${rule.id}": indicator "${indicatorId}" is neutral, so the rule must say which direction to flag`,
    { ruleId: rule.id, indicatorId },
  );
}

/**
 * The observations a cross-sectional rule looks at, grouped per level: those of `ctx.period`, or of
 * the latest period the indicator has on that level.
 */
export function currentObservations(indicatorId: string, ctx: WarningContext): Map<string, Observation[]> {
  const byLevel = new Map<string, Observation[]>();
  for (const obs of ctx.observations) {
    if (obs.indicatorId !== indicatorId) continue;
    const list = byLevel.get(obs.levelId);
    if (list) list.push(obs);
    else byLevel.set(obs.levelId, [obs]);
  }
  for (const [levelId, list] of byLevel) {
    const period = ctx.period ?? list.reduce((p, o) => (o.period > p ? o.period : p), '');
    byLevel.set(
      levelId,
      list.filter((o) => o.period === period),
    );
  }
  return byLevel;
}

/** A usable number, or null for missing and suppressed observations. */
export function usableValue(obs: Observation): number | null {
  if (obs.status === 'missing' || obs.status === 'suppressed') return null;
  return obs.value !== null && Number.isFinite(obs.value) ? obs.value : null;
}

export function format(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
