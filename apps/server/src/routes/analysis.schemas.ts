import { z } from 'zod';
import {
  AGGREGATION_RULES,
  INDICATOR_KINDS,
  MISSING_REASONS,
  OBSERVATION_STATUSES,
  POLARITIES,
} from '@lagebild/core';

/** Response schemas of the analysis routes: documented in the OpenAPI document, shared by the routes. */

const dataVersion = z
  .string()
  .describe('The data version the result was computed from (newest batch id : applied : undone).');

export const indicatorRefSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    polarity: z.enum(POLARITIES),
    aggregation: z.enum(AGGREGATION_RULES),
    decimals: z.number(),
  })
  .meta({ id: 'IndicatorRef' });

const classRef = z.object({
  code: z.number().nullable(),
  label: z.string(),
  symbol: z.string(),
});

export const presetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z
      .enum(['index', 'cross'])
      .describe('`cross`: combines the classes of other indices (MSS Gesamtindex).'),
    description: z.string().nullable(),
    versions: z.array(
      z.object({
        version: z.number(),
        appliesTo: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
        population: z.string().nullable(),
        components: z.array(
          z.object({
            id: z.string(),
            indicator: z.string(),
            label: z.string().nullable(),
            direction: z.union([z.literal(1), z.literal(-1)]),
            weight: z.number(),
          }),
        ),
        classes: z.array(
          z.object({ code: z.number(), label: z.string(), symbol: z.string(), interval: z.string() }),
        ),
      }),
    ),
    parts: z.array(z.object({ name: z.string(), index: z.string() })),
  })
  .meta({ id: 'IndexPreset' });

const stat = z.number().nullable();
const stats = z
  .object({ n: z.number(), mean: stat, sd: stat, min: stat, max: stat })
  .describe('What the standardisation used (null where undefined, e.g. no areas).');

export const indexResultSchema = z
  .object({
    preset: z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['index', 'cross']),
      version: z.number(),
    }),
    level: z.string(),
    period: z.string(),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string().nullable(),
        excluded: z
          .object({ reason: z.string(), detail: z.string() })
          .nullable()
          .describe(
            'Why the area is left out: named, population-missing, population-below-minimum, all-zero, missing-values.',
          ),
        raw: z.record(z.string(), z.number().nullable()),
        standardised: z.record(z.string(), z.number().nullable()),
        combined: z.number().nullable(),
        score: z.number().nullable(),
        class: classRef.nullable(),
        explanation: z
          .object({
            contributions: z.array(
              z.object({
                component: z.string(),
                indicator: z.string(),
                label: z.string().nullable(),
                value: z.number().nullable(),
                contribution: z.number(),
                share: z.number(),
              }),
            ),
            drivers: z.array(z.object({ component: z.string(), effect: z.enum(['raises', 'lowers']) })),
          })
          .nullable(),
        parts: z.record(z.string(), classRef.nullable()).nullable(),
      }),
    ),
    summary: z.object({
      areas: z.number(),
      n: z.number(),
      excluded: z.number(),
      excludedBy: z.record(z.string(), z.number()),
      classCounts: z.record(z.string(), z.number()),
      components: z.record(z.string(), stats),
      combined: stats.nullable(),
      warnings: z.array(z.string()),
    }),
    dataVersion,
  })
  .meta({ id: 'IndexResult' });

const referenceValue = z.object({
  level: z.string(),
  key: z.string().nullable(),
  name: z.string().nullable(),
  value: z.number().nullable(),
  basis: z.enum(['stored', 'aggregated', 'pooled', 'weighted_mean', 'mean']),
});

export const compareSchema = z
  .object({
    indicator: indicatorRefSchema,
    level: z.string(),
    period: z.string(),
    method: z.object({
      interval: z.enum(['wilson', 'poisson', 'none']),
      benchmark: z.enum(['ci-overlap', 'quantiles']),
      confidence: z.number(),
      multiplier: z.number().nullable(),
      groups: z.number(),
      description: z.string(),
    }),
    reference: z.object({ kind: z.enum(['level', 'parent', 'area']), value: referenceValue.nullable() }),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string().nullable(),
        value: z.number().nullable(),
        status: z.enum(OBSERVATION_STATUSES),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        lower: z.number().nullable(),
        upper: z.number().nullable(),
        limits: z.enum(['wilson', 'exact', 'byars']).nullable(),
        reference: referenceValue.nullable(),
        difference: z.number().nullable(),
        outcome: z.enum(['better', 'similar', 'worse', 'higher', 'lower', 'not_compared']),
        quantile: z.number().nullable(),
        quantileLabel: z.string().nullable(),
      }),
    ),
    summary: z.object({
      outcomes: z.record(z.string(), z.number()),
      quantiles: z.record(z.string(), z.number()),
    }),
    warnings: z.record(z.string(), z.number()).describe('Counted data problems, e.g. `missing-input`.'),
    dataVersion,
  })
  .meta({ id: 'Comparison' });

const aggregationWarning = z.object({
  code: z.string(),
  indicatorId: z.string().nullable(),
  period: z.string().nullable(),
  parentKey: z.string().nullable(),
  count: z.number(),
  children: z.array(z.string()).describe('The children concerned (at most 50 listed).'),
  message: z.string(),
});

