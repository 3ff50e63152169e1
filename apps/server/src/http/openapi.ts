import { z } from 'zod';
import type { AnyRoute } from './route.ts';

export const API_PREFIX = '/api/v1';

const errorSchema = z
  .object({
    code: z.string().describe('Stable error code, e.g. AreaNotFound, ImportInvalid.'),
    message: z.string().describe('What went wrong, for people.'),
    details: z
      .unknown()
      .describe('Structured details: validation problems, import report, conflicting batches.'),
  })
  .meta({ id: 'Error' });

/** The OpenAPI 3.1 document, generated from the route specs (never written by hand). */
export function buildOpenApi(routes: AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${API_PREFIX}${route.path}`;
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lagebild API',
      version,
      description:
        'Data hub of Lagebild: spatial levels, areas, indicator catalogue, observations and imports.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    paths,
    components: { schemas: { Error: jsonSchema(errorSchema) } },
  };
}

function operation(route: AnyRoute): Record<string, unknown> {
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    'x-permission': route.permission,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body) } },
          },
        }
      : {}),
    ...(route.multipart ? { requestBody: multipartBody(route.multipart) } : {}),
    responses: {
      [String(route.status ?? 200)]: {
        description: 'Success',
        content: responseContent(route),
      },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

function responseContent(route: AnyRoute): Record<string, unknown> {
  const types =
    typeof route.produces === 'string' ? [route.produces] : (route.produces ?? ['application/json']);
  const schema = jsonSchema(route.response);
  return Object.fromEntries(types.map((type) => [type, { schema }]));
}

function parameters(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    return {
      name,
      in: where,
      required: where === 'path' || !fieldSchema.safeParse(undefined).success,
      ...(fieldSchema.description ? { description: fieldSchema.description } : {}),
      schema: jsonSchema(fieldSchema, 'input'),
    };
  });
}

function multipartBody(multipart: NonNullable<AnyRoute['multipart']>): unknown {
  const properties: Record<string, unknown> = {};
  for (const [name, description] of Object.entries(multipart.fields))
    properties[name] = { type: 'string', description };
  for (const [name, description] of Object.entries(multipart.files)) {
    properties[name] = { type: 'array', items: { type: 'string', format: 'binary' }, description };
  }
  return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties } } } };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
