import type { FastifyInstance } from 'fastify';
import { DomainError } from '@lagebild/core';

/**
 * Refuses a NUL character anywhere in path parameters, query or JSON body. No field of the API takes
 * one, and PostgreSQL cannot store it in text: let through, it would end as a 500 deep in the store
 * instead of a clear 400 naming the field.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const sources = { params: request.params, query: request.query, body: request.body };
    for (const [name, value] of Object.entries(sources)) {
      const path = nulPath(value, name);
      if (path !== null) {
        throw new DomainError(
          'ValidationFailed',
          `${path}: contains a NUL character (\\u0000), which no field accepts.`,
          [{ path, message: 'expected text without NUL characters' }],
        );
      }
    }
  });
}

/** The dotted path of the first string containing NUL, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const found = nulPath(inner, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}
