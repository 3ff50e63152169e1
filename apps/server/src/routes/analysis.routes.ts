import { z } from 'zod';
import { parseWarningRules } from '@lagebild/analysis';
import { defineRoute } from '../http/route.ts';
import {
  correlationsSchema,
  indexResultSchema,
  presetSchema,
  typologySchema,
  warningsSchema,
} from './analysis.schemas.ts';

/** Composite indices, early warnings, correlations and typologies over several indicators. */

const period = z.string().describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.');
const indicatorList = z
  .string()
  .describe('Indicator ids, comma-separated, e.g. `mss_s1,mss_s3,mss_s4`.')
  .transform((text) =>
    text
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );

export const analysisRoutes = [
  defineRoute({
    method: 'GET',
    path: '/indices',
    operationId: 'listIndexPresets',
    summary: 'The composite index presets: components, classes and the periods of each version',
    tags: ['Analysis'],
    permission: 'data:read',
    response: z.object({ presets: z.array(presetSchema) }),
    handler: async ({ analysis }) => ({ presets: (await analysis()).presets() }),
  }),
  defineRoute({
    method: 'GET',
    path: '/indices/{preset}',
    operationId: 'getIndexResult',
    summary: 'A composite index per area: score, class, exclusion with reason, explanation',
    description:
      'The preset version is chosen by the period. Without `level` the finest level on which the first component has values for the period is used (the Planungsräume for the Berlin MSS). A cross class (MSS Gesamtindex) lists the classes of its parts instead of a score.',
    tags: ['Analysis'],
    permission: 'data:read',
    params: z.object({ preset: z.string().describe('Preset id, e.g. `berlin-mss-status`.') }),
    query: z.object({ period, level: z.string().optional().describe('Level id, e.g. `berlin-plr`.') }),
    response: indexResultSchema,
    handler: async ({ params, query, analysis }) =>
      (await analysis()).indexResult(params.preset, { period: query.period, level: query.level }),
  }),
  defineRoute({
    method: 'GET',
    path: '/analysis/warnings',
    operationId: 'getWarnings',
    summary: 'Early warning: the areas flagged by the configured rules, each with every reason',
    tags: ['Analysis'],
    permission: 'data:read',
    query: z.object({
      rules: z.string().optional().describe('Only these configured rule ids, comma-separated.'),
      period: period.optional().describe("Evaluate as of this period; default: each indicator's latest."),
    }),
    response: warningsSchema,
    handler: async ({ query, analysis }) =>
      (await analysis()).warnings({
        rules: query.rules?.split(',').map((id) => id.trim()),
        period: query.period,
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/analysis/warnings',
    operationId: 'evaluateWarnings',
    summary: 'Evaluates rules given in the request (same format as demo/warnings.yaml)',
    description: 'Nothing is stored; the body is a trial of rules before they are configured.',
    tags: ['Analysis'],
    permission: 'data:read',
    body: z.object({
      rules: z.array(z.record(z.string(), z.unknown())).min(1).describe('Rules as in a warning rule file.'),
      period: period.optional(),
    }),
    response: warningsSchema,
    handler: async ({ body, analysis }) =>
      (await analysis()).warnings({ rules: parseWarningRules(body.rules), period: body.period }),
  }),
  defineRoute({
    method: 'GET',
    path: '/analysis/correlations',
    operationId: 'getCorrelations',
    summary: 'Correlations between indicators across the areas of a level (pairwise complete)',
    tags: ['Analysis'],
    permission: 'data:read',
    query: z.object({
      indicators: indicatorList,
      level: z.string().describe('Level id.'),
      period: period.optional().describe('Default: the latest period all indicators share.'),
      method: z.enum(['pearson', 'spearman']).default('pearson'),
    }),
    response: correlationsSchema,
    handler: async ({ query, analysis }) => (await analysis()).correlations(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/analysis/typology',
    operationId: 'getTypology',
    summary: 'An area typology: k-means on z-standardised indicators, reproducible by seed',
    tags: ['Analysis'],
    permission: 'data:read',
    query: z.object({
      indicators: indicatorList,
      level: z.string().describe('Level id.'),
      period: period.optional().describe('Default: the latest period all indicators share.'),
      k: z.coerce.number().int().min(1).max(20).describe('Number of clusters.'),
      seed: z.coerce.number().int().default(1).describe('Seed of the k-means++ start.'),
    }),
    response: typologySchema,
    handler: async ({ query, analysis }) => (await analysis()).typology(query),
  }),
];
