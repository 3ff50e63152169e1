import type { MissingReason, Observation, ObservationStatus } from '../domain/observation.ts';
import {
  combineStatuses,
  readObservationValue,
  strongestMissingReason,
} from '../derive/observation-value.ts';
import type { AggregationLink, AggregationOptions } from './aggregation-types.ts';

/** The outcome of combining one parent's children for one input and period. */
export type Combined =
  | { kind: 'value'; value: number; status: ObservationStatus; absent: string[] }
  | {
      kind: 'missing';
      reason: MissingReason;
      missing: { key: string; reason: MissingReason }[];
      absent: string[];
    };

type Cells = ReadonlyMap<string, Observation> | undefined;

/**
 * Σ weight · value over the parent's children. A child with a missing value makes the parent
 * missing with the child's reason (`nothing` reads as 0 unless switched off). A child with no
 * observation at all is a coverage gap, handled by `partialCoverage`.
 */
export function sumChildren(
  links: readonly AggregationLink[],
  cells: Cells,
  options: AggregationOptions,
): Combined {
  let total = 0;
  const statuses: ObservationStatus[] = [];
  const missing: { key: string; reason: MissingReason }[] = [];
  const absent: string[] = [];
  for (const link of links) {
    const obs = cells?.get(link.childKey);
    if (obs === undefined) {
      absent.push(link.childKey);
      continue;
    }
    const reading = readObservationValue(obs, options);
    if (reading.kind === 'missing') missing.push({ key: link.childKey, reason: reading.reason });
    else {
      total += link.weight * reading.value;
      statuses.push(reading.status);
    }
  }
  return finish(total, statuses, missing, absent, links, options);
}

/**
 * Σ w·x / Σ w with w = link weight · weight indicator (usually the population). A child with zero
 * weight has no one to average over and is left out whatever its value; a missing weight or value
 * of a weighted child makes the parent missing.
 */
export function weightedMeanChildren(
  links: readonly AggregationLink[],
  values: Cells,
  weights: Cells,
  options: AggregationOptions,
): Combined {
  let sumWx = 0;
  let sumW = 0;
  const statuses: ObservationStatus[] = [];
  const missing: { key: string; reason: MissingReason }[] = [];
  const absent: string[] = [];
  for (const link of links) {
    const weightObs = weights?.get(link.childKey);
    if (weightObs === undefined) {
      absent.push(link.childKey);
      continue;
    }
    const weight = readObservationValue(weightObs, options);
    if (weight.kind === 'missing') {
      missing.push({ key: link.childKey, reason: weight.reason });
      continue;
    }
    const w = link.weight * weight.value;
    if (w === 0) continue;
    const valueObs = values?.get(link.childKey);
    if (valueObs === undefined) {
      absent.push(link.childKey);
      continue;
    }
    // A value of `-` is not a zero mean: keep it missing whatever nothingAsZero says.
    const value = readObservationValue(valueObs, { nothingAsZero: false });
    if (value.kind === 'missing') missing.push({ key: link.childKey, reason: value.reason });
    else {
      sumWx += w * value.value;
      sumW += w;
      statuses.push(value.status, weight.status);
    }
  }
  const combined = finish(sumW, statuses, missing, absent, links, options);
  if (combined.kind === 'missing') return combined;
  if (sumW === 0) return { kind: 'missing', reason: 'not_meaningful', missing: [], absent: combined.absent };
  // A population-weighted mean of means only approximates the mean over all individuals.
  return { ...combined, value: sumWx / sumW, status: 'estimated' };
}

function finish(
  value: number,
  statuses: ObservationStatus[],
  missing: { key: string; reason: MissingReason }[],
  absent: string[],
  links: readonly AggregationLink[],
  options: AggregationOptions,
): Combined {
  const partialAllowed = options.partialCoverage === 'flag';
  if (missing.length > 0 || (absent.length > 0 && !partialAllowed)) {
    const reasons = missing.map((m) => m.reason);
    if (absent.length > 0 && !partialAllowed) reasons.push('not_reported');
    return { kind: 'missing', reason: strongestMissingReason(reasons), missing, absent };
  }
  // Splitting a child between parents by a share, or leaving children out, gives an estimate.
  const apportioned = links.some((l) => l.weight > 0 && l.weight < 1);
  if (apportioned || absent.length > 0) statuses.push('estimated');
  return { kind: 'value', value, status: combineStatuses(statuses), absent };
}
