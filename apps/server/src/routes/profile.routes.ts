import { z } from 'zod';
import { MISSING_REASONS, OBSERVATION_STATUSES } from '@lagebild/core';
import { defineRoute } from '../http/route.ts';
import { indicatorRefSchema } from './analysis.schemas.ts';

/** The area profile (Gebietsprofil): one area against its references, indicator by indicator. */

const status = z
  .enum([...OBSERVATION_STATUSES, 'nodata'])
  .describe('`nodata`: the area has no observation in the period, while other areas of the level have.');
const missingReason = z.enum(MISSING_REASONS).nullable();
const levelRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() });
const point = z.object({
  period: z.string(),
  value: z.number().nullable(),
  status,
  missingReason,
});

const profileIndicator = z.object({
  indicator: indicatorRefSchema.extend({
    nameEn: z.string().nullable(),
    topic: z.string(),
    source: z.string().nullable(),
    derived: z.boolean().describe('Computed from a formula over other indicators.'),
  }),
  period: z
    .string()
    .nullable()
    .describe("The period of the figures: the profile's, or the latest before it; null when none."),
  periodIsEarlier: z.boolean(),
  value: z.number().nullable(),
  status,
  missingReason,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  references: z
    .array(
      z.object({
        level: z.string(),
        key: z.string(),
        value: z.number().nullable(),
        status,
        missingReason,
        basis: z
          .enum(['stored', 'derived', 'aggregated'])
          .nullable()
          .describe('`aggregated`: the parent only, computed from its children when nothing is stored.'),
      }),
    )
    .describe('One per ancestor, in the order of `ancestors` (parent first).'),
  distribution: z
    .object({
      count: z.number(),
      min: z.number(),
      p25: z.number(),
      median: z.number(),
      p75: z.number(),
      max: z.number(),
    })
    .nullable()
    .describe('Over all areas of the level in `period`; quartiles by `method.quantiles`.'),
  comparison: z.object({
    reference: z.literal('parent'),
    outcome: z.enum(['better', 'similar', 'worse', 'higher', 'lower', 'not_compared']),
    method: z.enum(['wilson', 'poisson', 'none']),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    limits: z.enum(['wilson', 'exact', 'byars']).nullable(),
  }),
  quintile: z
    .number()
    .nullable()
    .describe('Among the areas of the level: 1 = worst (lowest for neutral indicators) … 5 = best.'),
  series: z.object({ area: z.array(point), parent: z.array(point) }),
});

export const profileSchema = z
  .object({
    level: levelRef,
    area: z.object({ key: z.string(), name: z.string(), parentKey: z.string().nullable() }),
    ancestors: z.array(z.object({ level: levelRef, key: z.string(), name: z.string() })),
    requestedPeriod: z.string().nullable(),
    period: z.string().nullable(),
    periods: z.array(z.string()),
    topics: z.array(z.object({ topic: z.string(), indicators: z.array(profileIndicator) })),
    method: z.object({
      quantiles: z.string(),
      comparison: z.string(),
      confidence: z.number(),
      period: z.string(),
    }),
    dataVersion: z.string(),
  })
  .meta({ id: 'AreaProfile' });

export const profileRoutes = [
  defineRoute({
    method: 'GET',
    path: '/levels/{level}/areas/{key}/profile',
    operationId: 'getAreaProfile',
    summary: 'Area profile: every indicator of one area against its parent, ancestors and level',
    description:
      "For every indicator with values on the level (stored or derived), grouped by topic: the area's value in the period " +
      "(or the indicator's latest period before it, `period` says which), the values of its ancestors, the spread over all " +
      'areas of the level (count, min, quartiles, median, max), the comparison with the parent by confidence interval ' +
      'where numerator and denominator allow it, the quintile among the areas, and the time series of the area and its parent.',
    tags: ['Analysis'],
    permission: 'data:read',
    params: z.object({
      level: z.string().describe('Level id, e.g. `berlin-plr`.'),
      key: z.string().describe('Area key, e.g. `01011101`.'),
    }),
    query: z.object({
      period: z
        .string()
        .optional()
        .describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: the latest period of any indicator.'),
    }),
    response: profileSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).areaProfile({ level: params.level, area: params.key, period: query.period }),
  }),
];
