import { DomainError } from '@lagebild/core';
import { z } from 'zod';
import { linkOf, listProviders, providerOrFail } from '../admin/directory-providers.ts';
import { defineRoute } from '../http/route.ts';

const TAGS = ['Administration'];
const idParams = z.object({ id: z.string().min(1) });

const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    entries: z.number().describe('Directory entries (services not withdrawn) the Träger runs.'),
    organisationId: z.string().nullable().describe('The provider organisation whose editors edit them.'),
    linkedAt: z.string().nullable(),
  })
  .meta({ id: 'DirectoryProviderLink' });
const linkSchema = z.object({ providerId: z.string(), organisationId: z.string().nullable() });

/**
 * Träger (directory providers) and the provider organisations linked to them: the editors of an
 * organisation of kind `provider` edit exactly the Wegweiser entries of its linked Träger.
 */
export const adminProviderRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/providers',
    operationId: 'listDirectoryProviders',
    summary: 'The Träger of the Wegweiser with their number of entries and linked organisation',
    description:
      '`q` finds a part of the name or the id (case ignored); `organisationId` keeps the Träger linked to it. Ordered by name.',
    tags: TAGS,
    permission: 'admin:manage',
    query: z.object({
      q: z.string().trim().max(200).optional(),
      organisationId: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    response: z.object({ total: z.number(), providers: z.array(providerSchema) }),
    handler: async ({ query, ctx }) => {
      const found = await listProviders(ctx.store, { q: query.q, organisationId: query.organisationId });
      return { total: found.length, providers: found.slice(0, query.limit) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/providers/{id}/organisation',
    operationId: 'linkDirectoryProvider',
    summary: "Link a Träger to a provider organisation, so that organisation's editors edit its entries",
    description:
      'Replaces an earlier link. An organisation of another kind than `provider` is `400 ValidationFailed`.',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: z.object({ organisationId: z.string().trim().min(1) }),
    response: providerSchema,
    handler: async ({ params, body, ctx, request }) => {
      const before = await linkOf(ctx.store, params.id);
      // The store refuses an unknown Träger or organisation, and an organisation of another kind.
      await ctx.store.directoryEditorial.linkProvider(params.id, body.organisationId);
      const provider = await providerOrFail(ctx.store, params.id);
      await ctx.audit.record(request, {
        action: 'provider.link',
        targetType: 'provider',
        targetId: params.id,
        summary: `Träger ${provider.name} (${params.id}) linked to organisation ${body.organisationId}`,
        before: { providerId: params.id, organisationId: before?.organisationId ?? null },
        after: { providerId: params.id, organisationId: body.organisationId },
      });
      return provider;
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/admin/providers/{id}/organisation',
    operationId: 'unlinkDirectoryProvider',
    summary: 'Remove the link of a Träger to its organisation; its entries are then edited by reviewers only',
    description: 'A Träger linked to no organisation is `400 ValidationFailed`.',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    response: linkSchema,
    handler: async ({ params, ctx, request }) => {
      const before = await linkOf(ctx.store, params.id);
      if (!before)
        throw new DomainError('ValidationFailed', `Träger "${params.id}" is not linked to any organisation.`);
      const provider = await providerOrFail(ctx.store, params.id);
      await ctx.store.directoryEditorial.unlinkProvider(params.id);
      await ctx.audit.record(request, {
        action: 'provider.unlink',
        targetType: 'provider',
        targetId: params.id,
        summary: `Träger ${provider.name} (${params.id}) no longer linked to organisation ${before.organisationId}`,
        before: { providerId: params.id, organisationId: before.organisationId },
        after: { providerId: params.id, organisationId: null },
      });
      return { providerId: params.id, organisationId: null };
    },
  }),
];
