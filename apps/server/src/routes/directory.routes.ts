import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURES,
  DomainError,
  isPolygonal,
  LIFE_PHASES,
  searchDirectory,
  type AccessibilityFeature,
  type DirectoryQuery,
  type LifePhase,
} from '@lagebild/core';
import type { AppContext } from '../app-context.ts';
import { directoryCsv, directoryGeoJson } from '../directory/directory-export.ts';
import { toDirectoryItem } from '../directory/directory-items.ts';
import { withTravel } from '../directory/with-travel.ts';
import { defineRoute } from '../http/route.ts';
import {
  categoriesResponseSchema,
  directoryItemSchema,
  exportQuerySchema,
  searchQuerySchema,
  searchResponseSchema,
  type DirectoryFilterQuery,
} from './directory.schemas.ts';

const LIFE_PHASE_NAMES: Record<LifePhase, { name: string; nameEn: string }> = {
  childhood: { name: 'Kindheit', nameEn: 'Childhood' },
  youth: { name: 'Jugend', nameEn: 'Youth' },
  'family-and-working-life': { name: 'Familien- und Berufsphase', nameEn: 'Family and working life' },
  'after-working-life': { name: 'Nachberufliche Phase', nameEn: 'After working life' },
};

const tags = ['Wegweiser'];

