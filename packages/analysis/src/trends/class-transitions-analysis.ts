import { classTransitions, type ClassAssignment, type ClassTransitions, type Polarity } from '@lagebild/core';
import type { Store, StoredArea } from '@lagebild/store';
import {
  areasAt,
  checkPeriod,
  indicatorRef,
  requireIndicator,
  requireLevel,
  usable,
  type IndicatorRef,
} from '../store-reads.ts';

export interface TransitionsQuery {
  level: string;
  from: string;
  to: string;
}

export interface TransitionsAnalysis extends Omit<ClassTransitions, 'areas'> {
  indicator: IndicatorRef;
  level: string;
  areas: (ClassTransitions['areas'][number] & {
    name: string | null;
    assessment: 'better' | 'worse' | 'same' | null;
  })[];
  summary: { same: number; higher: number; lower: number; better: number | null; worse: number | null };
}

/**
 * How areas moved between the classes of a class indicator (MSS status class, GISD quintile) from one
 * period to another: the transition matrix and each area's move, judged by the indicator's polarity
 * (a higher MSS status class is worse).
 */
export async function classTransitionsAnalysis(
  store: Store,
  indicatorId: string,
  query: TransitionsQuery,
): Promise<TransitionsAnalysis> {
  const indicator = await requireIndicator(store, indicatorId);
  const level = await requireLevel(store, query.level);
  const [from, to] = [checkPeriod(query.from, 'from'), checkPeriod(query.to, 'to')];
  const [before, after, areas] = await Promise.all([
    store.getValues({ indicatorId: indicator.id, levelId: level.id, period: from }),
    store.getValues({ indicatorId: indicator.id, levelId: level.id, period: to }),
    areasAt(store, level.id, to),
  ]);
  const assignments = [...before, ...after].flatMap((obs): ClassAssignment[] => {
    const value = usable(obs);
    return value === null ? [] : [{ areaKey: obs.areaKey, period: obs.period, classLabel: String(value) }];
  });
  const order = [...new Set(assignments.map((a) => a.classLabel))].sort(
    (a, b) => Number(a) - Number(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
  const result = classTransitions(assignments, from, to, order);
  return {
    ...result,
    indicator: indicatorRef(indicator),
    level: level.id,
    areas: result.areas.map((a) => ({
      ...a,
      name: nameOf(areas, a.areaKey),
      assessment: judge(a.move, indicator.polarity),
    })),
    summary: summarise(result.areas, indicator.polarity),
  };
}

function nameOf(areas: ReadonlyMap<string, StoredArea>, key: string): string | null {
  return areas.get(key)?.name ?? null;
}

function judge(
  move: 'higher' | 'lower' | 'same' | null,
  polarity: Polarity,
): 'better' | 'worse' | 'same' | null {
  if (move === null || polarity === 'neutral') return move === 'same' ? 'same' : null;
  if (move === 'same') return 'same';
  return (move === 'higher') === (polarity === 'higher_is_better') ? 'better' : 'worse';
}

function summarise(areas: ClassTransitions['areas'], polarity: Polarity): TransitionsAnalysis['summary'] {
  const count = (move: string) => areas.filter((a) => a.move === move).length;
  const judged = polarity !== 'neutral';
  const higher = count('higher');
  const lower = count('lower');
  const higherIsBetter = polarity === 'higher_is_better';
  return {
    same: count('same'),
    higher,
    lower,
    better: judged ? (higherIsBetter ? higher : lower) : null,
    worse: judged ? (higherIsBetter ? lower : higher) : null,
  };
}
