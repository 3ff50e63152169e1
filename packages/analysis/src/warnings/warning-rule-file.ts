import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { DomainError, isDomainError, type WarningRule } from '@lagebild/core';

/**
 * An early-warning rule as configured: the pure rule of `@lagebild/core` plus the level it watches,
 * a label for people and, for class drops, where the classes come from (a class indicator such as
 * `mss_status_klasse`, or an index preset computed for every period).
 */
export interface WarningRuleSpec {
  id: string;
  label: string | null;
  level: string;
  rule: WarningRule;
  /** Only for class_drop. */
  classes: { indicator: string } | { index: string } | null;
}

const KINDS = ['threshold', 'deviation', 'worsening_trend', 'class_drop'] as const;
const COMMON = ['id', 'label', 'kind', 'level'];
const FIELDS: Record<(typeof KINDS)[number], string[]> = {
  threshold: ['indicator', 'threshold', 'direction'],
  deviation: ['indicator', 'k', 'reference'],
  worsening_trend: ['indicator', 'method', 'direction'],
  class_drop: ['classes', 'order', 'worseWhen', 'fromPeriod', 'toPeriod', 'minSteps'],
};

/** Reads the rules of YAML files (`rules: [...]`); errors name the file and the rule. */
export function loadWarningRules(files: readonly string[]): WarningRuleSpec[] {
  const rules = files.flatMap((file) => {
    if (!existsSync(file))
      throw new DomainError('ValidationFailed', `warning rule file ${file} does not exist`, { file });
    try {
      const raw = parseYaml(readFileSync(file, 'utf8')) as unknown;
      const list = raw !== null && typeof raw === 'object' && 'rules' in raw ? raw.rules : undefined;
      return parseWarningRules(list);
    } catch (error) {
      if (isDomainError(error)) throw new DomainError(error.code, `${file}: ${error.message}`, error.details);
      throw new DomainError('ValidationFailed', `${file}: ${(error as Error).message}`, { file });
    }
  });
  checkUnique(rules);
  return rules;
}

/** Reads a list of rule objects (parsed YAML or a request body). */
export function parseWarningRules(raw: unknown): WarningRuleSpec[] {
  if (!Array.isArray(raw)) throw invalid('rules', 'a list of rules', raw);
  const rules = raw.map((r, i) => parseRule(r, `rules[${i}]`));
  checkUnique(rules);
  return rules;
}

function parseRule(raw: unknown, path: string): WarningRuleSpec {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw invalid(path, 'a rule object', raw);
  const r = raw as Record<string, unknown>;
  const kind = r.kind as (typeof KINDS)[number];
  if (!KINDS.includes(kind)) throw invalid(`${path}.kind`, KINDS.join(' | '), r.kind);
  const unknown = Object.keys(r).filter((k) => !COMMON.includes(k) && !FIELDS[kind].includes(k));
  if (unknown.length > 0)
    throw invalid(`${path}.${unknown[0]}`, `one of ${[...COMMON, ...FIELDS[kind]].join(', ')}`, unknown[0]);
  const id = text(r.id, `${path}.id`);
  const base = {
    id,
    label: r.label === undefined ? null : text(r.label, `${path}.label`),
    level: text(r.level, `${path}.level`),
  };
  if (kind === 'class_drop') return { ...base, ...classDrop(r, id, base.level, path) };
  const indicatorId = text(r.indicator, `${path}.indicator`);
  return { ...base, classes: null, rule: indicatorRule(kind, r, id, indicatorId, path) };
}

function indicatorRule(
  kind: Exclude<(typeof KINDS)[number], 'class_drop'>,
  r: Record<string, unknown>,
  id: string,
  indicatorId: string,
  path: string,
): WarningRule {
  if (kind === 'threshold')
    return {
      kind,
      id,
      indicatorId,
      threshold: num(r.threshold, `${path}.threshold`),
      ...(r.direction === undefined
        ? {}
        : { direction: oneOf(r.direction, `${path}.direction`, ['above', 'below'] as const) }),
    };
  if (kind === 'deviation')
    return {
      kind,
      id,
      indicatorId,
      k: num(r.k, `${path}.k`),
      ...(r.reference === undefined ? {} : { reference: num(r.reference, `${path}.reference`) }),
    };
  return {
    kind,
    id,
    indicatorId,
    ...(r.method === undefined
      ? {}
      : { method: oneOf(r.method, `${path}.method`, ['proportion', 'interval'] as const) }),
    ...(r.direction === undefined
      ? {}
      : { direction: oneOf(r.direction, `${path}.direction`, ['increasing', 'decreasing'] as const) }),
  };
}

/**
 * A class drop. Without `order` the class labels found are ordered numerically; without `worseWhen`
 * a higher class is worse (MSS status classes, GISD quintiles).
 */
function classDrop(r: Record<string, unknown>, id: string, levelId: string, path: string) {
  const source = classSource(r.classes);
  if (!source)
    throw invalid(`${path}.classes`, '{ indicator: <class indicator> } or { index: <preset> }', r.classes);
  if (r.order !== undefined && !Array.isArray(r.order))
    throw invalid(`${path}.order`, 'a list of class labels', r.order);
  const rule: WarningRule = {
    kind: 'class_drop',
    id,
    classificationId: source.indicator ?? source.index!,
    levelId,
    order: ((r.order as unknown[] | undefined) ?? []).map(String),
    worseWhen:
      r.worseWhen === undefined
        ? 'higher'
        : oneOf(r.worseWhen, `${path}.worseWhen`, ['higher', 'lower'] as const),
    ...(r.fromPeriod === undefined ? {} : { fromPeriod: String(r.fromPeriod) }),
    ...(r.toPeriod === undefined ? {} : { toPeriod: String(r.toPeriod) }),
    ...(r.minSteps === undefined ? {} : { minSteps: num(r.minSteps, `${path}.minSteps`) }),
  };
  return { classes: source.indicator ? { indicator: source.indicator } : { index: source.index! }, rule };
}

function classSource(raw: unknown): { indicator?: string; index?: string } | null {
  if (raw === null || typeof raw !== 'object') return null;
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length !== 1) return null;
  const [key, value] = entries[0]!;
  if ((key !== 'indicator' && key !== 'index') || typeof value !== 'string') return null;
  return { [key]: value };
}

function checkUnique(rules: readonly WarningRuleSpec[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id))
      throw new DomainError('ValidationFailed', `warning rule id "${rule.id}" is used twice`, {
        ruleId: rule.id,
      });
    seen.add(rule.id);
  }
}

function text(value: unknown, path: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw invalid(path, 'a non-empty text', value);
}

function num(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalid(path, 'a number', value);
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw invalid(path, allowed.join(' | '), value);
}

function invalid(path: string, expected: string, found: unknown): DomainError {
  return new DomainError(
    'ValidationFailed',
    `${path}: expected ${expected}, found ${JSON.stringify(found) ?? 'nothing'}`,
    {
      path,
      expected,
      found: found ?? null,
    },
  );
}
