import { z } from 'zod';
import { keepAnAdmin, checkPassword, rolesChanged, userOrFail } from '../admin/account-rules.ts';
import { hashPassword } from '../auth/password.ts';
import { defineRoute } from '../http/route.ts';
import { adminUser, adminUserSchema, newUserBody, passwordBody, userChangesBody } from './admin.schemas.ts';

const TAGS = ['Administration'];
const idParams = z.object({ id: z.string().min(1) });

/** Local user accounts: roles, organisation, topics and areas; passwords and lock-outs. */
export const adminUserRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/users',
    operationId: 'listUsers',
    summary: 'All users with roles, organisation and lock-out state, ordered by login',
    tags: TAGS,
    permission: 'admin:manage',
    response: z.array(adminUserSchema),
    handler: async ({ ctx }) => (await ctx.store.accounts.listUsers()).map(adminUser),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users',
    operationId: 'createUser',
    summary: 'Create a user with an initial password',
    description:
      'The password must pass the password policy (at least 12 characters, not the login, not common).',
    tags: TAGS,
    permission: 'admin:manage',
    status: 201,
    body: newUserBody,
    response: adminUserSchema,
    handler: async ({ body, ctx, request }) => {
      checkPassword(body.login, body.password);
      const created = adminUser(
        await ctx.store.accounts.createUser({
          login: body.login,
          displayName: body.displayName,
          passwordHash: await hashPassword(body.password),
          roles: body.roles,
          organisationId: body.organisationId ?? null,
          topics: body.topics,
          areas: body.areas,
        }),
      );
      await ctx.audit.record(request, {
        action: 'user.create',
        targetType: 'user',
        targetId: created.id,
        summary: `User ${created.login} created (${created.roles.join(', ')})`,
        after: created,
      });
      return created;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users/{id}',
    operationId: 'updateUser',
    summary: 'Change display name, roles, organisation, topics or areas of a user',
    description:
      "Fields left out stay as they are. A change of roles ends the user's sessions. Taking the role admin from the last administrator is refused (409).",
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: userChangesBody,
    response: adminUserSchema,
    handler: async ({ params, body, ctx, request }) => {
      const before = await userOrFail(ctx.store, params.id);
      await keepAnAdmin(ctx.store, before, body.roles ?? before.roles);
      const after = adminUser(await ctx.store.accounts.updateUser(params.id, body));
      if (rolesChanged(before.roles, body.roles)) await ctx.store.accounts.deleteSessionsOfUser(params.id);
      await ctx.audit.record(request, {
        action: 'user.update',
        targetType: 'user',
        targetId: after.id,
        summary: `User ${after.login} changed`,
        before: adminUser(before),
        after,
      });
      return after;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users/{id}/password',
    operationId: 'setUserPassword',
    summary: 'Set a new password for a user; clears a lock-out',
    description: "The user's other sessions end (an administrator setting their own keeps the current one).",
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    body: passwordBody,
    response: adminUserSchema,
    handler: async ({ params, body, ctx, request }) => {
      const before = await userOrFail(ctx.store, params.id);
      checkPassword(before.login, body.password);
      const after = adminUser(
        await ctx.store.accounts.setPassword(params.id, await hashPassword(body.password)),
      );
      if (request.auth.user?.id !== params.id) await ctx.store.accounts.deleteSessionsOfUser(params.id);
      await ctx.audit.record(request, {
        action: 'user.password',
        targetType: 'user',
        targetId: after.id,
        summary: `New password set for ${after.login}`,
        before: adminUser(before),
        after,
      });
      return after;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users/{id}/unlock',
    operationId: 'unlockUser',
    summary: 'Clear the failed sign-ins and lock-out of a user',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    response: adminUserSchema,
    handler: async ({ params, ctx, request }) => {
      const before = await userOrFail(ctx.store, params.id);
      await ctx.store.accounts.clearFailedLogins(params.id);
      const after = adminUser(await userOrFail(ctx.store, params.id));
      await ctx.audit.record(request, {
        action: 'user.unlock',
        targetType: 'user',
        targetId: after.id,
        summary: `User ${after.login} unlocked`,
        before: adminUser(before),
        after,
      });
      return after;
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/admin/users/{id}',
    operationId: 'deleteUser',
    summary: 'Delete a user with their sessions and API tokens',
    description: 'Deleting the last administrator is refused (409).',
    tags: TAGS,
    permission: 'admin:manage',
    params: idParams,
    response: z.object({ deleted: z.string() }),
    handler: async ({ params, ctx, request }) => {
      const before = await userOrFail(ctx.store, params.id);
      await keepAnAdmin(ctx.store, before, null);
      await ctx.store.accounts.deleteUser(params.id);
      await ctx.audit.record(request, {
        action: 'user.delete',
        targetType: 'user',
        targetId: before.id,
        summary: `User ${before.login} deleted`,
        before: adminUser(before),
      });
      return { deleted: before.id };
    },
  }),
];
