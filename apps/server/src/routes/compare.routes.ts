import { z } from 'zod';
import { MISSING_REASONS, OBSERVATION_STATUSES } from '@lagebild/core';
import { defineRoute } from '../http/route.ts';
import { indicatorSchema } from '../http/schemas.ts';

/** The comparison page's one request: several areas across several indicators and over time. */

export const MAX_COMPARED_AREAS = 12;
export const MAX_COMPARED_INDICATORS = 12;

const list = (what: string, max: number) =>
  z
    .string()
    .transform((text) => [...new Set(text.split(',').map((part) => part.trim()))].filter((p) => p !== ''))
    .pipe(
      z.array(z.string()).min(1, `name at least one ${what}`).max(max, `at most ${max} ${what}s at once`),
    );

const outcome = z
  .enum(['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'])
  .describe(
    'better/similar/worse (higher/similar/lower for neutral indicators) when the confidence interval lies wholly on one side of the reference; `not_compared` without an interval.',
  );

const reference = z.object({
  role: z.enum(['level', 'parent']),
  level: z.string(),
  key: z.string().nullable().describe('null for the whole level.'),
  name: z.string().nullable(),
  value: z.number().nullable(),
  basis: z
    .enum(['stored', 'aggregated', 'pooled', 'weighted_mean', 'mean', 'derived'])
    .describe(
      '`pooled`: Σ numerator / Σ denominator; `weighted_mean`, `mean`: over the level; `derived`: the formula applied on the parent level.',
    ),
});

const status = z.enum([...OBSERVATION_STATUSES, 'nodata']);

export const compareAreasSchema = z
  .object({
    level: z.string(),
    period: z.string().nullable().describe('The period asked for; null: each indicator at its latest.'),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string().nullable(),
        parentKey: z.string().nullable(),
        parentName: z.string().nullable(),
      }),
    ),
    indicators: z.array(
      z.object({
        indicator: indicatorSchema,
        periods: z.array(z.string()).describe('Periods with values on the level, ascending.'),
        period: z
          .string()
          .nullable()
          .describe('The period shown: the one asked for, else the latest before it; null if none.'),
        method: z.object({
          interval: z.enum(['wilson', 'poisson', 'none']),
          benchmark: z.enum(['ci-overlap', 'quantiles']),
          confidence: z.number(),
        }),
        references: z.array(reference).describe('The whole level first, then each distinct parent area.'),
        values: z.array(
          z.object({
            areaKey: z.string(),
            value: z.number().nullable(),
            status: status.describe('`nodata`: no observation for the area in the period.'),
            missingReason: z.enum(MISSING_REASONS).nullable(),
            numerator: z.number().nullable(),
            denominator: z.number().nullable(),
            lower: z.number().nullable(),
            upper: z.number().nullable(),
            outcome: outcome.describe('Against the whole level.'),
            parentOutcome: outcome.describe("Against the area's parent area."),
            quintile: z
              .number()
              .nullable()
              .describe('Quintile among all areas of the level; 1 = worst (lowest for neutral indicators).'),
          }),
        ),
        series: z.array(
          z.object({
            areaKey: z.string(),
            values: z.array(
              z.object({
                period: z.string(),
                value: z.number().nullable(),
                status: z.enum(OBSERVATION_STATUSES),
                missingReason: z.enum(MISSING_REASONS).nullable(),
              }),
            ),
          }),
        ),
      }),
    ),
    warnings: z.record(z.string(), z.number()),
    dataVersion: z.string(),
  })
  .meta({ id: 'AreaComparison' });

export const compareRoutes = [
  defineRoute({
    method: 'GET',
    path: '/compare',
    operationId: 'compareSelectedAreas',
    summary: 'Several areas of one level side by side across several indicators and over time',
    description:
      'For each indicator: the value of each area at the period (or the latest before it), the reference values of the whole level and of the parent areas, whether each area differs significantly from them (Wilson or Poisson intervals where numerator and denominator are known), its quintile among all areas of the level, and each area’s time series. Derived indicators are computed from their formula.',
    tags: ['Analysis'],
    permission: 'data:read',
    query: z.object({
      level: z.string().describe('Level id, e.g. `berlin-plr`.'),
      areas: list('area', MAX_COMPARED_AREAS).describe(
        `Area keys, comma-separated (at most ${MAX_COMPARED_AREAS}).`,
      ),
      indicators: list('indicator', MAX_COMPARED_INDICATORS).describe(
        `Indicator ids, comma-separated (at most ${MAX_COMPARED_INDICATORS}).`,
      ),
      period: z
        .string()
        .optional()
        .describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: each indicator at its latest period.'),
      confidence: z
        .enum(['95', '99.8'])
        .default('95')
        .describe('Confidence level of the intervals, in percent.'),
    }),
    response: compareAreasSchema,
    handler: async ({ query, analysis }) =>
      (await analysis()).compareAreas({
        level: query.level,
        areas: query.areas,
        indicators: query.indicators,
        period: query.period,
        confidence: query.confidence === '95' ? 0.95 : 0.998,
      }),
  }),
];
