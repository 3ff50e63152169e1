import type { DisclosureRule } from '../../../../packages/core/src/disclosure/disclosure-rule.ts';
import { RequestFailed, type Session, type SessionUser } from '../lib/session.ts';

export type { DisclosureRule };

/** The administration API as the page uses it (see docs/api.md, "Administration"). */
export interface Organisation {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  createdAt: string;
}

/** A user as the administration sees it: the session's user plus the lock-out state. */
export interface AdminUser extends SessionUser {
  failedLogins: number;
  lockedUntil: string | null;
}

/** A class set by an administrator: for all levels (`levelId` null) or one, optionally one organisation's. */
export interface DataClass {
  levelId: string | null;
  confidentiality: string;
  organisationId: string | null;
}

/** A Träger of the Wegweiser with its entries and the provider organisation whose editors maintain them. */
export interface DirectoryProvider {
  id: string;
  name: string;
  kind: string | null;
  entries: number;
  organisationId: string | null;
  linkedAt: string | null;
}

export interface Level {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface IndicatorAccess {
  id: string;
  name: string;
  topic: string;
  catalogueConfidentiality: string;
  dataClasses: DataClass[];
  disclosureRule: DisclosureRule | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorLogin: string | null;
  via: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

export const ORGANISATION_KINDS = ['kreis', 'gemeinde', 'department', 'provider', 'other'] as const;
export const ROLES = [
  'admin',
  'statistikstelle',
  'planner',
  'department_planner',
  'gemeinde_user',
  'reader',
  'provider_editor',
] as const;
export const CLASSES = ['public', 'internal', 'confidential'] as const;

export function adminApi(session: Session) {
  const r = session.request;
  return {
    organisations: () => r<Organisation[]>('GET', '/admin/organisations'),
    createOrganisation: (body: object) => r<Organisation>('POST', '/admin/organisations', body),
    updateOrganisation: (id: string, body: object) =>
      r<Organisation>('POST', `/admin/organisations/${encodeURIComponent(id)}`, body),
    deleteOrganisation: (id: string) => r('DELETE', `/admin/organisations/${encodeURIComponent(id)}`),
    users: () => r<AdminUser[]>('GET', '/admin/users'),
    createUser: (body: object) => r<AdminUser>('POST', '/admin/users', body),
    updateUser: (id: string, body: object) =>
      r<AdminUser>('POST', `/admin/users/${encodeURIComponent(id)}`, body),
    setPassword: (id: string, password: string) =>
      r<AdminUser>('POST', `/admin/users/${encodeURIComponent(id)}/password`, { password }),
    unlock: (id: string) => r<AdminUser>('POST', `/admin/users/${encodeURIComponent(id)}/unlock`, {}),
    deleteUser: (id: string) => r('DELETE', `/admin/users/${encodeURIComponent(id)}`),
    indicators: () => r<IndicatorAccess[]>('GET', '/admin/indicators'),
    setClass: (
      id: string,
      confidentiality: string | null,
      scope: { levelId?: string | null; organisationId?: string | null } = {},
    ) =>
      r('POST', `/admin/indicators/${encodeURIComponent(id)}/confidentiality`, { confidentiality, ...scope }),
    levels: () => r<{ levels: Level[] }>('GET', '/levels').then((l) => l.levels),
    providers: (query: URLSearchParams) =>
      r<{ total: number; providers: DirectoryProvider[] }>('GET', `/admin/providers?${query}`),
    linkProvider: (id: string, organisationId: string) =>
      r<DirectoryProvider>('POST', `/admin/providers/${encodeURIComponent(id)}/organisation`, {
        organisationId,
      }),
    unlinkProvider: (id: string) => r('DELETE', `/admin/providers/${encodeURIComponent(id)}/organisation`),
    setRule: (id: string, rule: unknown) =>
      r('POST', `/admin/indicators/${encodeURIComponent(id)}/disclosure-rule`, { rule }),
    audit: (query: URLSearchParams) => r<{ total: number; events: AuditEvent[] }>('GET', `/audit?${query}`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/**
 * The server's complaints per field: zod issues (`details: [{ path, message }]`) and disclosure rule
 * problems (`details.fields`, those of the whole rule under `rule`); the whole message is under `''`.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof RequestFailed))
    return { '': error instanceof Error ? error.message : String(error) };
  const out: Record<string, string> = {};
  const details = error.details as
    { path?: string; message?: string }[] | { fields?: Record<string, string[]> } | null;
  if (Array.isArray(details)) {
    for (const d of details) if (d.path !== undefined) out[d.path.replace(/^rule\./, '')] = d.message ?? '';
  } else if (details?.fields) {
    for (const [field, problems] of Object.entries(details.fields)) out[field] = problems.join('; ');
  }
  out[''] = error.message;
  return out;
}
