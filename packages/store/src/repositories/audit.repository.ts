import { DomainError } from '@lagebild/core';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import {
  AUDIT_VIA,
  withoutSecrets,
  type AuditEvent,
  type AuditPage,
  type AuditQuery,
  type AuditStore,
  type NewAuditEvent,
} from '../audit.ts';
import type { AuditEventsTable } from '../audit-schema.ts';
import { parseJson, stableJson } from '../json.ts';
import type { Database } from '../schema.ts';

type Row = Omit<AuditEventsTable, 'id'> & { id: number };
type Query = SelectQueryBuilder<Database, 'audit_events', object>;

/** The audit trail: rows are inserted, never changed. */
export class AuditRepository implements AuditStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async record(event: NewAuditEvent): Promise<AuditEvent> {
    if (!(AUDIT_VIA as readonly string[]).includes(event.via))
      throw new DomainError('ValidationFailed', `Unknown audit channel "${event.via}".`);
    if (!event.action.trim() || !event.targetType.trim())
      throw new DomainError('ValidationFailed', 'An audit event needs an action and a target type.');
    const values: Omit<Row, 'id'> = {
      at: event.at ?? this.now().toISOString(),
      actor_user_id: event.actorUserId ?? null,
      actor_login: event.actorLogin ?? null,
      actor_organisation_id: event.actorOrganisationId ?? null,
      via: event.via,
      action: event.action,
      target_type: event.targetType,
      target_id: event.targetId ?? null,
      summary: event.summary,
      before: jsonOrNull(event.before),
      after: jsonOrNull(event.after),
      ip: event.ip ?? null,
      search_text: searchText(event),
    };
    const { id } = await this.db
      .insertInto('audit_events')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return toEvent({ ...values, id: Number(id) });
  }

  async search(query: AuditQuery): Promise<AuditPage> {
    const filtered = this.#filter(this.db.selectFrom('audit_events'), query);
    const { count } = await filtered
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .executeTakeFirstOrThrow();
    const rows = await filtered
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset ?? 0)
      .execute();
    return { total: Number(count), events: rows.map((r) => toEvent({ ...r, id: Number(r.id) })) };
  }

  #filter(base: Query, query: AuditQuery): Query {
    let q = base;
    const text = query.text?.trim().toLowerCase();
    if (text) q = q.where(sql<boolean>`search_text like ${`%${escapeLike(text)}%`} escape '\\'`);
    if (query.actorUserId) q = q.where('actor_user_id', '=', query.actorUserId);
    if (query.action?.endsWith('.'))
      q = q.where(sql<boolean>`action like ${`${escapeLike(query.action)}%`} escape '\\'`);
    else if (query.action) q = q.where('action', '=', query.action);
    if (query.targetType) q = q.where('target_type', '=', query.targetType);
    if (query.targetId) q = q.where('target_id', '=', query.targetId);
    if (query.from) q = q.where('at', '>=', query.from);
    if (query.to) q = q.where('at', '<', query.to);
    return q;
  }
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : stableJson(withoutSecrets(value));
}

function searchText(event: NewAuditEvent): string {
  return [event.summary, event.action, event.targetType, event.targetId, event.actorLogin]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n')
    .toLowerCase();
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toEvent(row: Row): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLogin: row.actor_login,
    actorOrganisationId: row.actor_organisation_id,
    via: row.via as AuditEvent['via'],
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    before: parseJson(row.before),
    after: parseJson(row.after),
    ip: row.ip,
  };
}
