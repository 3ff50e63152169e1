import type { FastifyRequest } from 'fastify';
import { isDomainError } from '@lagebild/core';
import type { UserAccount } from '@lagebild/store';
import type { AppContext } from '../app-context.ts';

/** A successful sign-in; the request is still anonymous, so the actor is the user signing in. */
export async function auditSignIn(
  ctx: AppContext,
  request: FastifyRequest,
  user: UserAccount,
): Promise<void> {
  await ctx.audit.record(
    request,
    { action: 'auth.login', targetType: 'user', targetId: user.id, summary: `${user.login} signed in` },
    { userId: user.id, login: user.login, organisationId: user.organisationId },
  );
}

/**
 * A refused sign-in: a wrong password or unknown login (`auth.login_failed`), or one refused for too
 * many failures (`auth.lockout`). The password is never recorded; the login as typed is, so an
 * administrator sees attempts on logins that do not exist as well.
 */
export async function auditSignInFailure(
  ctx: AppContext,
  request: FastifyRequest,
  login: string,
  error: unknown,
): Promise<void> {
  if (!isDomainError(error)) return;
  const locked = error.code === 'TooManyAttempts';
  if (!locked && error.code !== 'AuthenticationRequired') return;
  const user = await ctx.store.accounts.findCredentials(login);
  await ctx.audit.record(request, {
    action: locked ? 'auth.lockout' : 'auth.login_failed',
    targetType: user ? 'user' : 'login',
    targetId: user ? user.id : login.trim().slice(0, 200),
    summary: locked
      ? `Sign-in as ${login.trim()} refused: too many failed attempts`
      : `Failed sign-in as ${login.trim()}`,
  });
}
