import { describe, expect, it } from 'vitest';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

const session = (idHash: string, userId: string) => ({
  idHash,
  userId,
  csrfToken: `csrf-${idHash}`,
  createdAt: '2026-01-01T10:00:00.000Z',
  lastSeenAt: '2026-01-01T10:00:00.000Z',
  expiresAt: '2099-01-01T10:00:00.000Z',
});

/** What administrators change about accounts: organisations, users, passwords, sessions. */
export function describeAccountAdminContract(store: CurrentStore): void {
  describe('account administration', () => {
    it('updates organisations and refuses unknown parents and cycles', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'kreis', name: 'Landkreis', kind: 'kreis' });
      await accounts.createOrganisation({ id: 'nord', name: 'Nord', kind: 'gemeinde', parentId: 'kreis' });
      await accounts.createOrganisation({
        id: 'ortsteil',
        name: 'Ortsteil',
        kind: 'other',
        parentId: 'nord',
      });
      const renamed = await accounts.updateOrganisation('nord', { name: 'Gemeinde Nord' });
      expect(renamed).toMatchObject({
        id: 'nord',
        name: 'Gemeinde Nord',
        kind: 'gemeinde',
        parentId: 'kreis',
      });
      expect(await accounts.updateOrganisation('nord', { parentId: null })).toMatchObject({ parentId: null });
      await expectDomainError(accounts.updateOrganisation('nord', { parentId: 'nope' }), 'ValidationFailed');
      await expectDomainError(accounts.updateOrganisation('nord', { parentId: 'nord' }), 'ValidationFailed');
      await expectDomainError(
        accounts.updateOrganisation('nord', { parentId: 'ortsteil' }),
        'ValidationFailed',
      );
      await expectDomainError(accounts.updateOrganisation('nope', { name: 'X' }), 'OrganisationNotFound');
      expect((await accounts.listOrganisations()).find((o) => o.id === 'nord')).toMatchObject({
        name: 'Gemeinde Nord',
        parentId: null,
      });
    });

    it('deletes an organisation only when no user and no organisation belongs to it', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'kreis', name: 'Landkreis', kind: 'kreis' });
      await accounts.createOrganisation({ id: 'nord', name: 'Nord', kind: 'gemeinde', parentId: 'kreis' });
      const user = await accounts.createUser({
        login: 'gerd',
        passwordHash: 'h',
        roles: ['gemeinde_user'],
        organisationId: 'nord',
      });
      const inUse = await expectDomainError(accounts.deleteOrganisation('nord'), 'Conflict');
      expect(inUse.message).toContain('gerd');
      await expectDomainError(accounts.deleteOrganisation('kreis'), 'Conflict');
      await accounts.updateUser(user.id, { organisationId: null });
      await accounts.deleteOrganisation('nord');
      await accounts.deleteOrganisation('kreis');
      expect(await accounts.listOrganisations()).toEqual([]);
      await expectDomainError(accounts.deleteOrganisation('kreis'), 'OrganisationNotFound');
    });

    it('updates users, leaving out what is not given', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
      const user = await accounts.createUser({ login: 'anna', passwordHash: 'h', roles: ['reader'] });
      const updated = await accounts.updateUser(user.id, {
        displayName: 'Anna Planer',
        roles: ['department_planner'],
        organisationId: 'jugendamt',
        topics: ['jugend'],
        areas: [{ levelId: 'gemeinde', key: '01001' }],
      });
      expect(updated).toMatchObject({
        login: 'anna',
        displayName: 'Anna Planer',
        roles: ['department_planner'],
        organisationId: 'jugendamt',
        topics: ['jugend'],
        areas: [{ levelId: 'gemeinde', key: '01001' }],
      });
      expect(await accounts.getUser(user.id)).toEqual(updated);
      expect(await accounts.updateUser(user.id, { topics: [] })).toMatchObject({
        displayName: 'Anna Planer',
        roles: ['department_planner'],
        topics: [],
      });
      expect((await accounts.findCredentials('anna'))?.passwordHash).toBe('h');
      await expectDomainError(accounts.updateUser(user.id, { organisationId: 'nope' }), 'ValidationFailed');
      await expectDomainError(accounts.updateUser('nope', { roles: ['admin'] }), 'UserNotFound');
    });

    it('sets a new password, clearing the lock-out', async () => {
      const accounts = store().accounts;
      const user = await accounts.createUser({ login: 'bert', passwordHash: 'old', roles: ['reader'] });
      await accounts.registerFailedLogin(user.id, 1, '2099-01-01T00:00:00.000Z');
      expect(await accounts.getUser(user.id)).toMatchObject({ lockedUntil: '2099-01-01T00:00:00.000Z' });
      const changed = await accounts.setPassword(user.id, 'new');
      expect(changed).toMatchObject({ failedLogins: 0, lockedUntil: null });
      expect(changed).not.toHaveProperty('passwordHash');
      expect((await accounts.findCredentials('bert'))?.passwordHash).toBe('new');
      await expectDomainError(accounts.setPassword('nope', 'x'), 'UserNotFound');
    });

    it('ends all sessions of a user and deletes users with their sessions and tokens', async () => {
      const accounts = store().accounts;
      const anna = await accounts.createUser({ login: 'anna', passwordHash: 'h', roles: ['reader'] });
      const bert = await accounts.createUser({ login: 'bert', passwordHash: 'h', roles: ['reader'] });
      await accounts.createSession(session('a1', anna.id));
      await accounts.createSession(session('a2', anna.id));
      await accounts.createSession(session('b1', bert.id));
      expect(await accounts.deleteSessionsOfUser(anna.id)).toBe(2);
      expect(await accounts.getSession('a1')).toBeNull();
      expect(await accounts.getSession('b1')).not.toBeNull();
      await accounts.createApiToken({
        id: 't1',
        userId: bert.id,
        name: 'robot',
        secretHash: 's',
        permissions: ['data:read'],
        createdAt: '2026-01-01T10:00:00.000Z',
        expiresAt: null,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(await accounts.deleteUser(bert.id)).toBe(true);
      expect(await accounts.deleteUser(bert.id)).toBe(false);
      expect(await accounts.getUser(bert.id)).toBeNull();
      expect(await accounts.getSession('b1')).toBeNull();
      expect(await accounts.getApiToken('t1')).toBeNull();
      expect((await accounts.listUsers()).map((u) => u.login)).toEqual(['anna']);
    });
  });
}
