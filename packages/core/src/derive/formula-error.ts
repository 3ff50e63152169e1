import { DomainError } from '../domain/errors.ts';

/** One error shape for every formula problem: the formula, what is wrong, and where. */
export function formulaError(source: string, problem: string, position?: number): DomainError {
  const where = position === undefined ? '' : ` at position ${position}`;
  return new DomainError('ValidationFailed', `formula "${source}": ${problem}${where}`, {
    formula: source,
    position: position ?? null,
  });
}
