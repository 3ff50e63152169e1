import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';

/**
 * What a route needs the caller to be allowed to do. Every route names one; the access layer
 * (organisations and roles) decides per permission, so no route can be added without a rule.
 */
export const PERMISSIONS = ['data:read', 'import:write', 'system:read', 'directory:read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI path below /api/v1, with `{param}` placeholders. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  /** The body is multipart/form-data (file uploads); parsed by the handler. */
  multipart?: { fields: Record<string, string>; files: Record<string, string> };
  response: z.ZodType;
  /**
   * Content type of a successful response, or several when the handler picks one per request (e.g.
   * by a `format` parameter); `response` then describes each of them.
   */
  produces?: string | readonly string[];
  /** Status of a successful response (default 200). */
  status?: number;
  handler: (input: RouteInput<P, Q, B>) => Promise<unknown>;
}

export interface RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: FastifyRequest;
  reply: FastifyReply;
  ctx: AppContext;
}

/** Identity helper that keeps the generic types of one route together. */
export function defineRoute<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

export type AnyRoute = RouteSpec<AnyObject, AnyObject, z.ZodType>;
