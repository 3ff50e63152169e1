import { z } from 'zod';
import {
  AGGREGATION_RULES,
  CONFIDENTIALITY_CLASSES,
  INDICATOR_KINDS,
  LEVEL_KINDS,
  MISSING_REASONS,
  OBSERVATION_STATUSES,
  POLARITIES,
} from '@lagebild/core';

/** Response schemas: documented in the OpenAPI document and shared by the routes. */
export const levelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(LEVEL_KINDS),
    parentLevelId: z.string().nullable(),
    sortOrder: z.number(),
    description: z.string().nullable(),
    areaCount: z.number().describe('Areas valid today (or at `at`).'),
  })
  .meta({ id: 'Level' });

export const indicatorSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    name: z.string(),
    nameEn: z.string().nullable(),
    topic: z.string(),
    description: z.string().nullable(),
    unit: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    ratePer: z.number().nullable(),
    numeratorId: z.string().nullable(),
    denominatorId: z.string().nullable(),
    aggregation: z.enum(AGGREGATION_RULES),
    weightId: z.string().nullable(),
    polarity: z.enum(POLARITIES),
    source: z.string().nullable(),
    updateCycle: z.string().nullable(),
    referenceDate: z.string().nullable(),
    confidentiality: z.enum(CONFIDENTIALITY_CLASSES),
    decimals: z.number(),
    notes: z.string().nullable(),
    formula: z
      .string()
      .nullable()
      .describe('Derived indicators: the formula over other indicator ids; values are computed from it.'),
  })
  .meta({ id: 'Indicator' });

export const coverageSchema = z.object({ levelId: z.string(), periods: z.number(), values: z.number() });

export const valueSchema = z
  .object({
    areaKey: z.string(),
    areaName: z.string().nullable(),
    period: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    status: z.enum(OBSERVATION_STATUSES),
    missingReason: z.enum(MISSING_REASONS).nullable(),
    batchId: z
      .number()
      .nullable()
      .describe('The import batch the value came from; null for values of derived indicators.'),
    derived: z
      .literal(true)
      .optional()
      .describe('Present on values computed from the formula of a derived indicator.'),
    pooledFrom: z
      .string()
      .optional()
      .describe(
        'Present on multi-period totals (disclosure rule `poolPeriods`): the first period of the block; `period` is its last.',
      ),
    pooledPeriods: z.number().optional().describe('How many periods a multi-period total spans.'),
  })
  .meta({ id: 'Value' });

export const featureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.unknown().nullable(),
        properties: z.object({
          key: z.string(),
          name: z.string(),
          parentKey: z.string().nullable(),
          validFrom: z.string().nullable(),
          validTo: z.string().nullable(),
        }),
      }),
    ),
  })
  .meta({ id: 'AreaCollection' });

const countsSchema = z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() });
const directoryCountsSchema = countsSchema.extend({
  withdrawn: z.number().describe('Entries of the source missing from this delivery, now withdrawn.'),
});
export const diffSchema = z.object({
  levels: countsSchema,
  areas: countsSchema,
  correspondences: countsSchema,
  indicators: countsSchema,
  observations: countsSchema,
  directory: z
    .object({
      sources: countsSchema,
      providers: directoryCountsSchema,
      facilities: directoryCountsSchema,
      services: directoryCountsSchema,
    })
    .optional()
    .describe('Service directory entries (import kind `services`).'),
});

export const importIssueSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    file: z.string(),
    row: z.number().nullable(),
    column: z.string().nullable(),
    expected: z.string().nullable(),
    found: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });

export const importReportSchema = z
  .object({
    importId: z.string().optional(),
    file: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    dryRun: z.boolean(),
    batchId: z.number().nullable(),
    diff: diffSchema,
    errors: z.number(),
    warnings: z.number(),
    excludedRows: z.number(),
    issues: z.array(importIssueSchema),
  })
  .meta({ id: 'ImportReport' });

export const batchSchema = z
  .object({
    id: z.number(),
    createdAt: z.string(),
    file: z.string(),
    format: z.string(),
    mapping: z.unknown(),
    status: z.enum(['applied', 'undone']),
    undoneAt: z.string().nullable(),
    diff: diffSchema,
  })
  .meta({ id: 'Batch' });
