import { z } from 'zod';
import { DomainError, type IndicatorDefinition, type StoredObservation } from '@lagebild/core';
import { cacheKey, type AnalysisService, type DerivedQuery } from '@lagebild/analysis';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../http/route.ts';
import { coverageSchema, indicatorSchema, valueSchema } from '../http/schemas.ts';
import { requireLevel } from './levels.routes.ts';

const idParams = z.object({ id: z.string().describe('Indicator id, e.g. `population_total`.') });
const levelQuery = z.string().describe('Level id, e.g. `kreis`.');

export const indicatorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/indicators',
    operationId: 'listIndicators',
    summary: 'The indicator catalogue with metadata and coverage per level',
    tags: ['Indicators'],
    permission: 'data:read',
    query: z.object({
      topic: z.string().optional().describe('Only this topic (Lebenslage/Handlungsfeld).'),
      q: z.string().optional().describe('Search in name, description and id.'),
    }),
    response: z.object({
      indicators: z.array(indicatorSchema.extend({ coverage: z.array(coverageSchema) })),
    }),
    handler: async ({ query, analysis }) => {
      const data = await analysis();
      const all = await data.reads.listIndicators();
      const selected = all.filter((i) => (!query.topic || i.topic === query.topic) && matches(i, query.q));
      const indicators = await Promise.all(
        selected.map(async (i) => ({ ...i, coverage: await coverageOf(data, i) })),
      );
      return { indicators };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}',
    operationId: 'getIndicator',
    summary: 'One indicator: its current definition, earlier versions and coverage',
    tags: ['Indicators'],
    permission: 'data:read',
    params: idParams,
    response: indicatorSchema.extend({
      versions: z.array(indicatorSchema),
      coverage: z.array(coverageSchema),
    }),
    handler: async ({ params, analysis }) => {
      const data = await analysis();
      const indicator = await requireIndicator(data, params.id);
      return {
        ...indicator,
        versions: await data.reads.listIndicatorVersions(params.id),
        coverage: await coverageOf(data, indicator),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/periods',
    operationId: 'listPeriods',
    summary: 'Periods with values on a level, ascending',
    tags: ['Indicators'],
    permission: 'data:read',
    params: idParams,
    query: z.object({ level: levelQuery }),
    response: z.object({ periods: z.array(z.string()) }),
    handler: async ({ params, query, ctx, analysis }) => {
      const data = await analysis();
      const indicator = await requireIndicator(data, params.id);
      await requireLevel(ctx, query.level);
      return { periods: await data.reads.listPeriods(indicator.id, query.level) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/values',
    operationId: 'getValues',
    summary: 'Values of an indicator for all areas of a level in one period',
    description:
      'Without `period` the latest period with values is used. Missing values carry their reason; they are never 0. ' +
      'Derived indicators (with a `formula`) are computed from their inputs in the same level and period.',
    tags: ['Indicators'],
    permission: 'data:read',
    params: idParams,
    query: z.object({
      level: levelQuery,
      period: z.string().optional().describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: the latest.'),
    }),
    response: z.object({
      indicator: indicatorSchema,
      level: z.string(),
      period: z.string().nullable(),
      values: z.array(valueSchema),
    }),
    handler: async ({ params, query, ctx, analysis }) => {
      const data = await analysis();
      const indicator = await requireIndicator(data, params.id);
      await requireLevel(ctx, query.level);
      const period = query.period ?? (await data.reads.listPeriods(indicator.id, query.level)).at(-1) ?? null;
      if (period === null) return { indicator, level: query.level, period, values: [] };
      const [values, names] = await Promise.all([
        indicator.formula === null
          ? data.reads.getValues({ indicatorId: params.id, levelId: query.level, period })
          : derivedValues(data, params.id, { level: query.level, period }),
        areaNames(ctx, data, query.level),
      ]);
      return {
        indicator,
        level: query.level,
        period,
        values: values.map((v) => ({ ...v, areaName: names.get(v.areaKey) ?? null })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/series',
    operationId: 'getSeries',
    summary: 'Time series of an indicator for one area',
    tags: ['Indicators'],
    permission: 'data:read',
    params: idParams,
    query: z.object({ level: levelQuery, area: z.string().describe('Area key.') }),
    response: z.object({
      indicator: indicatorSchema,
      level: z.string(),
      area: z.string(),
      areaName: z.string().nullable(),
      values: z.array(valueSchema),
    }),
    handler: async ({ params, query, ctx, analysis }) => {
      const data = await analysis();
      const indicator = await requireIndicator(data, params.id);
      await requireLevel(ctx, query.level);
      const area = await ctx.store.getArea(query.level, query.area);
      const series =
        indicator.formula === null
          ? await data.reads.getSeries(params.id, query.level, query.area)
          : await derivedValues(data, params.id, { level: query.level, area: query.area });
      if (!area && series.length === 0) {
        throw new DomainError('AreaNotFound', `No area "${query.area}" on level "${query.level}".`);
      }
      const areaName = area?.name ?? null;
      return {
        indicator,
        level: query.level,
        area: query.area,
        areaName,
        values: series.map((v) => ({ ...v, areaName })),
      };
    },
  }),
];

/** An indicator the principal may not see is unknown to it, like one that does not exist. */
async function requireIndicator(data: AnalysisService, id: string): Promise<IndicatorDefinition> {
  const indicator = await data.reads.getIndicator(id);
  if (!indicator) throw new DomainError('IndicatorNotFound', `No indicator "${id}" in the catalogue.`);
  return indicator;
}

async function coverageOf(data: AnalysisService, indicator: IndicatorDefinition) {
  if (indicator.formula === null) return data.reads.countObservations(indicator.id);
  return (await data.derivedCoverage(indicator.id)).coverage;
}

async function derivedValues(
  data: AnalysisService,
  indicatorId: string,
  query: DerivedQuery,
): Promise<(StoredObservation & { derived: true })[]> {
  const { values } = await data.derivedValues(indicatorId, query);
  return values.map((v) => ({ ...v, derived: true as const }));
}

/** Names of all areas a level ever had, so values of older territorial versions keep their names. */
async function areaNames(
  ctx: AppContext,
  data: AnalysisService,
  levelId: string,
): Promise<Map<string, string>> {
  // Read once per level and data version: for 11,000 Gemeinden it was half of every values request.
  return ctx.responses.get(cacheKey('area-names', { levelId }), await data.dataVersion(), async () => {
    const areas = await data.reads.listAreas(levelId);
    return new Map(areas.map((a) => [a.key, a.name]));
  });
}

function matches(indicator: IndicatorDefinition, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase('de');
  return [
    indicator.id,
    indicator.name,
    indicator.nameEn ?? '',
    indicator.description ?? '',
    indicator.topic,
  ].some((text) => text.toLocaleLowerCase('de').includes(needle));
}
