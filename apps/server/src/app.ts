import Fastify, { LogController, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { registerStaticPages } from './web/static-pages.ts';
import type { AppContext } from './app-context.ts';
import { authorise, registerRequestAuth } from './auth/request-auth.ts';
import { errorHandler, frameworkErrorHandler } from './http/errors.ts';
import { registerInputGuards } from './http/input-guards.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { API_PREFIX, buildOpenApi } from './http/openapi.ts';
import type { AnyRoute } from './http/route.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { analysisRoutes } from './routes/analysis.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { oidcRoutes } from './routes/oidc.routes.ts';
import { directoryRoutes } from './routes/directory.routes.ts';
import { directoryEditorialRoutes } from './routes/directory-editorial.routes.ts';
import { directoryGeoRoutes } from './routes/directory-geo.routes.ts';
import { compareRoutes } from './routes/compare.routes.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { indicatorAnalysisRoutes } from './routes/indicator-analysis.routes.ts';
import { indicatorRoutes } from './routes/indicators.routes.ts';
import { levelRoutes } from './routes/levels.routes.ts';
import { profileRoutes } from './routes/profile.routes.ts';
import { pyramidRoutes } from './routes/pyramid.routes.ts';
import { standardisationRoutes } from './routes/standardisation.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';

/** Every API route, in one list: the app registers them and the OpenAPI document describes them. */
export const API_ROUTES: AnyRoute[] = [
  ...systemRoutes,
  ...authRoutes,
  ...oidcRoutes,
  ...levelRoutes,
  ...indicatorRoutes,
  ...exportRoutes,
  ...importRoutes,
  ...indicatorAnalysisRoutes,
  ...analysisRoutes,
  ...standardisationRoutes,
  ...profileRoutes,
  ...pyramidRoutes,
  ...compareRoutes,
  ...directoryRoutes,
  ...directoryEditorialRoutes,
  ...adminRoutes,
  ...auditRoutes,
  ...directoryGeoRoutes,
] as AnyRoute[];

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Log every request (useful at debug level; noise for a planner watching the terminal). */
  logRequests?: boolean;
}

/** Builds the HTTP app around a context; no port is opened, so tests use `app.inject()`. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ code: 'NotFound', message: `No route ${request.method} ${request.url}.`, details: null });
  });
  await app.register(multipart, { limits: { fileSize: ctx.uploadLimitBytes, files: 20, fields: 10 } });

  registerRequestAuth(app, ctx.auth, API_PREFIX);
  registerInputGuards(app);
  registerSecurityHeaders(app);

  const openApi = buildOpenApi(API_ROUTES, ctx.version);
  app.get(`${API_PREFIX}/openapi.json`, async () => openApi);
  for (const route of API_ROUTES) registerRoute(app, route, ctx);
  registerStaticPages(app);
  return app;
}

function registerRoute(app: FastifyInstance, route: AnyRoute, ctx: AppContext): void {
  app.route({
    method: route.method,
    url: API_PREFIX + route.path.replace(/\{(\w+)\}/g, ':$1'),
    handler: async (request, reply) => {
      // Before anything is parsed: a caller without the permission learns nothing about the input.
      authorise(request, route.permission, { csrf: route.csrf !== false });
      const principal = request.auth.principal;
      const params = route.params ? route.params.parse(request.params) : {};
      const query = route.query ? route.query.parse(request.query) : {};
      const body = route.body ? route.body.parse(request.body ?? undefined) : undefined;
      const analysis = () => ctx.analysis.for(principal);
      const result = await route.handler({ params, query, body, request, reply, ctx, principal, analysis });
      if (route.status && reply.statusCode === 200) void reply.status(route.status);
      return result;
    },
  });
}
