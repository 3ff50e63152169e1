import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission, Principal } from '@lagebild/core';
import type { AnalysisService } from '@lagebild/analysis';
import type { AppContext } from '../app-context.ts';

/**
 * What a route needs the caller to be allowed to do. Every route names one, so no route can be added
 * without a rule: a permission of the core access policy (decided by the caller's roles, deny by
 * default), or one of two explicit rules for the sign-in routes themselves — `anyone` (the anonymous
 * public included: signing in, the current principal) and `signed-in` (any user with an account,
 * whatever the roles: e.g. managing one's own API tokens).
 */
export type RoutePermission = Permission | 'anyone' | 'signed-in';
export { PERMISSIONS, type Permission } from '@lagebild/core';

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
  permission: RoutePermission;
  /**
   * `false` only for signing in: it replaces whatever session the browser had. Every other
   * state-changing request authenticated by the session cookie must carry the session's CSRF token.
   */
  csrf?: false;
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
  /** Who is asking (ANONYMOUS without a session or token); the route's permission is already checked. */
  principal: Principal;
  /**
   * The analysis engine over the data as the principal may see it: indicators of other data classes
   * do not exist, values of other areas are left out, suppressed values come suppressed. Every read
   * of indicator data goes through it (`analysis().reads` for plain reads), never through `ctx.store`.
   */
  analysis: () => Promise<AnalysisService>;
}

/** Identity helper that keeps the generic types of one route together. */
export function defineRoute<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

export type AnyRoute = RouteSpec<AnyObject, AnyObject, z.ZodType>;
