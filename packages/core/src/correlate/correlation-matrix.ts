import { DomainError } from '../domain/errors.ts';
import { pearson, spearman } from './pearson.ts';

/** One indicator's values across areas; all variables list the areas in the same order. */
export interface Variable {
  id: string;
  values: readonly (number | null)[];
}

export interface CorrelationMatrix {
  method: 'pearson' | 'spearman';
  ids: string[];
  /** r[i][j]; null where fewer than 3 complete pairs or no variation. */
  r: (number | null)[][];
  /** n[i][j]: the number of areas with values for both (pairwise complete). */
  n: number[][];
}

/**
 * Correlations between indicators across areas. Each pair uses the areas that have both values
 * (pairwise complete), so one sparse indicator does not shrink every other pair; `n` says how many.
 * Spearman ranks are taken within each pair's complete areas.
 */
export function correlationMatrix(
  variables: readonly Variable[],
  method: 'pearson' | 'spearman' = 'pearson',
): CorrelationMatrix {
  const length = variables[0]?.values.length ?? 0;
  const uneven = variables.find((v) => v.values.length !== length);
  if (uneven)
    throw new DomainError(
      'ValidationFailed',
      `variable "${uneven.id}" has ${uneven.values.length} values, expected ${length}`,
      {
        id: uneven.id,
      },
    );
  const correlate = method === 'spearman' ? spearman : pearson;
  const size = variables.length;
  const r = Array.from({ length: size }, () => new Array<number | null>(size).fill(null));
  const n = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const [x, y] = completePairs(variables[i]!.values, variables[j]!.values);
      const value = correlate(x, y);
      r[i]![j] = r[j]![i] = i === j && value !== null ? 1 : value;
      n[i]![j] = n[j]![i] = x.length;
    }
  }
  return { method, ids: variables.map((v) => v.id), r, n };
}

function completePairs(a: readonly (number | null)[], b: readonly (number | null)[]): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  a.forEach((v, i) => {
    const w = b[i];
    if (isNumber(v) && isNumber(w)) {
      x.push(v);
      y.push(w);
    }
  });
  return [x, y];
}

function isNumber(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}
