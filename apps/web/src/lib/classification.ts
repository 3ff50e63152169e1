import {
  classify,
  type Classification,
  type ClassifyMethodName,
} from '../../../../packages/core/src/classify/index.ts';
import type { Polarity } from '../api/types.ts';
import { classColours, isDiverging, type SchemeName } from './colour-schemes.ts';

export interface ClassificationRequest {
  method: ClassifyMethodName;
  classes: number;
  breaks: number[] | null;
  scheme: SchemeName | null;
  reference: number | null;
  polarity: Polarity;
}

export interface ColouredClassification {
  classification: Classification | null;
  colours: string[];
  scheme: SchemeName;
  /** The reference value of a diverging scheme (the given one or the mean); null for sequential. */
  reference: number | null;
  /** A problem with the request (e.g. bad manual breaks); the quantiles were used instead. */
  error: string | null;
}

/** Polarity picks the default: higher-is-worse in orange–red, higher-is-better in blue, else viridis. */
export function defaultScheme(polarity: Polarity): SchemeName {
  if (polarity === 'higher_is_worse') return 'orrd';
  if (polarity === 'higher_is_better') return 'blues';
  return 'viridis';
}

/**
 * Classifies the values with the pure core (`@lagebild/core` classify) and colours the classes.
 * Diverging schemes run blue → red from low to high; when higher is better they are flipped, so red
 * always means "unfavourable".
 */
export function classifyValues(
  values: readonly (number | null)[],
  request: ClassificationRequest,
): ColouredClassification {
  const scheme = request.scheme ?? defaultScheme(request.polarity);
  let classification: Classification | null = null;
  let error: string | null = null;
  const finite = values.filter((v): v is number => v !== null);
  if (finite.length > 0) {
    try {
      classification = runClassify(values, request);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      classification = classify(values, { method: 'quantile', classes: request.classes });
    }
  }
  if (!classification) return { classification, colours: [], scheme, reference: null, error };
  const reference = isDiverging(scheme) ? (request.reference ?? mean(finite)) : null;
  const reversed = request.polarity === 'higher_is_better';
  const colours = classColours(scheme, classification.breaks, classification.domain, reference, reversed);
  return { classification, colours, scheme, reference, error };
}

function runClassify(values: readonly (number | null)[], request: ClassificationRequest): Classification {
  if (request.method === 'manual') {
    return classify(values, { method: 'manual', breaks: request.breaks ?? [] });
  }
  const result = classify(values, { method: request.method, classes: request.classes });
  // Few distinct values (a Kreis with 3 Gemeinden) give coinciding limits: drop the empty classes.
  const distinct = [...new Set(result.breaks)];
  if (distinct.length === result.breaks.length || !result.domain) return result;
  const [min, max] = result.domain;
  const inner = distinct.filter((b) => b >= min && b < max);
  if (inner.length === 0) return result;
  return { ...classify(values, { method: 'manual', breaks: inner }), method: result.method };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
