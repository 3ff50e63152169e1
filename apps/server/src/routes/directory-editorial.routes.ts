import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import {
  changeSchema,
  changesQuerySchema,
  editorialEntriesQuerySchema,
  editorialEntriesResponseSchema,
  editorialEntrySchema,
  historyResponseSchema,
  newEntryBodySchema,
  proposeBodySchema,
  providersResponseSchema,
  reportBodySchema,
  reportResponseSchema,
  reviewBodySchema,
} from './directory-editorial.schemas.ts';

const tags = ['Wegweiser editorial'];
const entryParams = z.object({ id: z.string().min(1).max(200) });
const changeParams = z.object({ id: z.string().min(1).max(100) });

/**
 * The editorial side of the Wegweiser: provider editors maintain the entries of their Träger,
 * reviewers publish or reject what they propose, citizens report what is missing or wrong.
 */
export const directoryEditorialRoutes = [
  defineRoute({
    method: 'GET',
    path: '/directory/editorial/entries',
    operationId: 'listEditorialEntries',
    summary: 'The entries the caller maintains, with verification flags',
    description:
      'Provider editors: the services of the Träger linked to their organisation; reviewers: every entry. `due=true` keeps the entries not verified within `directoryVerifyMonths` months.',
    tags,
    permission: 'directory:edit',
    query: editorialEntriesQuerySchema,
    response: editorialEntriesResponseSchema,
    handler: async ({ query, ctx, principal }) => {
      const all = await ctx.editorial.entries(principal, { q: query.q });
      const listed = query.due ? all.filter((e) => e.verificationDue) : all;
      return {
        total: listed.length,
        dueTotal: all.filter((e) => e.verificationDue).length,
        reviewer: ctx.editorial.isReviewer(principal),
        verifyMonths: ctx.editorial.verifyMonths,
        items: listed.slice(query.offset, query.offset + query.limit),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/directory/editorial/entries',
    operationId: 'proposeNewDirectoryEntry',
    summary: 'Propose a new service with its facility (published after review)',
    description:
      'Provider editors for their own Träger only (403 otherwise; `providerId` chooses when there are several), reviewers for any. Checked field by field (`ValidationFailed` with `details.fields`: the editable fields, `providerId`, `categoryId`, the address and `lat`/`lon`). Without coordinates the address is geocoded when a geocoder is configured. Publishing creates the facility and the service, published and verified today.',
    tags,
    permission: 'directory:edit',
    body: newEntryBodySchema,
    response: changeSchema,
    status: 201,
    handler: async ({ body, ctx, principal, request }) => {
      const search = ctx.addressSearch;
      const change = await ctx.editorial.proposeNew(principal, body, {
        categories: ctx.directory.config.categories,
        geocode: search
          ? async (address) => {
              const answer = await search.search(address, 1, 'de');
              return 'error' in answer ? answer : (answer.places[0] ?? null);
            }
          : null,
      });
      await ctx.audit.record(request, {
        action: 'directory.new',
        targetType: 'service',
        // The published service takes the change's id.
        targetId: change.id,
        summary: `Proposed a new entry ${change.serviceName ?? ''} for ${change.providerName ?? 'a Träger'} (change ${change.id}, ${change.status})`,
        after: { ...change.fields, placement: change.placement },
      });
      return change;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/editorial/providers',
    operationId: 'listEditorialProviders',
    summary: 'The Träger the caller may propose new entries for',
    tags,
    permission: 'directory:edit',
    response: providersResponseSchema,
    handler: async ({ ctx, principal }) => ({ items: await ctx.editorial.providers(principal) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/editorial/entries/{id}',
    operationId: 'getEditorialEntry',
    summary: 'One entry with its editable fields',
    tags,
    permission: 'directory:edit',
    params: entryParams,
    response: editorialEntrySchema,
    handler: async ({ params, ctx, principal }) => ctx.editorial.entry(principal, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/directory/editorial/entries/{id}/changes',
    operationId: 'proposeDirectoryChange',
    summary: 'Propose a change to an entry (published after review; a bare verification at once)',
    description:
      '`edit` with the changed fields (checked field by field: `ValidationFailed` with `details.fields`), `withdraw`, or `verify` (the entry is still right: published at once, last verified becomes today).',
    tags,
    permission: 'directory:edit',
    params: entryParams,
    body: proposeBodySchema,
    response: changeSchema,
    status: 201,
    handler: async ({ params, body, ctx, principal, request }) => {
      const change = await ctx.editorial.propose(principal, params.id, body);
      await ctx.audit.record(request, {
        action: `directory.${change.kind}`,
        targetType: 'service',
        targetId: change.serviceId,
        summary: `${change.kind === 'verify' ? 'Verified' : 'Proposed a change to'} ${change.serviceName ?? change.serviceId} (change ${change.id}, ${change.status})`,
        before: change.base,
        after: change.fields,
      });
      return change;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/editorial/entries/{id}/history',
    operationId: 'getDirectoryEntryHistory',
    summary: 'Every import and published change of an entry, oldest first, with before and after',
    tags,
    permission: 'directory:edit',
    params: entryParams,
    response: historyResponseSchema,
    handler: async ({ params, ctx, principal }) => ({
      items: await ctx.editorial.history(principal, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/editorial/changes',
    operationId: 'listDirectoryChanges',
    summary: 'Change requests: the whole queue for reviewers, their own for editors',
    tags,
    permission: 'directory:edit',
    query: changesQuerySchema,
    response: z.object({ items: z.array(changeSchema) }),
    handler: async ({ query, ctx, principal }) => ({
      items: await ctx.editorial.changes(principal, query.status),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/directory/editorial/changes/{id}/publish',
    operationId: 'publishDirectoryChange',
    summary: 'Publish a pending change (a report: mark it as dealt with)',
    description:
      '`Conflict` (409) when the entry changed since the change was proposed, with `details.fields`; send `overrideConflict: true` after checking.',
    tags,
    permission: 'directory:review',
    params: changeParams,
    body: reviewBodySchema,
    response: changeSchema,
    handler: async ({ params, body, ctx, principal, request }) => {
      const change = await ctx.editorial.publish(principal, params.id, body);
      await ctx.audit.record(request, {
        action: 'directory.publish',
        targetType: 'service',
        targetId: change.serviceId,
        summary: `Published change ${change.id} (${change.kind}) of ${change.serviceName ?? change.serviceId ?? 'a report'}`,
        before: change.before,
        after: change.after,
      });
      return change;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/directory/editorial/changes/{id}/reject',
    operationId: 'rejectDirectoryChange',
    summary: 'Reject a pending change, with a note to its submitter',
    tags,
    permission: 'directory:review',
    params: changeParams,
    body: reviewBodySchema,
    response: changeSchema,
    handler: async ({ params, body, ctx, principal, request }) => {
      const change = await ctx.editorial.reject(principal, params.id, body.note ?? null);
      await ctx.audit.record(request, {
        action: 'directory.reject',
        targetType: 'service',
        targetId: change.serviceId,
        summary: `Rejected change ${change.id} (${change.kind}) of ${change.serviceName ?? change.serviceId ?? 'a report'}`,
        after: { status: change.status, reviewNote: change.reviewNote },
      });
      return change;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/directory/reports',
    operationId: 'reportToDirectory',
    summary: 'Report a missing service or a correction (checked by the editors before anything is published)',
    description:
      'Anonymous allowed. At most 5 reports per hour from one address (`TooManyAttempts`, 429). Reports wait in the moderation queue and are never published by themselves.',
    tags: ['Wegweiser'],
    permission: 'directory:report',
    body: reportBodySchema,
    response: reportResponseSchema,
    status: 202,
    handler: async ({ body, request, ctx }) => {
      const report = await ctx.reports.submit(body, request.ip);
      // A report filled in by a bot (honeypot) is dropped silently and leaves no trace either.
      if (report)
        await ctx.audit.record(request, {
          action: 'directory.report',
          targetType: 'service',
          targetId: report.serviceId,
          summary: `Report ${report.id} received for ${report.serviceId ?? 'a missing service'}`,
        });
      return {
        received: true as const,
        message: 'Danke! Ihre Meldung wird von der Redaktion geprüft, bevor etwas veröffentlicht wird.',
      };
    },
  }),
];
