import { z } from 'zod';
import { parseReference } from '@lagebild/analysis';
import { defineRoute } from '../http/route.ts';
import { aggregateSchema, compareSchema, transitionsSchema, trendSchema } from './analysis.schemas.ts';

/** Analyses of one indicator: benchmark comparison, aggregation, trend and class transitions. */

const idParams = z.object({ id: z.string().describe('Indicator id, e.g. `alq_alle`.') });
const level = z.string().describe('Level id, e.g. `kreis`.');
const period = z.string().describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.');

export const indicatorAnalysisRoutes = [
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/compare',
    operationId: 'compareAreas',
    summary: 'Each area against a reference, with confidence intervals where the indicator allows',
    description:
      'Shares with numerator and denominator get Wilson intervals, rates and counts with numerator and denominator exact/Byar Poisson limits; an area is better/worse only when its whole interval lies on one side of the reference (polarity decides which word). Indicators without counts get quantile groups instead (`method.benchmark: quantiles`).',
    tags: ['Analysis'],
    permission: 'data:read',
    params: idParams,
    query: z.object({
      level,
      period: period.optional().describe('Default: the latest period with values.'),
      reference: z
        .string()
        .default('level')
        .describe(
          "`level` (the level's own aggregate, default), `parent` (each area's parent area) or `<level>:<key>` (one area, e.g. `land:01`).",
        ),
      confidence: z
        .enum(['95', '99.8'])
        .default('95')
        .describe('Confidence level of the intervals, in percent.'),
      groups: z.coerce.number().int().min(2).max(20).default(5).describe('Number of quantile groups.'),
    }),
    response: compareSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).compare(params.id, {
        level: query.level,
        period: query.period,
        reference: parseReference(query.reference),
        confidence: query.confidence === '95' ? 0.95 : 0.998,
        groups: query.groups,
      }),
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/aggregate',
    operationId: 'aggregateIndicator',
    summary: 'Aggregates an indicator from one level to a coarser one by its aggregation rule',
    description:
      'Along the parent keys of the areas when the levels nest (through intermediate levels), else along the stored correspondences. `sum` adds up, `ratio` re-derives from numerator and denominator, `weighted_mean` is flagged `estimated`, `none` is not aggregated. Stored values of the target level are shown beside the computed ones.',
    tags: ['Analysis'],
    permission: 'data:read',
    params: idParams,
    query: z.object({
      from: z.string().describe('The finer level, e.g. `gemeinde`.'),
      to: z.string().describe('The coarser level, e.g. `kreis`.'),
      period: period.optional().describe('Default: the latest period with values on `from`.'),
    }),
    response: aggregateSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).aggregate(params.id, {
        fromLevel: query.from,
        toLevel: query.to,
        period: query.period,
      }),
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/trend',
    operationId: 'getTrend',
    summary: 'Change, annual growth and the recent trend marker of one area',
    tags: ['Analysis'],
    permission: 'data:read',
    params: idParams,
    query: z.object({
      level,
      area: z.string().describe('Area key.'),
      periods: z.coerce
        .number()
        .int()
        .min(1)
        .default(1)
        .describe('Change over this many periods back from the latest.'),
    }),
    response: trendSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).trend(params.id, { level: query.level, area: query.area, periods: query.periods }),
  }),
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/class-transitions',
    operationId: 'getClassTransitions',
    summary: 'How areas moved between the classes of a class indicator from one period to another',
    tags: ['Analysis'],
    permission: 'data:read',
    params: idParams,
    query: z.object({
      level,
      from: period.describe('The earlier period.'),
      to: period.describe('The later period.'),
    }),
    response: transitionsSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).classTransitions(params.id, { level: query.level, from: query.from, to: query.to }),
  }),
];
