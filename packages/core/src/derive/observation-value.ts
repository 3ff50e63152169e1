import type { MissingReason, Observation, ObservationStatus } from '../domain/observation.ts';

/**
 * Reading an observation as an input to a computation (a formula, an aggregation). Shared by derive/
 * and aggregate/ so both treat missing values the same way.
 */
export type ValueReading =
  { kind: 'value'; value: number; status: ObservationStatus } | { kind: 'missing'; reason: MissingReason };

export interface ReadOptions {
  /**
   * The official `-` ("nichts vorhanden") means exactly zero, not "unknown". When true (the default),
   * an input missing for reason `nothing` reads as a known 0; every other reason stays missing.
   */
  nothingAsZero?: boolean;
}

/** Reads one observation; an absent observation counts as `not_reported`. */
export function readObservationValue(obs: Observation | undefined, options: ReadOptions = {}): ValueReading {
  if (obs === undefined) return { kind: 'missing', reason: 'not_reported' };
  return readNumber(obs.value, obs.status, obs.missingReason, options);
}

/**
 * Reads a number with its status and reason. A value under disclosure control stays hidden even when
 * a number is present, so a suppressed cell can never leak into a derived figure.
 */
export function readNumber(
  value: number | null,
  status: ObservationStatus,
  missingReason: MissingReason | null,
  options: ReadOptions = {},
): ValueReading {
  const nothingAsZero = options.nothingAsZero ?? true;
  if (status === 'suppressed') return { kind: 'missing', reason: 'suppressed' };
  if (value !== null && Number.isFinite(value) && status !== 'missing')
    return { kind: 'value', value, status };
  const reason = missingReason ?? 'not_reported';
  if (reason === 'nothing' && nothingAsZero) return { kind: 'value', value: 0, status: 'final' };
  return { kind: 'missing', reason };
}

/**
 * When several inputs are missing, the result carries the most restrictive reason: a figure that
 * depends on a secret cell must say "secret", not merely "not reported".
 */
const REASON_PRECEDENCE: readonly MissingReason[] = [
  'suppressed',
  'secret',
  'unreliable',
  'later',
  'not_reported',
  'not_meaningful',
  'nothing',
];

export function strongestMissingReason(reasons: Iterable<MissingReason>): MissingReason {
  let best: MissingReason | null = null;
  for (const reason of reasons) {
    if (best === null || REASON_PRECEDENCE.indexOf(reason) < REASON_PRECEDENCE.indexOf(best)) best = reason;
  }
  return best ?? 'not_reported';
}

/** A result is only as firm as its weakest input: estimated beats provisional beats final. */
export function combineStatuses(statuses: Iterable<ObservationStatus>): ObservationStatus {
  let result: ObservationStatus = 'final';
  for (const status of statuses) {
    if (status === 'estimated') return 'estimated';
    if (status === 'provisional') result = 'provisional';
  }
  return result;
}
