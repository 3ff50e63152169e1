import { checkClasses } from './classify.ts';

/**
 * Rank classes as GISD (RKI) and dplyr's `ntile` assign them: the finite values are ranked
 * ascending (rank 0 … n − 1; equal values keep their input order), and each gets
 * class = floor(rank · k / n) + 1, i.e. 1 … k with sizes differing by at most one. Missing values
 * get null. Unweighted: every area counts once, whatever its population.
 */
export function rankClasses(
  values: readonly (number | null | undefined)[],
  classes: number,
): (number | null)[] {
  const k = checkClasses(classes);
  const present = values
    .map((v, i) => [v, i] as const)
    .filter((e): e is readonly [number, number] => typeof e[0] === 'number' && Number.isFinite(e[0]))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const result = new Array<number | null>(values.length).fill(null);
  present.forEach(([, index], rank) => {
    result[index] = Math.floor((rank * k) / present.length) + 1;
  });
  return result;
}