export const aggregateSchema = z
  .object({
    indicator: indicatorRefSchema,
    fromLevel: z.string(),
    toLevel: z.string(),
    period: z.string(),
    rule: z.enum(AGGREGATION_RULES),
    basis: z.enum(['nesting', 'correspondences']),
    path: z.array(z.string()),
    estimated: z.boolean(),
    values: z.array(
      z.object({
        key: z.string(),
        name: z.string().nullable(),
        value: z.number().nullable(),
        status: z.enum(OBSERVATION_STATUSES),
        missingReason: z.enum(MISSING_REASONS).nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        stored: z.number().nullable().describe('The value stored for the area, for comparison.'),
      }),
    ),
    summary: z.object({
      parents: z.number(),
      computed: z.number(),
      missing: z.number(),
      equalToStored: z.number(),
      differentFromStored: z.number(),
    }),
    warnings: z.array(aggregationWarning),
    dataVersion,
  })
  .meta({ id: 'Aggregation' });

const change = z.object({
  ok: z.boolean(),
  reason: z.enum(['too_short', 'missing_value']).optional(),
  fromPeriod: z.string().nullable(),
  toPeriod: z.string().nullable(),
  from: z.number().optional(),
  to: z.number().optional(),
  absolute: z.number().optional(),
  relative: z.number().nullable().optional(),
  years: z.number().optional(),
  annualRate: z.number().nullable().optional().describe('Compound annual growth rate.'),
});

export const trendSchema = z
  .object({
    indicator: indicatorRefSchema,
    level: z.string(),
    area: z.object({ key: z.string(), name: z.string().nullable() }),
    series: z.array(
      z.object({
        period: z.string(),
        value: z.number().nullable(),
        status: z.string(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
      }),
    ),
    change,
    overall: change,
    recentTrend: z
      .object({
        marker: z.enum(['increasing', 'decreasing', 'no_significant_change', 'cannot_be_calculated']),
        reason: z.string(),
        periods: z.array(z.string()),
        chiSquare: z.number().nullable(),
        pValue: z.number().nullable(),
        slope: z.number().nullable(),
        method: z.enum(['proportions', 'intervals']),
        assessment: z.enum([
          'improving',
          'worsening',
          'no_judgement',
          'no_significant_change',
          'cannot_be_calculated',
        ]),
      })
      .nullable(),
    notes: z.array(z.string()),
    dataVersion,
  })
  .meta({ id: 'Trend' });

export const transitionsSchema = z
  .object({
    indicator: indicatorRefSchema,
    level: z.string(),
    fromPeriod: z.string(),
    toPeriod: z.string(),
    labels: z.array(z.string()),
    matrix: z
      .array(z.array(z.number()))
      .describe('matrix[i][j]: areas in class labels[i] before and labels[j] after.'),
    areas: z.array(
      z.object({
        areaKey: z.string(),
        name: z.string().nullable(),
        from: z.string(),
        to: z.string(),
        move: z.enum(['higher', 'lower', 'same']).nullable(),
        assessment: z.enum(['better', 'worse', 'same']).nullable(),
      }),
    ),
    onlyInFrom: z.array(z.string()),
    onlyInTo: z.array(z.string()),
    summary: z.object({
      same: z.number(),
      higher: z.number(),
      lower: z.number(),
      better: z.number().nullable(),
      worse: z.number().nullable(),
    }),
    dataVersion,
  })
  .meta({ id: 'ClassTransitions' });

export const warningsSchema = z
  .object({
    period: z.string().nullable(),
    rules: z.array(
      z.object({
        id: z.string(),
        label: z.string().nullable(),
        kind: z.enum(['threshold', 'deviation', 'worsening_trend', 'class_drop']),
        level: z.string(),
        watches: z.string().describe('The indicator (or index preset) the rule watches.'),
        flagged: z.number(),
        skipped: z
          .string()
          .nullable()
          .describe('Why the rule was not evaluated (level, indicator or classes not in the data).'),
      }),
    ),
    flagged: z.array(
      z.object({
        level: z.string(),
        key: z.string(),
        name: z.string().nullable(),
        reasons: z.array(
          z.object({
            ruleId: z.string(),
            label: z.string().nullable(),
            kind: z.string(),
            indicatorId: z.string(),
            period: z.string(),
            value: z.number().nullable(),
            message: z.string(),
            details: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
          }),
        ),
      }),
    ),
    notes: z.array(z.object({ ruleId: z.string(), count: z.number(), message: z.string() })),
    dataVersion,
  })
  .meta({ id: 'Warnings' });

export const correlationsSchema = z
  .object({
    indicators: z.array(indicatorRefSchema),
    level: z.string(),
    period: z.string(),
    areas: z.number(),
    method: z.enum(['pearson', 'spearman']),
    ids: z.array(z.string()),
    r: z
      .array(z.array(z.number().nullable()))
      .describe('r[i][j]; null below 3 complete pairs or without variation.'),
    n: z.array(z.array(z.number())).describe('Areas with values for both indicators.'),
    dataVersion,
  })
  .meta({ id: 'Correlations' });

export const typologySchema = z
  .object({
    indicators: z.array(indicatorRefSchema),
    indicatorIds: z.array(z.string()),
    level: z.string(),
    period: z.string(),
    k: z.number(),
    seed: z.number(),
    clusters: z.array(z.object({ areaKey: z.string(), name: z.string().nullable(), cluster: z.number() })),
    excluded: z.array(z.string()).describe('Areas without a value for every indicator.'),
    centroidsZ: z.array(z.array(z.number())),
    centroids: z.array(z.array(z.number())),
    withinSS: z.array(z.number()),
    totalWithinSS: z.number(),
    totalSS: z.number(),
    explained: z.number().nullable(),
    constantIndicators: z.array(z.string()),
    dataVersion,
  })
  .meta({ id: 'Typology' });
