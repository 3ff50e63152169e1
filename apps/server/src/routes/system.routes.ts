import { z } from 'zod';
import { defineRoute } from '../http/route.ts';

export const systemRoutes = [
  defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness and the store engine in use',
    tags: ['System'],
    permission: 'system:read',
    response: z.object({
      status: z.literal('ok'),
      version: z.string(),
      store: z.enum(['sqlite', 'postgres']),
    }),
    handler: async ({ ctx }) => ({ status: 'ok' as const, version: ctx.version, store: ctx.store.dialect }),
  }),
];
