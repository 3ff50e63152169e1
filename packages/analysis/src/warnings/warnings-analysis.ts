import {
  DomainError,
  evaluateWarnings,
  isDomainError,
  intervalKey,
  type ClassAssignment,
  type IndicatorDefinition,
  type Observation,
  type WarningContext,
  type WarningEvaluation,
  type WarningNote,
  type WarningReason,
  type WarningRule,
  appendAll,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { areasAt, checkPeriod, requireIndicator, requireLevel, usable } from '../store-reads.ts';
import { areaInterval, multiplierOf } from '../compare/interval-method.ts';
import type { WarningRuleSpec } from './warning-rule-file.ts';

export interface WarningsQuery {
  /** Ids of configured rules, or rules of their own; default: every configured rule. */
  rules?: readonly (string | WarningRuleSpec)[];
  /** Evaluate as of this period; default: each indicator's latest period. */
  period?: string;
}

export interface WarningsAnalysis {
  period: string | null;
  rules: {
    id: string;
    label: string | null;
    kind: WarningRule['kind'];
    level: string;
    watches: string;
    flagged: number;
    /** Why the rule was not evaluated (its level, indicator or classes are missing); null when it was. */
    skipped: string | null;
  }[];
  flagged: {
    level: string;
    key: string;
    name: string | null;
    reasons: (WarningReason & { label: string | null })[];
  }[];
  notes: WarningNote[];
}

export interface WarningsDeps {
  store: Store;
  configured: readonly WarningRuleSpec[];
  /** Class assignments of an index preset on a level, over every period it can be computed for. */
  indexClasses: (presetId: string, levelId: string) => Promise<ClassAssignment[]>;
}

/** Early warning: evaluates each rule on its level and lists the flagged areas with every reason. */
export async function warningsAnalysis(deps: WarningsDeps, query: WarningsQuery): Promise<WarningsAnalysis> {
  const period = query.period === undefined ? undefined : checkPeriod(query.period);
  const specs = selectRules(deps.configured, query.rules);
  const flagged = new Map<string, WarningsAnalysis['flagged'][number]>();
  const notes: WarningNote[] = [];
  const rules: WarningsAnalysis['rules'] = [];
  for (const spec of specs) {
    const outcome = await evaluateRule(deps, spec, period);
    const base = {
      id: spec.id,
      label: spec.label,
      kind: spec.rule.kind,
      level: spec.level,
      watches: watched(spec.rule),
    };
    if ('skipped' in outcome) {
      rules.push({ ...base, flagged: 0, skipped: outcome.skipped });
      notes.push({ ruleId: spec.id, count: 0, message: `rule not evaluated: ${outcome.skipped}` });
      continue;
    }
    appendAll(notes, outcome.notes);
    rules.push({ ...base, flagged: outcome.flagged.length, skipped: null });
    for (const area of outcome.flagged) {
      const key = `${area.levelId}\u0000${area.areaKey}`;
      const entry = flagged.get(key) ?? { level: area.levelId, key: area.areaKey, name: null, reasons: [] };
      appendAll(
        entry.reasons,
        area.reasons.map((r) => ({ ...r, label: spec.label })),
      );
      flagged.set(key, entry);
    }
  }
  return {
    period: period ?? null,
    rules,
    flagged: await withNames(deps.store, [...flagged.values()]),
    notes,
  };
}

/**
 * One rule's evaluation. A rule whose level, indicator or classes are not in the data is skipped with
 * the reason, so one rule about data not loaded yet does not hide what the others found.
 */
async function evaluateRule(
  deps: WarningsDeps,
  spec: WarningRuleSpec,
  period: string | undefined,
): Promise<WarningEvaluation | { skipped: string }> {
  try {
    await requireLevel(deps.store, spec.level);
    const { rule, context } = await contextFor(deps, spec, period);
    return evaluateWarnings([rule], context);
  } catch (error) {
    if (isDomainError(error)) return { skipped: error.message };
    throw error;
  }
}

function selectRules(
  configured: readonly WarningRuleSpec[],
  wanted: WarningsQuery['rules'],
): WarningRuleSpec[] {
  if (!wanted) return [...configured];
  return wanted.map((w) => {
    if (typeof w !== 'string') return w;
    const found = configured.find((r) => r.id === w);
    if (!found)
      throw new DomainError(
        'ValidationFailed',
        `No warning rule "${w}". Configured rules: ${configured.map((r) => r.id).join(', ') || 'none'}.`,
        { rule: w },
      );
    return found;
  });
}

async function contextFor(
  deps: WarningsDeps,
  spec: WarningRuleSpec,
  period: string | undefined,
): Promise<{ rule: WarningRule; context: WarningContext }> {
  const { store } = deps;
  const rule = spec.rule;
  if (rule.kind === 'class_drop') {
    const assignments =
      spec.classes && 'index' in spec.classes
        ? await deps.indexClasses(spec.classes.index, spec.level)
        : await indicatorClasses(store, rule.classificationId, spec.level);
    const order = rule.order.length > 0 ? rule.order : numericOrder(assignments);
    return {
      rule: { ...rule, order },
      context: {
        indicators: [],
        observations: [],
        classes: new Map([[rule.classificationId, assignments]]),
        period,
      },
    };
  }
  const indicator = await requireIndicator(store, rule.indicatorId);
  if (rule.kind !== 'worsening_trend') {
    const latest = period ?? (await store.listPeriods(indicator.id, spec.level)).at(-1);
    const observations =
      latest === undefined
        ? []
        : await store.getValues({ indicatorId: indicator.id, levelId: spec.level, period: latest });
    return { rule, context: { indicators: [indicator], observations, period: latest } };
  }
  const [own, numerators, denominators] = await Promise.all(
    [indicator.id, indicator.numeratorId, indicator.denominatorId].map((id) =>
      id === null ? Promise.resolve([]) : store.getValues({ indicatorId: id, levelId: spec.level }),
    ),
  );
  return {
    rule,
    context: {
      indicators: [indicator],
      observations: [...own!, ...numerators!, ...denominators!],
      period,
      intervals: poissonIntervals(indicator, own!, numerators!, denominators!),
    },
  };
}

async function indicatorClasses(
  store: Store,
  indicatorId: string,
  levelId: string,
): Promise<ClassAssignment[]> {
  await requireIndicator(store, indicatorId);
  const values = await store.getValues({ indicatorId, levelId });
  return values.flatMap((obs) => {
    const value = usable(obs);
    return value === null ? [] : [{ areaKey: obs.areaKey, period: obs.period, classLabel: String(value) }];
  });
}

function numericOrder(assignments: readonly ClassAssignment[]): string[] {
  return [...new Set(assignments.map((a) => a.classLabel))].sort(
    (a, b) => Number(a) - Number(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
}

/**
 * 95 % Poisson limits for `interval` trend rules, from the counts each value carries or the values of
 * the indicator's numerator and denominator indicators for the same area and period.
 */
function poissonIntervals(
  indicator: IndicatorDefinition,
  own: readonly Observation[],
  numerators: readonly Observation[],
  denominators: readonly Observation[],
): Map<string, { lower: number; upper: number }> {
  const cell = (o: Observation) => `${o.areaKey}\u0000${o.period}`;
  const num = new Map(numerators.map((o) => [cell(o), usable(o)]));
  const den = new Map(denominators.map((o) => [cell(o), usable(o)]));
  const options = { confidence: 0.95, multiplier: multiplierOf(indicator) };
  const intervals = new Map<string, { lower: number; upper: number }>();
  for (const obs of own) {
    const counts =
      obs.numerator !== null && obs.denominator !== null
        ? obs
        : { numerator: num.get(cell(obs)) ?? null, denominator: den.get(cell(obs)) ?? null };
    const i = areaInterval('poisson', usable(obs), counts, options);
    if (i.lower !== null && i.upper !== null)
      intervals.set(intervalKey(obs.indicatorId, obs.levelId, obs.areaKey, obs.period), {
        lower: i.lower,
        upper: i.upper,
      });
  }
  return intervals;
}

function watched(rule: WarningRule): string {
  return rule.kind === 'class_drop' ? rule.classificationId : rule.indicatorId;
}

async function withNames(
  store: Store,
  flagged: WarningsAnalysis['flagged'],
): Promise<WarningsAnalysis['flagged']> {
  const levels = [...new Set(flagged.map((f) => f.level))];
  const names = new Map(await Promise.all(levels.map(async (l) => [l, await areasAt(store, l)] as const)));
  return flagged
    .map((f) => ({ ...f, name: names.get(f.level)?.get(f.key)?.name ?? null }))
    .sort((a, b) =>
      a.level < b.level ? -1 : a.level > b.level ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
}
