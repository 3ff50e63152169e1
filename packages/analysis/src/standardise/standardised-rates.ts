import {
  DomainError,
  dsr,
  ESP_1976,
  ESP_1976_BANDS,
  ESP_2013,
  ESP_2013_BANDS,
  isr,
  StatWarnings,
  type StatWarningCode,
} from '@lagebild/core';

/**
 * Directly and indirectly standardised rates for groups (areas) the caller supplies band by band —
 * e.g. cases of need of care by age band per Kreis. Pure: the request in, the core's estimates out.
 * A group without an estimate (fewer than 10 events for a DSR, a band without population) gets
 * null and the counted reason, never 0.
 */

export interface BandCounts {
  count: number | null;
  population: number | null;
}

export interface StandardGroup {
  id: string;
  name?: string;
  bands: BandCounts[];
}

export type StandardPopulation = 'esp2013' | 'esp1976' | number[];

export interface DsrRequest {
  groups: StandardGroup[];
  standard: StandardPopulation;
  /** 0.95 or 0.998 (95 % / 99.8 %). */
  confidence: number;
  /** Rate per this many persons (default 100,000). */
  multiplier: number;
}

export interface RateResult {
  id: string;
  name: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Why there is no estimate; null when there is one. */
  reason: StatWarningCode | null;
}

export interface DsrResponse {
  standard: { name: string; bands: string[] | null; weights: number[] };
  confidence: number;
  multiplier: number;
  results: (RateResult & { totalCount: number | null; totalPopulation: number | null })[];
}

const STANDARDS: Record<
  'esp2013' | 'esp1976',
  { name: string; bands: readonly string[]; weights: readonly number[] }
> = {
  esp2013: { name: 'European Standard Population 2013', bands: ESP_2013_BANDS, weights: ESP_2013 },
  esp1976: { name: 'European Standard Population 1976', bands: ESP_1976_BANDS, weights: ESP_1976 },
};

function resolveStandard(standard: StandardPopulation): DsrResponse['standard'] {
  if (Array.isArray(standard)) return { name: 'custom', bands: null, weights: standard };
  const s = STANDARDS[standard];
  return { name: s.name, bands: [...s.bands], weights: [...s.weights] };
}

function checkBandCount(group: StandardGroup, expected: number, what: string): void {
  if (group.bands.length !== expected)
    throw new DomainError(
      'ValidationFailed',
      `group "${group.id}": ${group.bands.length} bands, expected ${expected} (one per band of ${what})`,
      { group: group.id, expected, found: group.bands.length },
    );
}

function firstReason(warnings: StatWarnings): StatWarningCode | null {
  return (warnings.counts.keys().next().value as StatWarningCode | undefined) ?? null;
}

export function directlyStandardisedRates(request: DsrRequest): DsrResponse {
  const standard = resolveStandard(request.standard);
  const results = request.groups.map((group) => {
    checkBandCount(group, standard.weights.length, 'the standard population');
    const warnings = new StatWarnings();
    const bands = group.bands.map((band, i) => ({
      count: band.count,
      population: band.population ?? Number.NaN,
      standard: standard.weights[i]!,
    }));
    const estimate = dsr(bands, { confidence: request.confidence, multiplier: request.multiplier, warnings });
    return {
      id: group.id,
      name: group.name ?? null,
      value: estimate?.value ?? null,
      lower: estimate?.lower ?? null,
      upper: estimate?.upper ?? null,
      totalCount: estimate?.totalCount ?? null,
      totalPopulation: estimate?.totalPopulation ?? null,
      reason: estimate ? null : firstReason(warnings),
    };
  });
  return { standard, confidence: request.confidence, multiplier: request.multiplier, results };
}

export interface IsrRequest {
  groups: StandardGroup[];
  /** The reference (e.g. the Land) band by band: its events and population. */
  reference: BandCounts[];
  kind: 'ratio' | 'rate';
  confidence: number;
  /** Default 100 for a ratio (observed/expected × 100), 100,000 for a rate. */
  multiplier?: number;
}

export interface IsrResponse {
  kind: 'ratio' | 'rate';
  confidence: number;
  multiplier: number;
  results: (RateResult & {
    observed: number | null;
    expected: number | null;
    method: 'exact' | 'byars' | null;
  })[];
}

export function indirectlyStandardisedRates(request: IsrRequest): IsrResponse {
  const multiplier = request.multiplier ?? (request.kind === 'ratio' ? 100 : 100_000);
  const results = request.groups.map((group) => {
    checkBandCount(group, request.reference.length, 'the reference');
    const warnings = new StatWarnings();
    const bands = group.bands.map((band, i) => ({
      count: band.count,
      population: band.population,
      referenceCount: request.reference[i]!.count,
      referencePopulation: request.reference[i]!.population ?? Number.NaN,
    }));
    const estimate = isr(bands, { kind: request.kind, confidence: request.confidence, multiplier, warnings });
    return {
      id: group.id,
      name: group.name ?? null,
      value: estimate?.value ?? null,
      lower: estimate?.lower ?? null,
      upper: estimate?.upper ?? null,
      observed: estimate?.observed ?? null,
      expected: estimate?.expected ?? null,
      method: estimate?.method ?? null,
      reason: estimate ? null : firstReason(warnings),
    };
  });
  return { kind: request.kind, confidence: request.confidence, multiplier, results };
}
