import { sdOf, meanOf, type SdKind } from './statistics.ts';

/**
 * Break strategies. Each takes the finite values in ascending order and returns the k − 1 inner
 * class limits, ascending. Classes are closed above: a value equal to a limit belongs to the lower
 * class, so equal values always share a class.
 */

/**
 * Quantile limits under the ntile rule: ranks (0-based) are cut as floor(rank·k/n), and each limit is
 * the largest value of its class. Without ties this gives the same classes as `ntile`.
 */
export function quantileBreaks(sorted: readonly number[], classes: number): number[] {
  const n = sorted.length;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(sorted[Math.ceil((i * n) / classes) - 1]!);
  return breaks;
}

export function equalIntervalBreaks(sorted: readonly number[], classes: number): number[] {
  const min = sorted[0]!;
  const width = (sorted[sorted.length - 1]! - min) / classes;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) breaks.push(min + i * width);
  return breaks;
}

export interface SdBreakOptions {
  /** Width of a class in standard deviations. */
  step: 1 | 0.5;
  sd: SdKind;
}

/**
 * Limits at whole (or half) standard deviations around the mean: with an even number of classes the
 * mean is a limit; with an odd number the middle class is centred on the mean.
 */
export function sdBreaks(sorted: readonly number[], classes: number, options: SdBreakOptions): number[] {
  const mean = meanOf(sorted);
  const sd = sdOf(sorted, options.sd, mean);
  const width = (Number.isFinite(sd) ? sd : 0) * options.step;
  const breaks: number[] = [];
  for (let j = 0; j < classes - 1; j++) breaks.push(mean + (j - (classes - 2) / 2) * width);
  return breaks;
}
