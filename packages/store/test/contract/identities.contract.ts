import { describe, expect, it } from 'vitest';
import type { IdentitySignIn } from '../../src/identities.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

const ISSUER = 'https://sso.kreis.example/realms/lagebild';

const signIn = (
  subject: string,
  at: string,
  profile: Partial<IdentitySignIn['profile']> = {},
): IdentitySignIn => ({
  issuer: ISSUER,
  subject,
  at,
  profile: { displayName: 'Anna Planer', roles: ['planner'], ...profile },
});

export function describeIdentitiesContract(store: CurrentStore): void {
  describe('identities of OpenID Connect providers', () => {
    it('creates a user together with its identity and finds it by issuer and subject', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'jugendamt', name: 'Jugendamt', kind: 'department' });
      const first = signIn('sub-1', '2026-01-01T10:00:00.000Z', {
        roles: ['reader', 'planner', 'reader'],
        organisationId: 'jugendamt',
      });
      const user = await accounts.linkIdentity(first, { login: 'anna', passwordHash: '!sso' });
      expect(user).toMatchObject({
        login: 'anna',
        displayName: 'Anna Planer',
        roles: ['planner', 'reader'],
        organisationId: 'jugendamt',
      });
      expect(await accounts.findUserByIdentity({ issuer: ISSUER, subject: 'sub-1' })).toEqual(user);
      expect(
        await accounts.findUserByIdentity({ issuer: 'https://other.example', subject: 'sub-1' }),
      ).toBeNull();
      expect((await accounts.findCredentials('ANNA'))?.passwordHash).toBe('!sso');
      expect(await accounts.listIdentities(user.id)).toEqual([
        {
          issuer: ISSUER,
          subject: 'sub-1',
          userId: user.id,
          createdAt: '2026-01-01T10:00:00.000Z',
          lastLoginAt: '2026-01-01T10:00:00.000Z',
        },
      ]);
    });

    it('re-syncs roles and display name at every sign-in and keeps the organisation unless asserted', async () => {
      const accounts = store().accounts;
      await accounts.createOrganisation({ id: 'kreis', name: 'Kreis', kind: 'kreis' });
      const { id } = await accounts.linkIdentity(
        signIn('sub-1', '2026-01-01T10:00:00.000Z', { organisationId: 'kreis' }),
        { login: 'anna', passwordHash: '!sso' },
      );
      const again = await accounts.touchIdentity(
        signIn('sub-1', '2026-01-02T08:00:00.000Z', { displayName: 'Dr. Anna Planer', roles: ['reader'] }),
      );
      expect(again).toMatchObject({
        id,
        displayName: 'Dr. Anna Planer',
        roles: ['reader'],
        organisationId: 'kreis',
      });
      expect((await accounts.listIdentities(id))[0]).toMatchObject({
        createdAt: '2026-01-01T10:00:00.000Z',
        lastLoginAt: '2026-01-02T08:00:00.000Z',
      });
      const moved = await accounts.touchIdentity(
        signIn('sub-1', '2026-01-03T08:00:00.000Z', { organisationId: null }),
      );
      expect(moved.organisationId).toBeNull();
    });

    it('links an identity to an existing local user, who keeps the password', async () => {
      const accounts = store().accounts;
      const local = await accounts.createUser({
        login: 'Bert',
        passwordHash: '$argon2id$x',
        roles: ['admin'],
      });
      const linked = await accounts.linkIdentity(signIn('sub-2', '2026-01-01T10:00:00.000Z'), {
        userId: local.id,
      });
      expect(linked).toMatchObject({ id: local.id, login: 'Bert', roles: ['planner'] });
      expect((await accounts.findCredentials('bert'))?.passwordHash).toBe('$argon2id$x');
      expect(await accounts.findUserByIdentity({ issuer: ISSUER, subject: 'sub-2' })).toEqual(linked);
    });

    it('refuses a second link, a taken login, unknown users and organisations, and changes nothing then', async () => {
      const accounts = store().accounts;
      await accounts.createUser({ login: 'carl', passwordHash: 'h', roles: ['reader'] });
      const first = signIn('sub-3', '2026-01-01T10:00:00.000Z');
      const { id } = await accounts.linkIdentity(first, { login: 'dora', passwordHash: '!sso' });
      await expectDomainError(accounts.linkIdentity(first, { userId: id }), 'Conflict');
      await expectDomainError(
        accounts.linkIdentity(signIn('sub-4', '2026-01-01T10:00:00.000Z'), {
          login: 'CARL',
          passwordHash: '!sso',
        }),
        'Conflict',
      );
      await expectDomainError(
        accounts.linkIdentity(signIn('sub-5', '2026-01-01T10:00:00.000Z'), { userId: 'nobody' }),
        'ValidationFailed',
      );
      await expectDomainError(
        accounts.linkIdentity(signIn('sub-6', '2026-01-01T10:00:00.000Z', { organisationId: 'nope' }), {
          login: 'emil',
          passwordHash: '!sso',
        }),
        'ValidationFailed',
      );
      await expectDomainError(
        accounts.touchIdentity(signIn('sub-7', '2026-01-01T10:00:00.000Z')),
        'ValidationFailed',
      );
      expect((await accounts.listUsers()).map((u) => u.login)).toEqual(['carl', 'dora']);
      for (const subject of ['sub-4', 'sub-5', 'sub-6'])
        expect(await accounts.findUserByIdentity({ issuer: ISSUER, subject })).toBeNull();
    });

    it('removes the identities with their user', async () => {
      const accounts = store().accounts;
      const { id } = await accounts.linkIdentity(signIn('sub-8', '2026-01-01T10:00:00.000Z'), {
        login: 'fritz',
        passwordHash: '!sso',
      });
      expect(await accounts.deleteUser(id)).toBe(true);
      expect(await accounts.findUserByIdentity({ issuer: ISSUER, subject: 'sub-8' })).toBeNull();
      expect(await accounts.listIdentities(id)).toEqual([]);
    });
  });
}
