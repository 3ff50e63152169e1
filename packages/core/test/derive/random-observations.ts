export { mulberry32 } from '../../src/correlate/random.ts';
import {
  MISSING_REASONS,
  type MissingReason,
  type Observation,
  type ObservationStatus,
} from '../../src/domain/observation.ts';

export type Random = () => number;

export const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

type Cell = Pick<Observation, 'value' | 'status' | 'missingReason'>;

/**
 * One cell as a store could hold it: mostly values (with zeros, so divisions by zero occur), missing
 * values of every reason (`-` included), suppressed cells that still carry a number, and the odd
 * combinations the readers must handle (a number with status missing, no number with status final,
 * a reason next to a value, non-finite numbers).
 */
export function randomCell(rnd: Random): Cell {
  const u = rnd();
  const reason = (): MissingReason | null => (rnd() < 0.15 ? null : pick(rnd, MISSING_REASONS));
  if (u < 0.6) {
    const status: ObservationStatus = pick(rnd, ['final', 'final', 'final', 'provisional', 'estimated']);
    return { value: randomNumber(rnd), status, missingReason: null };
  }
  if (u < 0.85) return { value: null, status: 'missing', missingReason: reason() };
  if (u < 0.9)
    return { value: rnd() < 0.5 ? randomNumber(rnd) : null, status: 'suppressed', missingReason: reason() };
  const odd: Cell[] = [
    { value: randomNumber(rnd), status: 'missing', missingReason: reason() },
    { value: null, status: pick(rnd, ['final', 'provisional', 'estimated']), missingReason: reason() },
    { value: randomNumber(rnd), status: 'final', missingReason: pick(rnd, MISSING_REASONS) },
    {
      value: pick(rnd, [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]),
      status: 'final',
      missingReason: null,
    },
  ];
  return pick(rnd, odd);
}

function randomNumber(rnd: Random): number {
  const u = rnd();
  if (u < 0.15) return 0;
  if (u < 0.25) return -Math.floor(rnd() * 20);
  if (u < 0.7) return Math.floor(rnd() * 500);
  return Math.round(rnd() * 1e6) / 1e3;
}

export interface Grid {
  indicators: readonly string[];
  levels: readonly string[];
  areas: readonly string[];
  periods: readonly string[];
  /** Probability that a cell has an observation at all. */
  coverage: number;
}

/** Observations over a grid, each cell present with probability `coverage`, in a shuffled order. */
export function randomObservations(rnd: Random, grid: Grid): Observation[] {
  const result: Observation[] = [];
  for (const indicatorId of grid.indicators)
    for (const levelId of grid.levels)
      for (const areaKey of grid.areas)
        for (const period of grid.periods) {
          if (rnd() >= grid.coverage) continue;
          result.push({
            indicatorId,
            levelId,
            areaKey,
            period,
            numerator: null,
            denominator: null,
            ...randomCell(rnd),
          });
        }
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export function byIndicator(observations: readonly Observation[]): Map<string, Observation[]> {
  const map = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = map.get(o.indicatorId);
    if (list) list.push(o);
    else map.set(o.indicatorId, [o]);
  }
  return map;
}

/** A stable order for comparing results whose order is not part of the contract. */
export function sortObservations(observations: readonly Observation[]): Observation[] {
  const key = (o: Observation) => `${o.indicatorId}\u0000${o.levelId}\u0000${o.areaKey}\u0000${o.period}`;
  return [...observations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
