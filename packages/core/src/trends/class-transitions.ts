import { DomainError } from '../domain/errors.ts';

/** An area's class in one period, e.g. MSS status class "3" or a GISD quintile. */
export interface ClassAssignment {
  areaKey: string;
  period: string;
  classLabel: string;
}

export type ClassMove = 'higher' | 'lower' | 'same';

export interface ClassTransitions {
  fromPeriod: string;
  toPeriod: string;
  /** Row and column labels of the matrix: `order` if given, else the labels found, sorted. */
  labels: string[];
  /** matrix[i][j] = number of areas in class labels[i] in fromPeriod and labels[j] in toPeriod. */
  matrix: number[][];
  /** Per area present in both periods; `move` compares positions in `order`, null without one. */
  areas: { areaKey: string; from: string; to: string; move: ClassMove | null }[];
  /** Areas classed in only one of the two periods (new, dissolved, or not classed). */
  onlyInFrom: string[];
  onlyInTo: string[];
}

/**
 * Cross-tabulates class membership between two periods: how many areas stayed, rose or fell, and
 * which ones. Whether "higher" is better or worse depends on the classification (MSS status 4 is
 * the worst, a GISD quintile 5 the most deprived), so it is left to the caller to read.
 */
export function classTransitions(
  assignments: readonly ClassAssignment[],
  fromPeriod: string,
  toPeriod: string,
  order?: readonly string[],
): ClassTransitions {
  const from = classesIn(assignments, fromPeriod);
  const to = classesIn(assignments, toPeriod);
  const labels = order ? [...order] : [...new Set([...from.values(), ...to.values()])].sort(naturalCompare);
  for (const label of [...from.values(), ...to.values()])
    if (!labels.includes(label))
      throw new DomainError(
        'ValidationFailed',
        `class "${label}" is not in the class order [${labels.join(', ')}]`,
        {
          label,
          order: labels,
        },
      );
  const matrix = labels.map(() => labels.map(() => 0));
  const areas: ClassTransitions['areas'] = [];
  for (const [areaKey, a] of from) {
    const b = to.get(areaKey);
    if (b === undefined) continue;
    const i = labels.indexOf(a);
    const j = labels.indexOf(b);
    matrix[i]![j]!++;
    areas.push({
      areaKey,
      from: a,
      to: b,
      move: order ? (j > i ? 'higher' : j < i ? 'lower' : 'same') : null,
    });
  }
  return {
    fromPeriod,
    toPeriod,
    labels,
    matrix,
    areas,
    onlyInFrom: [...from.keys()].filter((k) => !to.has(k)),
    onlyInTo: [...to.keys()].filter((k) => !from.has(k)),
  };
}

function classesIn(assignments: readonly ClassAssignment[], period: string): Map<string, string> {
  const classes = new Map<string, string>();
  for (const a of assignments) {
    if (a.period !== period) continue;
    if (classes.has(a.areaKey))
      throw new DomainError('ValidationFailed', `area ${a.areaKey} has two classes in period ${period}`, {
        areaKey: a.areaKey,
        period,
      });
    classes.set(a.areaKey, a.classLabel);
  }
  return classes;
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
