import { DomainError } from '../domain/errors.ts';

/**
 * A few hand-written checks for definitions read from YAML/JSON (the core has no dependencies).
 * Every error names the bad input by its path: `components[1].weight must be a number > 0, got -1`.
 */
export function invalid(path: string, expected: string, value: unknown): DomainError {
  return new DomainError('ValidationFailed', `${path} must be ${expected}, got ${show(value)}`, {
    path,
    value,
  });
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with only the allowed keys, so a misspelt option fails instead of being ignored. */
export function record(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) throw invalid(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const where = path === '' ? key : `${path}.${key}`;
      throw new DomainError(
        'ValidationFailed',
        `${where} is not an option; expected one of ${allowed.join(', ')}`,
        {
          path: where,
        },
      );
    }
  }
  return value;
}

export function text(value: unknown, path: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw invalid(path, typeof value === 'number' ? 'text (quote it in YAML)' : 'non-empty text', value);
}

export function optionalText(value: unknown, path: string): string | null {
  return value === undefined || value === null ? null : text(value, path);
}

export function integer(value: unknown, path: string, min: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw invalid(path, `an integer ≥ ${min}`, value);
}

export function finiteNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalid(path, 'a finite number', value);
}

export function list(value: unknown, path: string, minLength = 0): unknown[] {
  if (Array.isArray(value) && value.length >= minLength) return value;
  throw invalid(path, minLength > 0 ? `a list of at least ${minLength}` : 'a list', value);
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw invalid(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  throw invalid(path, 'true or false', value);
}

/** YAML reads unquoted 2012-12-31 as a date; periods stay text. */
export function period(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  throw invalid(path, 'a period YYYY, YYYY-MM or YYYY-MM-DD', value);
}
