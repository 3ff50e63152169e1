import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { auditEventSchema } from './admin.schemas.ts';

const isoTime = z.iso.datetime({ offset: true }).or(z.iso.date());

/** The audit trail, searchable by administrators and the statistics office. */
export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/audit',
    operationId: 'searchAudit',
    summary: 'Search the audit trail, newest first',
    description:
      '`text` searches summary, action, target and login, ignoring case. `action` is exact, or a prefix ending in "." (`user.`). `from`/`to` are ISO dates or times (`from` inclusive, `to` exclusive).',
    tags: ['Audit'],
    permission: 'audit:read',
    query: z.object({
      text: z.string().trim().max(200).optional(),
      user: z.string().min(1).optional().describe("The acting user's id."),
      action: z.string().trim().min(1).max(100).optional(),
      targetType: z.string().min(1).optional(),
      targetId: z.string().min(1).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ total: z.number(), events: z.array(auditEventSchema) }),
    handler: async ({ query, ctx }) =>
      ctx.store.audit.search({
        text: query.text || undefined,
        actorUserId: query.user,
        action: query.action,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from && toIso(query.from),
        to: query.to && toIso(query.to),
        limit: query.limit,
        offset: query.offset,
      }),
  }),
];

/** Stored times are UTC ISO text, so a bound must be one as well to compare as text. */
function toIso(value: string): string {
  return new Date(value).toISOString();
}
