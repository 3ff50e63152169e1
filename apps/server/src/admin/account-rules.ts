import { DomainError, type Role } from '@lagebild/core';
import type { Store, UserAccount } from '@lagebild/store';
import { passwordProblem } from '../auth/password.ts';

/**
 * Refuses a change that would leave the installation without an administrator: deleting the last
 * admin, or taking the admin role from them (themselves included), locks everybody out of the
 * administration for good.
 */
export async function keepAnAdmin(store: Store, target: UserAccount, rolesAfter: readonly Role[] | null) {
  if (!target.roles.includes('admin') || rolesAfter?.includes('admin')) return;
  const admins = (await store.accounts.listUsers()).filter((u) => u.roles.includes('admin'));
  if (admins.length > 1) return;
  throw new DomainError(
    'Conflict',
    rolesAfter
      ? `${target.login} is the last administrator; give another user the role admin first.`
      : `${target.login} is the last administrator and cannot be deleted; give another user the role admin first.`,
  );
}

/** The password policy of apps/server/src/auth/password.ts, as a field error. */
export function checkPassword(login: string, password: string): void {
  const problem = passwordProblem(login, password);
  if (problem)
    throw new DomainError('ValidationFailed', `Password refused: ${problem}`, [
      { path: 'password', message: problem },
    ]);
}

export async function userOrFail(store: Store, id: string): Promise<UserAccount> {
  const user = await store.accounts.getUser(id);
  if (!user) throw new DomainError('UserNotFound', `No user "${id}".`);
  return user;
}

/** Did the roles change (order ignored)? Then the user's sessions end, so no session keeps old rights. */
export function rolesChanged(before: readonly Role[], after: readonly Role[] | undefined): boolean {
  if (!after) return false;
  const a = [...before].sort().join(',');
  return a !== [...after].sort().join(',');
}
