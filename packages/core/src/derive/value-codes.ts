import type { MissingReason, ObservationStatus } from '../domain/observation.ts';

/**
 * One-byte codes for the columnar path (value-frame.ts). A column stores per area a status code and a
 * reason code, so every observation round-trips exactly; computations read a cell as one *reading
 * code* on a single ordered scale:
 *
 *   0 no observation · 1 final · 2 provisional · 3 estimated · 4 nothing · 5 not_meaningful ·
 *   6 not_reported · 7 later · 8 unreliable · 9 secret · 10 suppressed
 *
 * The order is the point: combining inputs is a maximum. A value is only as firm as its weakest input
 * (estimated > provisional > final), any missing input makes the result missing, and among missing
 * inputs the most restrictive reason wins (the precedence of `strongestMissingReason`).
 */
export const ABSENT = 0;
export const FINAL = 1;
export const ESTIMATED = 3;
/** Reading codes from here on are missing values; below, values with their status. */
export const FIRST_MISSING = 4;

/** Status codes (the `status` array of a column); 0 is "no observation". */
export const STATUS_CODE: Readonly<Record<ObservationStatus, number>> = {
  final: 1,
  provisional: 2,
  estimated: 3,
  missing: 4,
  suppressed: 5,
};
const STATUS_OF_CODE: readonly (ObservationStatus | null)[] = [
  null,
  'final',
  'provisional',
  'estimated',
  'missing',
  'suppressed',
];

/** Reason codes (the `reasons` array of a column), equal to the reading code of the missing value; 0 is none. */
export const REASON_CODE: Readonly<Record<MissingReason, number>> = {
  nothing: 4,
  not_meaningful: 5,
  not_reported: 6,
  later: 7,
  unreliable: 8,
  secret: 9,
  suppressed: 10,
};
const REASON_OF_CODE: readonly (MissingReason | null)[] = [
  null,
  null,
  null,
  null,
  'nothing',
  'not_meaningful',
  'not_reported',
  'later',
  'unreliable',
  'secret',
  'suppressed',
];

export function statusOfCode(code: number): ObservationStatus {
  const status = STATUS_OF_CODE[code];
  if (!status) throw new Error(`no observation status has code ${code}`);
  return status;
}

/** The missing reason of a reason code or of a missing reading code; null for 0. */
export function reasonOfCode(code: number): MissingReason | null {
  return REASON_OF_CODE[code] ?? null;
}

/**
 * How a computation reads one stored cell, exactly as `readNumber` reads an observation, before
 * `nothing` is read as 0 (the caller decides that): suppressed stays hidden even with a number,
 * a finite value counts unless the status says missing, and a missing value without a reason is
 * `not_reported`.
 */
export function readingCode(status: number, value: number, reason: number): number {
  if (status === ABSENT) return ABSENT;
  if (status === STATUS_CODE.suppressed) return REASON_CODE.suppressed;
  if (status !== STATUS_CODE.missing && Number.isFinite(value)) return status;
  return reason === 0 ? REASON_CODE.not_reported : reason;
}
