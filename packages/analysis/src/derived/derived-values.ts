import {
  DomainError,
  parseFormula,
  recomputeDerivedByColumns,
  type DerivedDefinition,
  type IndicatorDefinition,
  type Observation,
  type StoredObservation,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { checkPeriod, requireIndicator, requireLevel } from '../store-reads.ts';

export interface DerivedQuery {
  level: string;
  /** One period; all periods the formula can be computed for without. */
  period?: string;
  /** One area (for a time series); all areas without. */
  area?: string;
}

export interface DerivedValues {
  indicator: IndicatorDefinition;
  level: string;
  /** The stored (non-derived) indicators the formula reads, directly or through other derived ones. */
  inputs: string[];
  /** By area key, then period; `batchId` is null: the values are computed, not imported. */
  values: StoredObservation[];
}

export interface DerivedPeriods {
  indicator: IndicatorDefinition;
  level: string;
  inputs: string[];
  /** Periods in which every input has observations on the level, ascending. */
  periods: string[];
}

/** What a derived indicator needs: the formulas of its dependency closure and the stored inputs. */
interface Closure {
  indicator: IndicatorDefinition;
  definitions: DerivedDefinition[];
  inputs: string[];
}

async function closureOf(store: Store, indicatorId: string): Promise<Closure> {
  const indicator = await requireIndicator(store, indicatorId);
  if (indicator.formula === null)
    throw new DomainError(
      'ValidationFailed',
      `indicator "${indicatorId}" is not derived (it has no formula)`,
      {
        indicatorId,
      },
    );
  const catalogue = new Map((await store.listIndicators()).map((i) => [i.id, i]));
  const definitions: DerivedDefinition[] = [];
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string, formula: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    definitions.push({ id, formula });
    for (const ref of parseFormula(formula).references) {
      const referenced = catalogue.get(ref);
      // An unknown reference (its indicator was undone) is left to the graph, which names it.
      if (referenced?.formula) visit(ref, referenced.formula);
      else if (referenced) inputs.add(ref);
    }
  };
  visit(indicator.id, indicator.formula);
  return { indicator, definitions, inputs: [...inputs].sort() };
}

/** Periods in which every stored input has observations on the level: where the formula applies. */
async function commonPeriods(store: Store, inputs: readonly string[], levelId: string): Promise<string[]> {
  if (inputs.length === 0) return [];
  const lists = await Promise.all(inputs.map((id) => store.listPeriods(id, levelId)));
  const [first, ...rest] = lists.map((list) => new Set(list));
  return [...first!].filter((p) => rest.every((set) => set.has(p))).sort(byCodePoint);
}

export async function derivedPeriods(
  store: Store,
  indicatorId: string,
  levelId: string,
): Promise<DerivedPeriods> {
  const closure = await closureOf(store, indicatorId);
  await requireLevel(store, levelId);
  return {
    indicator: closure.indicator,
    level: levelId,
    inputs: closure.inputs,
    periods: await commonPeriods(store, closure.inputs, levelId),
  };
}

/**
 * Computes a derived indicator on one level from the stored observations of its inputs (core
 * `recomputeDerived` on the columnar path, `recomputeDerivedByColumns`): for every area and period
 * any input has, within the periods all inputs cover.
 * Missing inputs make the value missing with the most restrictive reason; x/0 is `not_meaningful`.
 */
export async function derivedValues(
  store: Store,
  indicatorId: string,
  query: DerivedQuery,
): Promise<DerivedValues> {
  const closure = await closureOf(store, indicatorId);
  await requireLevel(store, query.level);
  const period = query.period === undefined ? undefined : checkPeriod(query.period);
  const periods = new Set(await commonPeriods(store, closure.inputs, query.level));
  const wanted = period === undefined ? periods : new Set(periods.has(period) ? [period] : []);
  const base = new Map<string, Observation[]>();
  for (const id of closure.inputs) {
    const rows =
      wanted.size === 0
        ? []
        : await store.getValues({
            indicatorId: id,
            levelId: query.level,
            period,
            areaKeys: query.area === undefined ? undefined : [query.area],
          });
    base.set(
      id,
      rows.filter((o) => wanted.has(o.period)).map(({ batchId: _batchId, ...observation }) => observation),
    );
  }
  const { observations } = recomputeDerivedByColumns(closure.definitions, base);
  const values = observations
    .filter((o) => o.indicatorId === indicatorId)
    .map((o): StoredObservation => ({ ...o, batchId: null }))
    .sort((a, b) => byCodePoint(a.areaKey, b.areaKey) || byCodePoint(a.period, b.period));
  return { indicator: closure.indicator, level: query.level, inputs: closure.inputs, values };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface DerivedCoverage {
  /** Per level where every input has values in at least one common period (ordered by level id). */
  coverage: { levelId: string; periods: number; values: number }[];
}

/** Coverage like the store's `countObservations`, counted over the computed values. */
export async function derivedCoverage(store: Store, indicatorId: string): Promise<DerivedCoverage> {
  const closure = await closureOf(store, indicatorId);
  const levels = (await store.listLevels()).map((l) => l.id).sort(byCodePoint);
  const coverage: DerivedCoverage['coverage'] = [];
  for (const levelId of levels) {
    const periods = await commonPeriods(store, closure.inputs, levelId);
    if (periods.length === 0) continue;
    const { values } = await derivedValues(store, indicatorId, { level: levelId });
    coverage.push({ levelId, periods: periods.length, values: values.length });
  }
  return { coverage };
}
