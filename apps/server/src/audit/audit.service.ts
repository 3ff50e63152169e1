import type { FastifyRequest } from 'fastify';
import type { AuditEvent, AuditVia, Store } from '@lagebild/store';

/** What a route knows about a change; the service adds who, from where and how. */
export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Who acted, for changes without an HTTP request (e.g. a sign-in whose user is known only later). */
export interface AuditActor {
  userId: string;
  login: string;
  organisationId: string | null;
}

/**
 * Records changes in the audit trail with the actor taken from the request: the signed-in user and
 * whether a session (web) or an API token authenticated it; `null` for changes the system makes.
 */
export class AuditService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  record(request: FastifyRequest | null, entry: AuditEntry, actor?: AuditActor): Promise<AuditEvent> {
    const user = request?.auth.user ?? null;
    const who =
      actor ?? (user && { userId: user.id, login: user.login, organisationId: user.organisationId });
    return this.#store.audit.record({
      ...entry,
      actorUserId: who?.userId ?? null,
      actorLogin: who?.login ?? null,
      actorOrganisationId: who?.organisationId ?? null,
      via: viaOf(request),
      ip: request?.ip ?? null,
    });
  }
}

function viaOf(request: FastifyRequest | null): AuditVia {
  if (!request) return 'system';
  return request.auth.token ? 'api-token' : 'web';
}
