import { describe, expect, it } from 'vitest';
import type { ApiTokenRecord, SessionRecord } from '../../src/accounts.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

const session = (idHash: string, userId: string, expiresAt: string): SessionRecord => ({
  idHash,
  userId,
  csrfToken: `csrf-${idHash}`,
  createdAt: '2026-01-01T10:00:00.000Z',
  lastSeenAt: '2026-01-01T10:00:00.000Z',
  expiresAt,
});

export function describeAccountsContract(store: CurrentStore): void {
  describe('accounts', () => {
    it('stores organisations with their parent and refuses twins and unknown parents', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'kreis', name: 'Landkreis Musterland', kind: 'kreis' });
      const gemeinde = await accounts.createOrganisation({
        id: 'g-nord',
        name: 'Gemeinde Nord',
        kind: 'gemeinde',
        parentId: 'kreis',
      });
      expect(gemeinde).toMatchObject({ id: 'g-nord', kind: 'gemeinde', parentId: 'kreis' });
      expect((await accounts.listOrganisations()).map((o) => o.id)).toEqual(['g-nord', 'kreis']);
      await expectDomainError(
        accounts.createOrganisation({ id: 'kreis', name: 'again', kind: 'kreis' }),
        'Conflict',
      );
      await expectDomainError(
        accounts.createOrganisation({ id: 'x', name: 'X', kind: 'other', parentId: 'nope' }),
        'ValidationFailed',
      );
    });

    it('stores users with roles, topics and areas; logins are unique whatever their case', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
      const user = await accounts.createUser({
        login: 'Anna.Planer',
        passwordHash: '$argon2id$fake',
        roles: ['department_planner'],
        organisationId: 'jugendamt',
        topics: ['jugend'],
        areas: [{ levelId: 'gemeinde', key: '01001' }],
      });
      expect(user).toMatchObject({
        login: 'Anna.Planer',
        displayName: 'Anna.Planer',
        roles: ['department_planner'],
        topics: ['jugend'],
        areas: [{ levelId: 'gemeinde', key: '01001' }],
        organisationId: 'jugendamt',
        failedLogins: 0,
        lockedUntil: null,
      });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await accounts.getUser(user.id)).toEqual(user);
      expect(await accounts.findCredentials('anna.PLANER')).toEqual({
        ...user,
        passwordHash: '$argon2id$fake',
      });
      expect(await accounts.findCredentials('bert')).toBeNull();
      await expectDomainError(
        accounts.createUser({ login: 'ANNA.planer', passwordHash: 'h', roles: ['reader'] }),
        'Conflict',
      );
      await expectDomainError(
        accounts.createUser({ login: 'carl', passwordHash: 'h', roles: ['reader'], organisationId: 'nope' }),
        'ValidationFailed',
      );
      await accounts.createUser({ login: 'bert', passwordHash: 'h', roles: ['reader'] });
      expect((await accounts.listUsers()).map((u) => u.login)).toEqual(['Anna.Planer', 'bert']);
    });

    it('counts failed sign-ins, locks at the limit and clears on success', async () => {
      const accounts = store().accounts;
      const { id } = await accounts.createUser({ login: 'admin', passwordHash: 'h', roles: ['admin'] });
      const until = '2026-01-01T10:15:00.000Z';
      expect(await accounts.registerFailedLogin(id, 3, until)).toEqual({
        failedLogins: 1,
        lockedUntil: null,
      });
      // Concurrent failures lose no count.
      const both = await Promise.all([
        accounts.registerFailedLogin(id, 3, until),
        accounts.registerFailedLogin(id, 3, until),
      ]);
      expect(both.map((f) => f.failedLogins).sort()).toEqual([2, 3]);
      expect(both.some((f) => f.lockedUntil === until)).toBe(true);
      expect(await accounts.getUser(id)).toMatchObject({ failedLogins: 0, lockedUntil: until });
      await accounts.registerFailedLogin(id, 3, until);
      await accounts.clearFailedLogins(id);
      expect(await accounts.getUser(id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    });

    it('keeps sessions by their hash, touches, deletes and expires them', async () => {
      const accounts = store().accounts;
      const { id } = await accounts.createUser({ login: 'admin', passwordHash: 'h', roles: ['admin'] });
      await accounts.createSession(session('a', id, '2026-01-01T18:00:00.000Z'));
      await accounts.createSession(session('b', id, '2026-01-01T11:00:00.000Z'));
      expect(await accounts.getSession('a')).toEqual(session('a', id, '2026-01-01T18:00:00.000Z'));
      expect(await accounts.getSession('zzz')).toBeNull();
      await accounts.touchSession('a', '2026-01-01T12:00:00.000Z', '2026-01-01T20:00:00.000Z');
      expect(await accounts.getSession('a')).toMatchObject({
        lastSeenAt: '2026-01-01T12:00:00.000Z',
        expiresAt: '2026-01-01T20:00:00.000Z',
      });
      expect(await accounts.deleteExpiredSessions('2026-01-01T12:00:00.000Z')).toBe(1);
      expect(await accounts.getSession('b')).toBeNull();
      await accounts.deleteSession('a');
      expect(await accounts.getSession('a')).toBeNull();
    });

    it('keeps API tokens with their scope, records use and revokes once', async () => {
      const accounts = store().accounts;
      const { id } = await accounts.createUser({ login: 'robot', passwordHash: 'h', roles: ['planner'] });
      const token: ApiTokenRecord = {
        id: 't1',
        userId: id,
        name: 'nightly import',
        secretHash: 'abc',
        permissions: ['data:read', 'import:write'],
        createdAt: '2026-01-01T10:00:00.000Z',
        expiresAt: null,
        lastUsedAt: null,
        revokedAt: null,
      };
      await accounts.createApiToken(token);
      expect(await accounts.getApiToken('t1')).toEqual(token);
      await accounts.touchApiToken('t1', '2026-01-02T03:00:00.000Z');
      expect(await accounts.revokeApiToken('t1', '2026-01-03T00:00:00.000Z')).toBe(true);
      expect(await accounts.revokeApiToken('t1', '2026-01-04T00:00:00.000Z')).toBe(false);
      expect(await accounts.revokeApiToken('nope', '2026-01-04T00:00:00.000Z')).toBe(false);
      expect(await accounts.listApiTokens(id)).toEqual([
        { ...token, lastUsedAt: '2026-01-02T03:00:00.000Z', revokedAt: '2026-01-03T00:00:00.000Z' },
      ]);
      expect(await accounts.getApiToken('nope')).toBeNull();
    });
  });
}
