import { DomainError } from '../domain/errors.ts';
import { equalIntervalBreaks, quantileBreaks, sdBreaks } from './breaks.ts';
import { jenksBreaks } from './jenks.ts';
import { ascending, finiteValues, type SdKind } from './statistics.ts';

export const CLASSIFY_METHODS = ['quantile', 'equal-interval', 'jenks', 'sd', 'manual'] as const;
export type ClassifyMethodName = (typeof CLASSIFY_METHODS)[number];
/** A custom strategy: the finite values ascending and the number of classes → the k − 1 inner limits. */
export type BreakStrategy = (sorted: readonly number[], classes: number) => number[];

export interface ClassifyOptions {
  method: ClassifyMethodName | BreakStrategy;
  /** Number of classes (≥ 2); with `manual` it follows from the breaks. */
  classes?: number;
  /** Inner class limits for `manual`, strictly ascending. */
  breaks?: readonly number[];
  /** `sd`: class width in standard deviations (default 1). */
  sdStep?: 1 | 0.5;
  /** `sd`: population (÷ n, default) or sample (÷ n − 1) standard deviation. */
  sd?: SdKind;
}

/**
 * The result of classifying a series. `breaks` are the k − 1 inner limits, ascending; class i
 * (0-based) holds the values v with breaks[i − 1] < v ≤ breaks[i] (the first and last classes are
 * open towards −∞ and +∞). Missing values (null, undefined, NaN, ±∞) are counted, never classed.
 */
export interface Classification {
  method: string;
  classes: number;
  breaks: number[];
  /** [min, max] of the classed values; null when there were none. */
  domain: [number, number] | null;
  counts: number[];
  missing: number;
  warnings: string[];
  classOf(value: number | null | undefined): number | null;
}

/** Classifies a series by a named strategy (or a function), deterministically. */
export function classify(
  values: readonly (number | null | undefined)[],
  options: ClassifyOptions,
): Classification {
  const method = checkMethod(options.method);
  const sorted = ascending(finiteValues(values));
  const warnings: string[] = [];
  const missing = values.length - sorted.length;
  if (missing > 0) warnings.push(`${missing} missing values (null or not a finite number) were not classed`);
  let breaks: number[];
  if (method === 'manual') breaks = checkManualBreaks(options);
  else {
    const classes = checkClasses(options.classes);
    breaks = sorted.length === 0 ? [] : strategyBreaks(method, options, sorted, classes);
    if (sorted.length === 0) warnings.push('no values to classify');
    else if (breaks.length < classes - 1) {
      warnings.push(
        `only ${breaks.length + 1} distinct values: ${breaks.length + 1} classes instead of ${classes}`,
      );
    }
    if (typeof method === 'function') breaks = checkBreaks(breaks, 'the break strategy must return', false);
  }
  const classOf = (value: number | null | undefined): number | null =>
    typeof value === 'number' && Number.isFinite(value) && (sorted.length > 0 || method === 'manual')
      ? classIndex(breaks, value)
      : null;
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of sorted) counts[classIndex(breaks, v)]!++;
  if (breaks.length > 0 && new Set(breaks).size < breaks.length)
    warnings.push('some limits coincide: empty classes');
  return {
    method: typeof method === 'function' ? method.name || 'custom' : method,
    classes: breaks.length + 1,
    breaks,
    domain: sorted.length > 0 ? [sorted[0]!, sorted[sorted.length - 1]!] : null,
    counts,
    missing,
    warnings,
    classOf,
  };
}

/** The 0-based class of a value: the first limit it does not exceed. */
export function classIndex(breaks: readonly number[], value: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value <= breaks[mid]!) high = mid;
    else low = mid + 1;
  }
  return low;
}

function strategyBreaks(
  method: Exclude<ClassifyMethodName, 'manual'> | BreakStrategy,
  options: ClassifyOptions,
  sorted: number[],
  classes: number,
): number[] {
  if (typeof method === 'function') return method(sorted, classes);
  switch (method) {
    case 'quantile':
      return quantileBreaks(sorted, classes);
    case 'equal-interval':
      return equalIntervalBreaks(sorted, classes);
    case 'jenks':
      return jenksBreaks(sorted, classes);
    case 'sd':
      return sdBreaks(sorted, classes, { step: checkSdStep(options.sdStep), sd: checkSdKind(options.sd) });
  }
}

function invalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('ValidationFailed', message, details);
}

function checkMethod(method: unknown): ClassifyMethodName | BreakStrategy {
  if (typeof method === 'function') return method as BreakStrategy;
  if ((CLASSIFY_METHODS as readonly unknown[]).includes(method)) return method as ClassifyMethodName;
  throw invalid(
    `unknown classification method ${JSON.stringify(method)}; expected ${CLASSIFY_METHODS.join(', ')} or a function`,
    { option: 'method', value: method },
  );
}

export function checkClasses(classes: unknown): number {
  if (typeof classes === 'number' && Number.isInteger(classes) && classes >= 2) return classes;
  throw invalid(`classes must be an integer ≥ 2, got ${String(classes)}`, {
    option: 'classes',
    value: classes,
  });
}

function checkSdStep(step: unknown): 1 | 0.5 {
  if (step === undefined || step === 1 || step === 0.5) return (step ?? 1) as 1 | 0.5;
  throw invalid(`sdStep must be 1 or 0.5, got ${String(step)}`, { option: 'sdStep', value: step });
}

function checkSdKind(kind: unknown): SdKind {
  if (kind === undefined || kind === 'population' || kind === 'sample')
    return (kind ?? 'population') as SdKind;
  throw invalid(`sd must be "population" or "sample", got ${JSON.stringify(kind)}`, {
    option: 'sd',
    value: kind,
  });
}

function checkManualBreaks(options: ClassifyOptions): number[] {
  const breaks = checkBreaks(options.breaks, 'breaks must be', true);
  if (breaks.length === 0)
    throw invalid('breaks must hold at least one limit, got []', { option: 'breaks', value: [] });
  if (options.classes !== undefined && options.classes !== breaks.length + 1) {
    throw invalid(
      `classes must be breaks.length + 1 = ${breaks.length + 1} with manual breaks, got ${String(options.classes)}`,
      { option: 'classes', value: options.classes },
    );
  }
  return breaks;
}

function checkBreaks(breaks: unknown, what: string, strict: boolean): number[] {
  const ascendingAt = (b: number, previous: number) => (strict ? b > previous : b >= previous);
  const ok =
    Array.isArray(breaks) &&
    breaks.every(
      (b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || ascendingAt(b, breaks[i - 1])),
    );
  if (ok) return [...(breaks as number[])];
  const order = strict ? 'strictly ascending' : 'ascending';
  throw invalid(`${what} finite numbers in ${order} order, got ${JSON.stringify(breaks)}`, {
    option: 'breaks',
    value: breaks,
  });
}
