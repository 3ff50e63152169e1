import { z } from 'zod';
import { pyramidForArea, pyramidSummary, requirePyramid } from '@lagebild/analysis';
import { defineRoute } from '../http/route.ts';

/** Population pyramids: age bands by sex, as configured (setting `pyramids`, demo/pyramids.yaml). */

const band = z.object({
  label: z.string(),
  labelEn: z.string().nullable(),
  ageFrom: z.number().describe('First age of the band, in years.'),
  ageTo: z.number().nullable().describe('First age after the band; null for the open last band.'),
  male: z.string().describe('Indicator id of the male count.'),
  female: z.string().describe('Indicator id of the female count.'),
});

const definition = {
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  openBandTo: z
    .number()
    .nullable()
    .describe('The age up to which the open last band is drawn (its persons are spread over these years).'),
};

const side = z.object({
  count: z.number().nullable().describe('Persons of the band and sex.'),
  perYear: z.number().nullable().describe('count / years: persons per year of age.'),
  share: z.number().nullable().describe('Percent of the whole population of the area.'),
  sharePerYear: z
    .number()
    .nullable()
    .describe('share / years: the bar length, so the bar area is proportional to the persons.'),
});

const pyramidSummarySchema = z
  .object({
    ...definition,
    bands: z.array(band),
    levels: z
      .array(z.object({ levelId: z.string(), periods: z.array(z.string()) }))
      .describe('The levels on which every band indicator has values, with the periods of the first band.'),
  })
  .meta({ id: 'PyramidSummary' });

const pyramidResultSchema = z
  .object({
    pyramid: z.object(definition),
    level: z.string(),
    area: z.object({ key: z.string(), name: z.string() }),
    period: z.string(),
    bands: z.array(
      z.object({
        label: z.string(),
        labelEn: z.string().nullable(),
        ageFrom: z.number(),
        ageTo: z.number().nullable(),
        drawTo: z.number().describe('Where the bar ends on the age axis (`openBandTo` for the open band).'),
        years: z.number().describe('drawTo − ageFrom.'),
        male: side,
        female: side,
      }),
    ),
    total: z.number().nullable().describe('Sum of all bands; null when a band is missing.'),
    male: z.number().nullable(),
    female: z.number().nullable(),
    missing: z
      .array(
        z.object({
          band: z.string(),
          sex: z.enum(['male', 'female']),
          indicator: z.string(),
          reason: z.string().nullable(),
        }),
      )
      .describe('Band counts without a value; while any is missing, shares are null.'),
  })
  .meta({ id: 'PyramidResult' });

export const pyramidRoutes = [
  defineRoute({
    method: 'GET',
    path: '/pyramids',
    operationId: 'listPyramids',
    summary: 'The configured population pyramids: age bands, their indicators and the levels with values',
    tags: ['Analysis'],
    permission: 'data:read',
    response: z.object({ pyramids: z.array(pyramidSummarySchema) }),
    handler: async ({ ctx, analysis }) => {
      const { reads } = await analysis();
      return { pyramids: await Promise.all(ctx.pyramids.map((p) => pyramidSummary(reads, p))) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/pyramids/{id}',
    operationId: 'getPyramid',
    summary: 'The population pyramid of one area: counts by age band and sex, per year of age and as shares',
    description:
      'Bands are of unequal width (e.g. `unter 3`, `10 bis unter 15`, `90 und mehr`). `sharePerYear` (percent of the whole population per year of age) drawn over `years` gives bars whose area is proportional to the persons; `share` and `count` are the band totals.',
    tags: ['Analysis'],
    permission: 'data:read',
    params: z.object({ id: z.string().describe('Pyramid id, e.g. `altersaufbau-21`.') }),
    query: z.object({
      level: z.string().describe('Level id, e.g. `kreis`.'),
      key: z.string().describe('Area key, e.g. `09175`.'),
      period: z
        .string()
        .optional()
        .describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: the latest with values on the level.'),
    }),
    response: pyramidResultSchema,
    handler: async ({ params, query, ctx, analysis }) =>
      pyramidForArea((await analysis()).reads, requirePyramid(ctx.pyramids, params.id), {
        level: query.level,
        key: query.key,
        period: query.period,
      }),
  }),
];
