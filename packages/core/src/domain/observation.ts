/** Observations: indicator × area × period → value, with status and provenance. */
export const OBSERVATION_STATUSES = ['final', 'provisional', 'estimated', 'suppressed', 'missing'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * Why a value is missing. The GENESIS symbols map onto these (see `genesisSymbolReason`), so a `-`
 * or `.` in a source never becomes 0.
 */
export const MISSING_REASONS = [
  'nothing', // "-"  nichts vorhanden
  'secret', // "."   Zahlenwert unbekannt oder geheim zu halten
  'not_meaningful', // "x"  Tabellenfach gesperrt, weil Aussage nicht sinnvoll
  'unreliable', // "/"  keine Angabe, da Zahlenwert nicht sicher genug
  'later', // "..." Angabe fällt später an
  'not_reported', // empty cell in a source that should have a value
  'suppressed', // withheld by disclosure control
] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

export interface Observation {
  indicatorId: string;
  levelId: string;
  areaKey: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (reference date); sorts lexically in time order. */
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ObservationStatus;
  missingReason: MissingReason | null;
}

/** An observation as stored, with the import batch it came from. */
export interface StoredObservation extends Observation {
  batchId: number | null;
}

const GENESIS_SYMBOLS: Record<string, MissingReason> = {
  '-': 'nothing',
  '.': 'secret',
  x: 'not_meaningful',
  X: 'not_meaningful',
  '/': 'unreliable',
  '...': 'later',
  '…': 'later',
};

/** The missing-value reason of a GENESIS/official-statistics symbol, or null if it is not one. */
export function genesisSymbolReason(raw: string): MissingReason | null {
  return GENESIS_SYMBOLS[raw.trim()] ?? null;
}
