import {
  ACCESSIBILITY_FEATURES,
  DomainError,
  LIFE_PHASES,
  PROVIDER_KINDS,
  PUBLICATION_STATUSES,
  isValidPoint,
} from '@lagebild/core';
import type { DirectoryBatchInput, FacilityInput, ServiceInput } from '@lagebild/core';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LISTED = 20;

/**
 * What the store itself guarantees about directory rows, whoever writes them: names, known
 * enumerations, finite non-negative counts, ISO dates, valid coordinates, and references that stay
 * inside the delivery (a source's services point to its own facilities and providers). Every problem
 * is listed (up to 20) in one `ImportInvalid` error.
 */
export function checkDirectoryBatch(input: DirectoryBatchInput): void {
  const problems: string[] = [];
  const add = (problem: string) => {
    if (problems.length < MAX_LISTED) problems.push(problem);
  };
  if (!input.source.id.trim()) add('source: id must not be empty');
  if (!input.source.name.trim()) add(`source ${input.source.id}: name must not be empty`);
  const providers = new Set(input.providers.map((p) => p.id));
  const facilities = new Set(input.facilities.map((f) => f.id));
  for (const p of input.providers) {
    named('provider', p, add);
    if (p.kind !== null && !PROVIDER_KINDS.includes(p.kind))
      add(`provider ${p.id}: kind must be one of ${PROVIDER_KINDS.join(', ')}, got "${p.kind}"`);
  }
  for (const f of input.facilities) checkFacility(f, providers, add);
  for (const s of input.services) checkService(s, facilities, providers, add);
  if (problems.length > 0) {
    throw new DomainError(
      'ImportInvalid',
      `directory source ${input.source.id}: ${problems.length} problem(s): ${problems.join('; ')}`,
      { source: input.source.id, problems },
    );
  }
}

function named(kind: string, item: { id: string; name: string }, add: (p: string) => void): void {
  if (typeof item.id !== 'string' || item.id.trim() === '') add(`${kind}: id must not be empty`);
  if (typeof item.name !== 'string' || item.name.trim() === '')
    add(`${kind} ${item.id}: name must not be empty`);
}

function checkFacility(f: FacilityInput, providers: Set<string>, add: (p: string) => void): void {
  named('facility', f, add);
  if (f.providerId !== null && !providers.has(f.providerId))
    add(`facility ${f.id}: provider "${f.providerId}" is not in the delivery`);
  if (f.location !== null && !isValidPoint(f.location))
    add(`facility ${f.id}: location must be WGS84 lon/lat, got ${JSON.stringify(f.location)}`);
  for (const feature of f.accessibility)
    if (!(ACCESSIBILITY_FEATURES as readonly string[]).includes(feature))
      add(`facility ${f.id}: unknown accessibility feature "${feature}"`);
}

function checkService(
  s: ServiceInput,
  facilities: Set<string>,
  providers: Set<string>,
  add: (p: string) => void,
): void {
  named('service', s, add);
  if (!s.categoryId) add(`service ${s.id}: a category is required`);
  if (s.facilityId !== null && !facilities.has(s.facilityId))
    add(`service ${s.id}: facility "${s.facilityId}" is not in the delivery`);
  if (s.providerId !== null && !providers.has(s.providerId))
    add(`service ${s.id}: provider "${s.providerId}" is not in the delivery`);
  if (!PUBLICATION_STATUSES.includes(s.status))
    add(`service ${s.id}: status must be one of ${PUBLICATION_STATUSES.join(', ')}, got "${s.status}"`);
  for (const phase of s.lifePhases)
    if (!LIFE_PHASES.includes(phase)) add(`service ${s.id}: unknown life phase "${phase}"`);
  for (const [field, value] of [
    ['capacity', s.capacity],
    ['freePlaces', s.freePlaces],
  ] as const)
    if (value !== null && !(Number.isFinite(value) && value >= 0))
      add(`service ${s.id}: ${field} must be a number ≥ 0, got ${value}`);
  for (const [field, value] of [
    ['freePlacesDate', s.freePlacesDate],
    ['validFrom', s.validFrom],
    ['validTo', s.validTo],
    ['lastVerified', s.lastVerified],
  ] as const)
    if (value !== null && !ISO_DATE.test(value))
      add(`service ${s.id}: ${field} must be YYYY-MM-DD, got "${value}"`);
  if (s.validFrom !== null && s.validTo !== null && s.validTo <= s.validFrom)
    add(`service ${s.id}: validTo ${s.validTo} must come after validFrom ${s.validFrom}`);
}