export const directoryRoutes = [
  defineRoute({
    method: 'GET',
    path: '/directory/categories',
    operationId: 'listDirectoryCategories',
    summary: 'The category tree of the service directory, with target groups and life phases',
    tags,
    permission: 'directory:read',
    response: categoriesResponseSchema,
    handler: async ({ ctx }) => {
      const index = await ctx.directory.index();
      const counts: Record<string, number> = {};
      const uncategorised: Record<string, number> = {};
      for (const e of index.entries) {
        for (const id of e.categories) counts[id] = (counts[id] ?? 0) + 1;
        const id = e.entry.service.categoryId;
        if (!index.categories.has(id)) uncategorised[id] = (uncategorised[id] ?? 0) + 1;
      }
      const tree = ctx.directory.config.categories;
      return {
        categories: tree.categories.map((c) => ({ ...c, count: counts[c.id] ?? 0 })),
        targetGroups: tree.targetGroups,
        lifePhases: LIFE_PHASES.map((id) => ({ id, ...LIFE_PHASE_NAMES[id] })),
        accessibilityFeatures: [...ACCESSIBILITY_FEATURES],
        uncategorised,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/services',
    operationId: 'searchDirectory',
    summary: 'Search the published services: text, filters, area, radius',
    description:
      'Text search forgives typos (1 edit in words of 4–7 letters, 2 from 8), knows German word forms and the configured synonyms. With `lat`/`lon` the results are sorted nearest first and carry `distanceKm` (great circle, mean Earth radius 6371.0088 km); `radiusKm` keeps only those within it. Without a point: best text match first, else by name. With a point and a routing service (setting `routingUrl`) the items of the page also carry `travel` per profile; when the service fails or is too slow, `travelError` says so and the straight-line distances remain.',
    tags,
    permission: 'directory:read',
    query: searchQuerySchema,
    response: searchResponseSchema,
    handler: async ({ query, ctx }) => {
      const index = await ctx.directory.index();
      const filters = await toDirectoryQuery(ctx, query);
      const result = searchDirectory(index, { ...filters, limit: query.limit, offset: query.offset });
      const { items, travelError } = await withTravel(
        ctx.travelTimes,
        filters.near,
        result.items.map((h) => toDirectoryItem(h.entry, index.categories, h.distanceKm)),
      );
      return {
        total: result.total,
        limit: query.limit,
        offset: query.offset,
        items,
        ...(travelError === undefined ? {} : { travelError }),
        facets: result.facets,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/services.csv',
    operationId: 'exportDirectoryCsv',
    summary: 'The published services as CSV (open data), with source and date on every row',
    tags,
    permission: 'directory:read',
    query: exportQuerySchema,
    response: z.string(),
    produces: 'text/csv; charset=utf-8',
    handler: async ({ query, ctx, reply }) => {
      const { items, exportedAt } = await exportItems(ctx, query);
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="lagebild_wegweiser_${exportedAt}.csv"`);
      return directoryCsv(items, query.locale, exportedAt);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/services.geojson',
    operationId: 'exportDirectoryGeoJson',
    summary: 'The published services as GeoJSON points (open data), with their sources',
    tags,
    permission: 'directory:read',
    query: exportQuerySchema.omit({ locale: true }),
    response: z.unknown(),
    produces: 'application/geo+json',
    handler: async ({ query, ctx, reply }) => {
      const { items, exportedAt } = await exportItems(ctx, query);
      void reply.type('application/geo+json');
      return directoryGeoJson(items, exportedAt);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/directory/services/{id}',
    operationId: 'getDirectoryService',
    summary: 'One published service with its facility, provider and source',
    tags,
    permission: 'directory:read',
    params: z.object({ id: z.string().describe('Service id, e.g. `berlin-kitas:01010010`.') }),
    response: directoryItemSchema,
    handler: async ({ params, ctx }) => {
      const index = await ctx.directory.index();
      const entry = index.entryById(params.id);
      if (!entry)
        throw new DomainError('ServiceNotFound', `No published service "${params.id}".`, { id: params.id });
      return toDirectoryItem(entry, index.categories);
    },
  }),
];

/** The request's filters as a core query; the area comes from the store. */
async function toDirectoryQuery(ctx: AppContext, query: DirectoryFilterQuery): Promise<DirectoryQuery> {
  const hasPoint = query.lat !== undefined || query.lon !== undefined;
  if (hasPoint && (query.lat === undefined || query.lon === undefined))
    throw new DomainError('ValidationFailed', 'give both lat and lon', { lat: query.lat, lon: query.lon });
  return {
    text: query.q,
    category: query.category,
    targetGroup: query.targetGroup,
    lifePhase: query.lifePhase,
    language: query.language,
    accessibility: accessibility(query.accessible),
    within: await areaGeometry(ctx, query.level, query.area),
    near: hasPoint ? { lat: query.lat!, lon: query.lon! } : undefined,
    radiusKm: query.radiusKm,
  };
}

function accessibility(value: string | undefined): AccessibilityFeature[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const features = value
    .split(',')
    .map((f) => f.trim())
    .map((f) => (f === 'true' ? 'wheelchair' : f));
  for (const f of features) {
    if (!(ACCESSIBILITY_FEATURES as readonly string[]).includes(f))
      throw new DomainError(
        'ValidationFailed',
        `accessible: unknown feature "${f}"; known: ${ACCESSIBILITY_FEATURES.join(', ')} (or true)`,
        { accessible: value },
      );
  }
  return features as AccessibilityFeature[];
}

async function areaGeometry(ctx: AppContext, level: string | undefined, key: string | undefined) {
  if (level === undefined && key === undefined) return undefined;
  if (level === undefined || key === undefined)
    throw new DomainError('ValidationFailed', 'give both level and area to search inside an area', {
      level,
      area: key,
    });
  const area = await ctx.store.getArea(level, key);
  if (!area)
    throw new DomainError('AreaNotFound', `No area "${key}" on level "${level}".`, { level, area: key });
  if (!isPolygonal(area.geometry))
    throw new DomainError('ValidationFailed', `Area "${key}" on level "${level}" has no polygon geometry.`, {
      level,
      area: key,
    });
  return area.geometry;
}

async function exportItems(ctx: AppContext, query: DirectoryFilterQuery) {
  const index = await ctx.directory.index();
  const filters = await toDirectoryQuery(ctx, query);
  const result = searchDirectory(index, { ...filters, limit: index.size }, { maxLimit: index.size });
  return {
    items: result.items.map((h) => toDirectoryItem(h.entry, index.categories, h.distanceKm)),
    exportedAt: new Date().toISOString().slice(0, 10),
  };
}
