import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  hasPermission,
  indicatorAccess,
  needsDisclosureControl,
  PERMISSIONS,
  ROLES,
  type Principal,
  type Role,
} from '../../src/access/index.ts';

const user = (roles: Role[], patch: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  organisationId: 'kreis',
  roles,
  topics: [],
  areas: [],
  ...patch,
});
const indicator = (confidentiality: 'public' | 'internal' | 'confidential', topic = 'Jugendhilfe') => ({
  confidentiality,
  topic,
});

describe('access policy', () => {
  it('denies by default: the public may only read data and the directory', () => {
    const allowed = PERMISSIONS.filter((p) => hasPermission(ANONYMOUS, p));
    expect(allowed).toEqual(['data:read', 'directory:read', 'directory:report']);
    expect(hasPermission(user([]), 'data:read')).toBe(false);
  });

  it('grants administration and the audit trail to administrators only (audit also to the Statistikstelle)', () => {
    const admins = ROLES.filter((r) => hasPermission(user([r]), 'admin:manage'));
    expect(admins).toEqual(['admin']);
    expect(ROLES.filter((r) => hasPermission(user([r]), 'audit:read'))).toEqual(['admin', 'statistikstelle']);
    expect(ROLES.filter((r) => hasPermission(user([r]), 'import:write'))).toEqual([
      'admin',
      'statistikstelle',
      'planner',
      'department_planner',
    ]);
  });

  it('shows the public only public indicators', () => {
    expect(indicatorAccess(ANONYMOUS, indicator('public'))).toEqual({ kind: 'all' });
    expect(indicatorAccess(ANONYMOUS, indicator('internal'))).toEqual({ kind: 'none' });
    expect(indicatorAccess(ANONYMOUS, indicator('confidential'))).toEqual({ kind: 'none' });
  });

  it('limits confidential data to the department planner of its topic', () => {
    const youth = user(['department_planner'], { topics: ['Jugendhilfe'] });
    expect(indicatorAccess(youth, indicator('confidential', 'Jugendhilfe'))).toEqual({ kind: 'all' });
    expect(indicatorAccess(youth, indicator('confidential', 'Pflege'))).toEqual({ kind: 'none' });
    expect(indicatorAccess(user(['planner']), indicator('confidential'))).toEqual({ kind: 'none' });
    expect(indicatorAccess(user(['reader']), indicator('confidential'))).toEqual({ kind: 'none' });
  });

  it('gives a Gemeinde user internal data only for its own areas', () => {
    const gemeinde = user(['gemeinde_user'], { areas: [{ levelId: 'gemeinde', key: '01051011' }] });
    expect(indicatorAccess(gemeinde, indicator('internal'))).toEqual({ kind: 'own-areas' });
    expect(indicatorAccess(user(['gemeinde_user']), indicator('internal'))).toEqual({ kind: 'none' });
    expect(indicatorAccess(gemeinde, indicator('confidential'))).toEqual({ kind: 'none' });
  });

  it('keeps providers out of the statistics', () => {
    expect(indicatorAccess(user(['provider_editor']), indicator('public'))).toEqual({ kind: 'none' });
  });

  it('exempts only the Statistikstelle from disclosure control', () => {
    expect(ROLES.filter((r) => !needsDisclosureControl(user([r])))).toEqual(['statistikstelle']);
    expect(needsDisclosureControl(ANONYMOUS)).toBe(true);
  });
});
