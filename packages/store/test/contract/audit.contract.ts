import { describe, expect, it } from 'vitest';
import type { NewAuditEvent } from '../../src/audit.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import type { CurrentStore } from '../store.contract.ts';

const event = (at: string, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent => ({
  at,
  actorUserId: 'u-admin',
  actorLogin: 'Admin',
  actorOrganisationId: 'kreis',
  via: 'web',
  action: 'user.create',
  targetType: 'user',
  targetId: 'u-1',
  summary: 'User anna created',
  ip: '10.0.0.1',
  ...overrides,
});

export function describeAuditContract(store: CurrentStore): void {
  describe('audit trail', () => {
    it('records an event with before and after, secrets removed at any depth', async () => {
      const recorded = await store().audit.record(
        event('2026-02-01T10:00:00.000Z', {
          before: { login: 'anna', roles: ['reader'], passwordHash: '$argon2id$x' },
          after: {
            login: 'anna',
            roles: ['planner'],
            nested: { secretHash: 'abc', token: 'lbt_x', keep: 1 },
          },
        }),
      );
      expect(recorded).toMatchObject({
        at: '2026-02-01T10:00:00.000Z',
        actorLogin: 'Admin',
        via: 'web',
        before: { login: 'anna', roles: ['reader'] },
        after: { login: 'anna', roles: ['planner'], nested: { keep: 1 } },
      });
      const { total, events } = await store().audit.search({ limit: 10 });
      expect(total).toBe(1);
      expect(events).toEqual([recorded]);
      expect(JSON.stringify(events)).not.toMatch(/argon2|abc|lbt_x/);
    });

    it('records anonymous and CLI events without before/after', async () => {
      const failed = await store().audit.record({
        via: 'web',
        action: 'auth.login_failed',
        targetType: 'login',
        targetId: 'nobody',
        summary: 'Failed sign-in as nobody',
      });
      expect(failed).toMatchObject({
        actorUserId: null,
        actorLogin: null,
        before: null,
        after: null,
        ip: null,
      });
      expect(failed.at).toMatch(/^\d{4}-\d\d-\d\dT/);
      await expectDomainError(
        store().audit.record({ via: 'fax' as 'web', action: 'x', targetType: 'y', summary: 'z' }),
        'ValidationFailed',
      );
    });

    it('searches newest first with filters and paging; text ignores case, also beyond ASCII', async () => {
      const audit = store().audit;
      await audit.record(
        event('2026-02-01T10:00:00.000Z', {
          summary: 'Organisation Gemeinde ÖSTERBERG created',
          action: 'organisation.create',
          targetType: 'organisation',
          targetId: 'oesterberg',
        }),
      );
      await audit.record(event('2026-02-02T10:00:00.000Z', { summary: 'User anna created' }));
      await audit.record(
        event('2026-02-03T10:00:00.000Z', { summary: 'User anna updated', action: 'user.update' }),
      );
      await audit.record(
        event('2026-02-04T10:00:00.000Z', {
          summary: '100% done_x',
          action: 'import.apply',
          targetType: 'batch',
          targetId: '7',
          actorUserId: 'u-2',
          actorLogin: 'Petra',
        }),
      );

      const all = await audit.search({ limit: 10 });
      expect(all.total).toBe(4);
      expect(all.events.map((e) => e.at.slice(0, 10))).toEqual([
        '2026-02-04',
        '2026-02-03',
        '2026-02-02',
        '2026-02-01',
      ]);
      expect((await audit.search({ text: 'österberg', limit: 10 })).events.map((e) => e.targetId)).toEqual([
        'oesterberg',
      ]);
      expect((await audit.search({ text: 'ANNA', limit: 10 })).total).toBe(2);
      expect((await audit.search({ text: 'petra', limit: 10 })).total).toBe(1);
      // LIKE wildcards in the text are literal characters.
      expect((await audit.search({ text: '100%', limit: 10 })).total).toBe(1);
      expect((await audit.search({ text: '_', limit: 10 })).total).toBe(1);
      expect((await audit.search({ text: 'e_x', limit: 10 })).total).toBe(1);
      expect((await audit.search({ action: 'user.', limit: 10 })).total).toBe(2);
      expect((await audit.search({ action: 'user.update', limit: 10 })).total).toBe(1);
      expect((await audit.search({ actorUserId: 'u-2', limit: 10 })).events[0]?.actorLogin).toBe('Petra');
      expect((await audit.search({ targetType: 'batch', targetId: '7', limit: 10 })).total).toBe(1);
      const range = await audit.search({
        from: '2026-02-02T00:00:00.000Z',
        to: '2026-02-04T00:00:00.000Z',
        limit: 10,
      });
      expect(range.events.map((e) => e.summary)).toEqual(['User anna updated', 'User anna created']);
      const page = await audit.search({ limit: 2, offset: 2 });
      expect(page.total).toBe(4);
      expect(page.events.map((e) => e.at.slice(0, 10))).toEqual(['2026-02-02', '2026-02-01']);
    });
  });
}
