import { DomainError } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import {
  newOrganisationBody,
  organisationChangesBody,
  organisationSchema,
  publicOrganisation,
} from './admin.schemas.ts';

const TAGS = ['Administration'];
const idParams = z.object({ id: z.string().min(1) });

/** Organisations (Kreis, Gemeinden, departments, providers) that users belong to. */
export const adminOrganisationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/organisations',
    operationId: 'listOrganisations',
    summary: 'All organisations, ordered by id',
    tags: TAGS,
    permission: 'admin:manage',
    response: z.array(organisationSchema),
    handler: async ({ ctx }) => (await ctx.store.accounts.listOrganisations()).map(publicOrganisation),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/organisations',
    operationId: 'createOrganisation',
    summary: 'Create an organisation',
    tags: TAGS,
    permission: 'admin:manage',
    status: 201,
    body: newOrganisationBody,
    response: organisationSchema,
    handler: async ({ body, ctx, request }) => {
      const created = publicOrganisation(await ctx.store.accounts.createOrganisation(body));
      await ctx.audit.record(request, {
        action: 'organisation.create',
        targetType: 'organisation',
        targetId: created.id,
        summary: `Organisation ${created.id} (${created.name}) created`,
        after: created,
      });
      return created;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/organisations/{id}',
    operationId: 'updateOrganisation',
    summary: 'Change the name, kind or parent of an organisation',
    description: 'Fields left out stay as they are; `parentId: null` removes the parent. Cycles are refused.',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: organisationChangesBody,
    response: organisationSchema,
    handler: async ({ params, body, ctx, request }) => {
      const before = await organisationOrFail(ctx.store, params.id);
      const after = publicOrganisation(await ctx.store.accounts.updateOrganisation(params.id, body));
      await ctx.audit.record(request, {
        action: 'organisation.update',
        targetType: 'organisation',
        targetId: after.id,
        summary: `Organisation ${after.id} (${after.name}) changed`,
        before,
        after,
      });
      return after;
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/admin/organisations/{id}',
    operationId: 'deleteOrganisation',
    summary: 'Delete an organisation no user and no organisation belongs to',
    description: '`409 Conflict` naming the users (or organisations) that still belong to it.',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    response: z.object({ deleted: z.string() }),
    handler: async ({ params, ctx, request }) => {
      const before = await organisationOrFail(ctx.store, params.id);
      await ctx.store.accounts.deleteOrganisation(params.id);
      await ctx.audit.record(request, {
        action: 'organisation.delete',
        targetType: 'organisation',
        targetId: before.id,
        summary: `Organisation ${before.id} (${before.name}) deleted`,
        before,
      });
      return { deleted: before.id };
    },
  }),
];

async function organisationOrFail(store: Store, id: string) {
  const found = (await store.accounts.listOrganisations()).find((o) => o.id === id);
  if (!found) throw new DomainError('OrganisationNotFound', `No organisation "${id}".`);
  return publicOrganisation(found);
}
