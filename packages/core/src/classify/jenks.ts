/**
 * Natural breaks (Fisher–Jenks): the partition of the sorted values into k classes with the least
 * total within-class sum of squared deviations, found exactly by dynamic programming. Equal values are
 * grouped first (weighted by their count) so that ties can never be split between classes. The
 * per-level search uses divide and conquer, which is exact because the optimal start of the last
 * class never moves left as the range grows (the cost is a Monge array, as in Ckmeans.1d.dp).
 */
export function jenksBreaks(sorted: readonly number[], classes: number): number[] {
  const { values, weights } = distinct(sorted);
  const m = values.length;
  if (m <= classes) return values.slice(0, -1);
  const cost = withinCost(values, weights);
  let previous = Array.from({ length: m }, (_, j) => cost(0, j));
  const starts: Int32Array[] = [];
  for (let c = 1; c < classes; c++) {
    const current = new Array<number>(m).fill(Number.POSITIVE_INFINITY);
    const start = new Int32Array(m);
    fill(c, m - 1, c, m - 1, { previous, current, start, cost, level: c });
    starts.push(start);
    previous = current;
  }
  const breaks: number[] = [];
  let end = m - 1;
  for (let c = classes - 1; c >= 1; c--) {
    const first = starts[c - 1]![end]!;
    breaks.unshift(values[first - 1]!);
    end = first - 1;
  }
  return breaks;
}

interface Level {
  previous: number[];
  current: number[];
  start: Int32Array;
  cost: (i: number, j: number) => number;
  level: number;
}

/** Solves current[j] for j in [jLow, jHigh], knowing the best class start lies in [iLow, iHigh]. */
function fill(jLow: number, jHigh: number, iLow: number, iHigh: number, l: Level): void {
  if (jLow > jHigh) return;
  const j = (jLow + jHigh) >> 1;
  let best = Number.POSITIVE_INFINITY;
  let bestStart = Math.max(iLow, l.level);
  for (let i = Math.max(iLow, l.level); i <= Math.min(iHigh, j); i++) {
    const total = l.previous[i - 1]! + l.cost(i, j);
    // Strictly smaller: among equally good partitions the earliest start wins, deterministically.
    if (total < best) {
      best = total;
      bestStart = i;
    }
  }
  l.current[j] = best;
  l.start[j] = bestStart;
  fill(jLow, j - 1, iLow, bestStart, l);
  fill(j + 1, jHigh, bestStart, iHigh, l);
}

function distinct(sorted: readonly number[]): { values: number[]; weights: number[] } {
  const values: number[] = [];
  const weights: number[] = [];
  for (const v of sorted) {
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]!++;
    else {
      values.push(v);
      weights.push(1);
    }
  }
  return { values, weights };
}

/** Weighted sum of squared deviations of values[i..j], from prefix sums of values centred on their mean. */
function withinCost(values: number[], weights: number[]): (i: number, j: number) => number {
  const m = values.length;
  let total = 0;
  let count = 0;
  for (let k = 0; k < m; k++) {
    total += values[k]! * weights[k]!;
    count += weights[k]!;
  }
  const centre = total / count;
  const w = new Float64Array(m + 1);
  const s = new Float64Array(m + 1);
  const q = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    const x = values[k]! - centre;
    w[k + 1] = w[k]! + weights[k]!;
    s[k + 1] = s[k]! + weights[k]! * x;
    q[k + 1] = q[k]! + weights[k]! * x * x;
  }
  return (i, j) => {
    const sum = s[j + 1]! - s[i]!;
    return Math.max(0, q[j + 1]! - q[i]! - (sum * sum) / (w[j + 1]! - w[i]!));
  };
}
