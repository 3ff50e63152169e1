import { z } from 'zod';
import { directlyStandardisedRates, indirectlyStandardisedRates } from '@lagebild/analysis';
import { defineRoute } from '../http/route.ts';

/**
 * Age-standardised rates for data a planner brings along (e.g. cases of need of care by age band per
 * Kreis): nothing is stored, the engine's DSR (Dobson) and ISR (exact/Byar) are applied to the body.
 */

const count = z.number().nonnegative().nullable().describe('Events in the band; null counts as 0.');
const population = z.number().nullable().describe('Persons in the band.');
const band = z.object({ count, population });
const group = z.object({
  id: z.string().min(1).describe('Area key or any label of the group.'),
  name: z.string().optional(),
  bands: z.array(band).min(1).describe('One entry per age band, in the order of the standard/reference.'),
});
const confidence = z
  .union([z.literal(95), z.literal(99.8)])
  .default(95)
  .describe('Confidence level in percent.');

const reason = z
  .string()
  .nullable()
  .describe('Why there is no estimate (e.g. `too-few-events`: a DSR needs 10 events); null otherwise.');
const estimate = {
  id: z.string(),
  name: z.string().nullable(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  reason,
};

export const standardisationRoutes = [
  defineRoute({
    method: 'POST',
    path: '/analysis/dsr',
    operationId: 'directlyStandardisedRates',
    summary: 'Directly standardised rates with Dobson limits for groups given band by band',
    description:
      'The standard population is the European Standard Population 2013 (19 five-year bands, 0–4 … 90+), 1976 (18 bands, … 85+) or custom weights. As in Fingertips, no rate is given below 10 events.',
    tags: ['Analysis'],
    permission: 'data:read',
    body: z.object({
      groups: z.array(group).min(1).max(20_000),
      standard: z
        .union([z.enum(['esp2013', 'esp1976']), z.array(z.number().nonnegative()).min(1)])
        .default('esp2013'),
      confidence,
      multiplier: z.number().positive().default(100_000),
    }),
    response: z
      .object({
        standard: z.object({
          name: z.string(),
          bands: z.array(z.string()).nullable(),
          weights: z.array(z.number()),
        }),
        confidence: z.number(),
        multiplier: z.number(),
        results: z.array(
          z.object({
            ...estimate,
            totalCount: z.number().nullable(),
            totalPopulation: z.number().nullable(),
          }),
        ),
      })
      .meta({ id: 'DirectlyStandardisedRates' }),
    handler: async ({ body }) =>
      directlyStandardisedRates({ ...body, confidence: body.confidence === 95 ? 0.95 : 0.998 }),
  }),
  defineRoute({
    method: 'POST',
    path: '/analysis/isr',
    operationId: 'indirectlyStandardisedRates',
    summary: 'Indirectly standardised ratios or rates against a reference, band by band',
    description:
      'Expected events apply the reference rates of each band to the group population; limits are exact below 10 observed events and Byar above. `ratio`: observed/expected × 100; `rate`: × the crude reference rate.',
    tags: ['Analysis'],
    permission: 'data:read',
    body: z.object({
      groups: z.array(group).min(1).max(20_000),
      reference: z.array(band).min(1).describe('The reference (e.g. the Land) band by band.'),
      kind: z.enum(['ratio', 'rate']).default('ratio'),
      confidence,
      multiplier: z.number().positive().optional(),
    }),
    response: z
      .object({
        kind: z.enum(['ratio', 'rate']),
        confidence: z.number(),
        multiplier: z.number(),
        results: z.array(
          z.object({
            ...estimate,
            observed: z.number().nullable(),
            expected: z.number().nullable(),
            method: z.enum(['exact', 'byars']).nullable(),
          }),
        ),
      })
      .meta({ id: 'IndirectlyStandardisedRates' }),
    handler: async ({ body }) =>
      indirectlyStandardisedRates({ ...body, confidence: body.confidence === 95 ? 0.95 : 0.998 }),
  }),
];
