import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FLOW_MINUTES } from '../auth/oidc/pending-flows.ts';
import { SignInRefused } from '../auth/oidc/oidc-refusal.ts';
import { refusalPage } from '../auth/oidc/refusal-page.ts';
import { readCookie, setSessionCookie } from '../auth/request-auth.ts';
import { defineRoute } from '../http/route.ts';
import { API_PREFIX } from '../http/openapi.ts';

/**
 * The flow cookie carries only the id of a sign-in in progress. SameSite=Lax, not Strict: the
 * provider's redirect back is a cross-site navigation, on which a Strict cookie would not be sent.
 */
const FLOW_COOKIE = 'lagebild_oidc_flow';
const FLOW_PATH = `${API_PREFIX}/auth/oidc`;

export const oidcRoutes = [
  defineRoute({
    method: 'GET',
    path: '/auth/oidc',
    operationId: 'oidcInfo',
    summary: 'Whether single sign-on (OpenID Connect) is set up, and the label of its button',
    tags: ['Auth'],
    permission: 'anyone',
    response: z.object({
      enabled: z.boolean(),
      label: z.string().nullable().describe('German label of the sign-in button.'),
      labelEn: z.string().nullable(),
      loginUrl: z.string().nullable().describe('Send the browser here, with `?returnTo=/path`.'),
    }),
    handler: async ({ ctx }) => {
      const oidc = ctx.oidc;
      if (!oidc) return { enabled: false, label: null, labelEn: null, loginUrl: null };
      const { label } = oidc.config;
      return { enabled: true, label: label.de, labelEn: label.en, loginUrl: `${FLOW_PATH}/login` };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/auth/oidc/login',
    operationId: 'oidcLogin',
    summary: 'Start single sign-on: redirects the browser to the identity provider',
    description:
      'Authorization code flow with PKCE; state, nonce and code verifier stay on the server, the browser gets a ' +
      'short-lived cookie naming the flow. `returnTo` is a path of this site (anything else is replaced by `/`). ' +
      'Failures (single sign-on not set up, provider unreachable) answer with a readable HTML page.',
    tags: ['Auth'],
    permission: 'anyone',
    query: z.object({
      returnTo: z.string().optional().describe('Where to land after signing in, e.g. /wegweiser.'),
    }),
    status: 303,
    response: z.null().describe('A redirect to the identity provider.'),
    handler: async ({ ctx, query, request, reply }) =>
      refusing(request, reply, async () => {
        if (!ctx.oidc) throw new SignInRefused('SsoDisabled');
        const { flowId, redirectTo } = await ctx.oidc.begin(query.returnTo);
        const secure = ctx.oidc.config.redirectUri.protocol === 'https:';
        setFlowCookie(reply, flowId, secure);
        return reply.header('cache-control', 'no-store').redirect(redirectTo.href, 303);
      }),
  }),
  defineRoute({
    method: 'GET',
    path: '/auth/oidc/callback',
    operationId: 'oidcCallback',
    summary: "The identity provider's redirect back: opens a session and returns to the page of returnTo",
    description:
      'Checks state (against the flow of the cookie, once), then openid-client checks code, PKCE, issuer, audience, ' +
      'nonce and signature. The roles come from the groups claim through the role mapping, at every sign-in. ' +
      'A new session is opened as by /auth/login. Refusals (state mismatch, cancelled at the provider, no mapped ' +
      'role, …) answer with a readable HTML page naming the reason.',
    tags: ['Auth'],
    permission: 'anyone',
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      error: z.string().optional(),
      error_description: z.string().optional(),
    }),
    status: 303,
    response: z.null().describe('A redirect to the page of returnTo, signed in.'),
    handler: async ({ ctx, request, reply }) =>
      refusing(request, reply, async () => {
        if (!ctx.oidc) throw new SignInRefused('SsoDisabled');
        const flowId = readCookie(request.headers.cookie, FLOW_COOKIE);
        setFlowCookie(reply, null, ctx.oidc.config.redirectUri.protocol === 'https:');
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const { signedIn, returnTo } = await ctx.oidc.complete(flowId, query, ctx.auth);
        if (request.auth.session) await ctx.auth.signOut(request.auth.session.idHash);
        setSessionCookie(request, reply, signedIn.sessionId);
        const { user } = signedIn;
        await ctx.audit.record(
          request,
          {
            action: 'auth.sso_login',
            targetType: 'user',
            targetId: user.id,
            summary: `${user.login} signed in through single sign-on (roles ${user.roles.join(', ')})`,
            after: { roles: user.roles, organisationId: user.organisationId },
          },
          { userId: user.id, login: user.login, organisationId: user.organisationId },
        );
        return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
      }),
  }),
];

/** Runs a browser step of the flow; a refusal becomes a readable page with its status. */
async function refusing(
  request: FastifyRequest,
  reply: FastifyReply,
  step: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    request.log.warn({ reason: error.reason, err: error.cause ?? error }, 'single sign-on refused');
    return reply
      .status(error.status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(refusalPage(error));
  }
}

function setFlowCookie(reply: FastifyReply, value: string | null, secure: boolean): void {
  const parts = [`${FLOW_COOKIE}=${value ?? ''}`, `Path=${FLOW_PATH}`, 'HttpOnly', 'SameSite=Lax'];
  parts.push(`Max-Age=${value === null ? 0 : FLOW_MINUTES * 60}`);
  if (secure) parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}
