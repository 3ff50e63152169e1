import { DomainError, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from '@lagebild/core';
import { z } from 'zod';
import { setSessionCookie } from '../auth/request-auth.ts';
import { defineRoute } from '../http/route.ts';
import { auditSignIn, auditSignInFailure } from '../audit/auth-audit.ts';
import { publicToken, publicUser, tokenSchema, userSchema } from './auth.schemas.ts';

const signedInSchema = z.object({
  user: userSchema,
  csrfToken: z.string().describe('Send it as X-CSRF-Token with every POST/PUT/PATCH/DELETE.'),
  expiresAt: z.string(),
});

export const authRoutes = [
  defineRoute({
    method: 'POST',
    path: '/auth/login',
    operationId: 'login',
    summary: 'Sign in with login and password',
    description:
      'Opens a new session (cookie `lagebild_session`, httpOnly, SameSite=Strict) and returns its CSRF token. ' +
      'A wrong password and an unknown login answer alike (401); after 5 failures a login is locked for 15 minutes (429).',
    tags: ['Auth'],
    permission: 'anyone',
    // Signing in replaces whatever session the browser had; there is nothing of it to protect.
    csrf: false,
    body: z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
    response: signedInSchema,
    handler: async ({ body, ctx, request, reply }) => {
      const signedIn = await ctx.auth
        .signIn(body.login, body.password, request.ip)
        .catch(async (error: unknown) => {
          await auditSignInFailure(ctx, request, body.login, error);
          throw error;
        });
      await auditSignIn(ctx, request, signedIn.user);
      if (request.auth.session) await ctx.auth.signOut(request.auth.session.idHash);
      setSessionCookie(request, reply, signedIn.sessionId);
      return {
        user: publicUser(signedIn.user),
        csrfToken: signedIn.csrfToken,
        expiresAt: signedIn.expiresAt,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/logout',
    operationId: 'logout',
    summary: 'End the current session',
    tags: ['Auth'],
    permission: 'anyone',
    response: z.object({ signedOut: z.boolean() }),
    handler: async ({ ctx, request, reply }) => {
      const { session, user } = request.auth;
      if (session && user)
        await ctx.audit.record(request, {
          action: 'auth.logout',
          targetType: 'user',
          targetId: user.id,
          summary: `${user.login} signed out`,
        });
      if (session) await ctx.auth.signOut(session.idHash);
      setSessionCookie(request, reply, null);
      return { signedOut: session !== null };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/auth/me',
    operationId: 'me',
    summary: 'The current principal: user, roles and permissions (anonymous: role public)',
    tags: ['Auth'],
    permission: 'anyone',
    response: z.object({
      user: userSchema.nullable(),
      roles: z.array(z.string()),
      permissions: z.array(z.enum(PERMISSIONS)),
      csrfToken: z.string().nullable(),
    }),
    handler: async ({ request, principal }) => {
      const { user, session, token } = request.auth;
      const granted = new Set(principal.roles.flatMap((role) => ROLE_PERMISSIONS[role]));
      const permissions = PERMISSIONS.filter(
        (p) => granted.has(p) && (!token || token.permissions.includes(p)),
      );
      return {
        user: user ? publicUser(user) : null,
        roles: [...principal.roles],
        permissions,
        csrfToken: session?.csrfToken ?? null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/auth/tokens',
    operationId: 'listTokens',
    summary: 'Your API tokens (revoked ones included), without their secrets',
    tags: ['Auth'],
    permission: 'signed-in',
    response: z.array(tokenSchema),
    handler: async ({ ctx, request }) =>
      (await ctx.store.accounts.listApiTokens(request.auth.user!.id)).map(publicToken),
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/tokens',
    operationId: 'createToken',
    summary: 'Create an API token for automation; the secret is shown once',
    description:
      'Use it as `Authorization: Bearer <token>`. Its permissions must be ones you have; bearer requests need no CSRF token.',
    tags: ['Auth'],
    permission: 'signed-in',
    status: 201,
    body: z.object({
      name: z.string().trim().min(1).max(200),
      permissions: z.array(z.enum(PERMISSIONS)).min(1),
      expiresAt: z.iso.datetime().optional(),
    }),
    response: z.object({
      token: z.string().describe('The bearer value; not retrievable later.'),
      info: tokenSchema,
    }),
    handler: async ({ body, ctx, request, principal }) => {
      const { user, token: via } = request.auth;
      const granted = new Set<Permission>(principal.roles.flatMap((role) => ROLE_PERMISSIONS[role]));
      const beyond = body.permissions.filter((p) => !granted.has(p) || (via && !via.permissions.includes(p)));
      if (beyond.length > 0)
        throw new DomainError('PermissionDenied', `A token cannot get what you lack: ${beyond.join(', ')}.`);
      const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
      const created = await ctx.auth.createToken(user!, body.name, body.permissions, expiresAt);
      const info = publicToken(created.token);
      await ctx.audit.record(request, {
        action: 'token.create',
        targetType: 'api-token',
        targetId: info.id,
        summary: `API token "${info.name}" of ${user!.login} created (${info.permissions.join(', ')})`,
        after: info,
      });
      return { token: created.bearer, info };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/auth/tokens/{id}',
    operationId: 'revokeToken',
    summary: 'Revoke one of your API tokens',
    tags: ['Auth'],
    permission: 'signed-in',
    params: z.object({ id: z.string().min(1) }),
    response: tokenSchema,
    handler: async ({ params, ctx, request }) => {
      const user = request.auth.user!;
      const revoked = publicToken(await ctx.auth.revokeToken(user, params.id));
      await ctx.audit.record(request, {
        action: 'token.revoke',
        targetType: 'api-token',
        targetId: revoked.id,
        summary: `API token "${revoked.name}" of ${user.login} revoked`,
        before: { ...revoked, revokedAt: null },
        after: revoked,
      });
      return revoked;
    },
  }),
];
