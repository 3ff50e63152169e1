/** How a change reached Lagebild. */
export const AUDIT_VIA = ['web', 'api-token', 'cli', 'system'] as const;
export type AuditVia = (typeof AUDIT_VIA)[number];

/** One recorded change: who, when, what, and the state before and after it (secrets removed). */
export interface AuditEvent {
  id: number;
  /** ISO time. */
  at: string;
  /** null for the anonymous (e.g. a failed sign-in), the CLI and the system. */
  actorUserId: string | null;
  actorLogin: string | null;
  actorOrganisationId: string | null;
  via: AuditVia;
  /** Dotted, e.g. `user.create`, `auth.login_failed`, `import.apply`. */
  action: string;
  /** What was changed, e.g. `user`, `organisation`, `batch`, `indicator`. */
  targetType: string;
  targetId: string | null;
  /** One line for people, e.g. `User anna created (planner)`. */
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** What a caller records; `at` defaults to the store's clock. */
export interface NewAuditEvent {
  at?: string;
  actorUserId?: string | null;
  actorLogin?: string | null;
  actorOrganisationId?: string | null;
  via: AuditVia;
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditQuery {
  /** Case-insensitive, within summary, action, target type and id, and the actor's login. */
  text?: string;
  actorUserId?: string;
  /** An exact action, or a prefix ending in a dot (`user.` for every user action). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO times; `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset?: number;
}

export interface AuditPage {
  /** How many events match, whatever the paging. */
  total: number;
  /** Newest first. */
  events: AuditEvent[];
}

/** The audit trail (`store.audit`): append-only. */
export interface AuditStore {
  record(event: NewAuditEvent): Promise<AuditEvent>;
  search(query: AuditQuery): Promise<AuditPage>;
}

/** Keys whose values never enter the trail, at whatever depth they occur. */
const SECRET_KEY =
  /^(password|passwordHash|password_hash|secret|secretHash|secret_hash|token|csrfToken|csrf_token|bearer|idHash|id_hash)$/i;

/** A copy of `value` without secrets (password hashes, tokens), for before/after. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!SECRET_KEY.test(key)) out[key] = withoutSecrets(v);
  return out;
}
