import { DomainError } from '../domain/errors.ts';
import { normalQuantile } from './special/normal.ts';

/**
 * Confidence levels as PHEindicatormethods accepts them: a fraction in [0.9, 1) or a percentage in
 * [90, 100). Fingertips publishes 95 % and 99.8 % limits; anything else is still allowed in that range.
 */
export const CONFIDENCE_95 = 0.95;
export const CONFIDENCE_99_8 = 0.998;

/** The confidence as a fraction; throws ValidationFailed naming the bad value. */
export function confidenceLevel(confidence: number): number {
  if (confidence >= 0.9 && confidence < 1) return confidence;
  if (confidence >= 90 && confidence < 100) return confidence / 100;
  throw new DomainError(
    'ValidationFailed',
    `invalid confidence: ${confidence} (expected 0.9 <= confidence < 1 or 90 <= confidence < 100)`,
    { confidence },
  );
}

/**
 * The two-sided normal deviate, computed as qnorm(c + (1 − c) / 2) — the exact expression PHE uses,
 * so the floating-point result is the same (1.959963984540054 for 95 %, 3.090232306167813 for 99.8 %).
 */
export function twoSidedZ(confidence: number): number {
  const c = confidenceLevel(confidence);
  return normalQuantile(c + (1 - c) / 2);
}

/** Throws ValidationFailed unless `multiplier` is a positive finite number. */
export function checkMultiplier(multiplier: number): number {
  if (Number.isFinite(multiplier) && multiplier > 0) return multiplier;
  throw new DomainError(
    'ValidationFailed',
    `invalid multiplier: ${multiplier} (expected a positive number)`,
    {
      multiplier,
    },
  );
}
