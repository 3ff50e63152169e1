import { z } from 'zod';
import { DomainError, type Geometry } from '@lagebild/core';
import type { StoredArea } from '@lagebild/store';
import { simplifyGeometry } from '@lagebild/core';
import { cacheKey } from '@lagebild/analysis';
import { defineRoute } from '../http/route.ts';
import { featureCollectionSchema, levelSchema } from '../http/schemas.ts';
import type { AppContext } from '../app-context.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .describe('Territorial status (Gebietsstand) as of this date.');
const levelParams = z.object({ level: z.string().describe('Level id, e.g. `kreis`, `berlin-plr`.') });

export const levelRoutes = [
  defineRoute({
    method: 'GET',
    path: '/levels',
    operationId: 'listLevels',
    summary: 'Spatial levels (Raumebenen) with their number of areas',
    tags: ['Areas'],
    permission: 'data:read',
    query: z.object({ at: isoDate.optional() }),
    response: z.object({ levels: z.array(levelSchema) }),
    handler: async ({ query, ctx }) => {
      const [levels, counts] = await Promise.all([ctx.store.listLevels(), ctx.store.countAreas(query.at)]);
      return { levels: levels.map((level) => ({ ...level, areaCount: counts.get(level.id) ?? 0 })) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/levels/{level}/areas',
    operationId: 'listAreas',
    summary: 'Areas of a level as GeoJSON (key, name, parent, validity)',
    tags: ['Areas'],
    permission: 'data:read',
    params: levelParams,
    query: z.object({
      at: isoDate.optional(),
      geometry: z.enum(['true', 'false']).default('true').describe('Include geometries.'),
      simplify: z.coerce
        .number()
        .min(0)
        .max(0.1)
        .optional()
        .describe('Simplify geometries with this tolerance in degrees (e.g. 0.001 ≈ 100 m).'),
      parent: z.string().optional().describe('Only areas inside this parent area key.'),
    }),
    response: featureCollectionSchema,
    produces: 'application/geo+json',
    description:
      'The answer carries the data version as a weak ETag: a client that sends it back in If-None-Match gets 304 until an import or undo changes the data.',
    handler: async ({ params, query, ctx, request, reply }) => {
      await requireLevel(ctx, params.level);
      // Reading, simplifying and serializing the geometry of 11,000 Gemeinden costs more than
      // anything else the atlas asks for: it is done once per data version, and browsers revalidate.
      const version = await ctx.analysis.unrestricted.dataVersion();
      const etag = `W/"${version}"`;
      void reply.type('application/geo+json').header('ETag', etag).header('Cache-Control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return ctx.responses.get(cacheKey('areas', { level: params.level, query }), version, async () => {
        const areas = await ctx.store.listAreas(params.level, {
          at: query.at,
          withGeometry: query.geometry === 'true',
          parentKey: query.parent,
        });
        const features = areas.map((a) => toFeature(a, query.simplify));
        return JSON.stringify({ type: 'FeatureCollection', features });
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/levels/{level}/areas/{key}',
    operationId: 'getArea',
    summary: 'One area with its geometry',
    tags: ['Areas'],
    permission: 'data:read',
    params: levelParams.extend({ key: z.string() }),
    query: z.object({ at: isoDate.optional() }),
    response: z.unknown(),
    produces: 'application/geo+json',
    handler: async ({ params, query, ctx, reply }) => {
      await requireLevel(ctx, params.level);
      const area = await ctx.store.getArea(params.level, params.key, query.at);
      if (!area) throw new DomainError('AreaNotFound', `No area "${params.key}" on level "${params.level}".`);
      void reply.type('application/geo+json');
      return {
        ...toFeature(area, undefined),
        properties: {
          ...featureProperties(area),
          attributes: area.attributes,
          predecessors: area.predecessors,
          sourceCrs: area.sourceCrs,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/levels/{level}/correspondences',
    operationId: 'listCorrespondences',
    summary: 'Weighted correspondences from the areas of this level to those of another',
    description:
      'Between levels that do not nest (e.g. school catchments and Stadtteile) or territorial versions; the weight is the share of the `from` area in the `to` area.',
    tags: ['Areas'],
    permission: 'data:read',
    params: levelParams,
    query: z.object({ to: z.string().describe('The other level id.') }),
    response: z.object({
      correspondences: z.array(
        z.object({
          fromLevelId: z.string(),
          fromKey: z.string(),
          toLevelId: z.string(),
          toKey: z.string(),
          weight: z.number(),
          basis: z.string(),
        }),
      ),
    }),
    handler: async ({ params, query, ctx }) => {
      await requireLevel(ctx, params.level);
      await requireLevel(ctx, query.to);
      return { correspondences: await ctx.store.listCorrespondences(params.level, query.to) };
    },
  }),
];

export async function requireLevel(ctx: AppContext, levelId: string): Promise<void> {
  if (!(await ctx.store.getLevel(levelId))) {
    const known = (await ctx.store.listLevels()).map((l) => l.id).join(', ');
    throw new DomainError(
      'LevelNotFound',
      `No spatial level "${levelId}". Known levels: ${known || 'none'}.`,
    );
  }
}

function toFeature(area: StoredArea, tolerance: number | undefined) {
  const geometry: Geometry | null =
    area.geometry && tolerance ? simplifyGeometry(area.geometry, tolerance) : area.geometry;
  return { type: 'Feature' as const, id: area.key, geometry, properties: featureProperties(area) };
}

function featureProperties(area: StoredArea) {
  return {
    key: area.key,
    name: area.name,
    parentKey: area.parentKey,
    validFrom: area.validFrom,
    validTo: area.validTo,
  };
}
