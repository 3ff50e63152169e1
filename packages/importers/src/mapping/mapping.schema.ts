import { z } from 'zod';
import {
  AGGREGATION_RULES,
  CONFIDENTIALITY_CLASSES,
  DomainError,
  INDICATOR_KINDS,
  normalizePeriod,
  POLARITIES,
} from '@lagebild/core';

/**
 * The mapping file a planner writes (YAML or JSON) to say how a table becomes observations: which
 * column holds the area key, where period, indicator and value come from, which rows to keep.
 * Objects are strict, so a typo (`colum:`) is reported instead of silently ignored.
 *
 * Decisions worth knowing when writing one:
 * - area key: trimmed, then `rename` (key as written → key), then `pad` (restores ONE dropped
 *   leading zero, as spreadsheets drop it from Länder 01–09; `1` never becomes `00001`), then `keep`
 *   (rows whose key does not match are skipped and counted, not reported), then `kreisfreiToGemeinde`.
 * - rows whose indicator cell is not in `indicator.map`, or that a `filter` rejects, are skipped and counted.
 * - `decimal: auto` decides per column from its values; keep it for xlsx, whose numbers arrive as `1234.5`.
 * - `quality.map` adds to or overrides the GENESIS flags (see DEFAULT_QUALITY in quality.ts).
 */

const slugPattern = /^[a-z][a-z0-9_]*$/;
const indicatorId = z.string().regex(slugPattern, 'expected a lower-case indicator id like population_total');

const regex = z
  .string()
  .min(1)
  .refine(isValidRegex, { error: (iss) => `not a valid regular expression: ${String(iss.input)}` });

const columnMessage = 'expected a column name (a header of the table)';
const column = z.string({ error: columnMessage }).min(1, columnMessage);
const columnRef = z.strictObject({ column });

const periodSpec = z.union(
  [
    z.strictObject({ column }),
    z.strictObject({
      value: z.coerce.string().refine((v) => normalizePeriod(v) !== null, {
        error: 'expected a period like 2015, 2015-12 or 2015-12-31 (31.12.2015 works too)',
      }),
    }),
  ],
  { error: 'give { column: <header> } or { value: <date> }' },
);

const indicatorSpec = z.union(
  [indicatorId, z.strictObject({ column, map: z.record(z.string(), indicatorId).optional() })],
  { error: 'give an indicator id or { column: <header>, map: { <cell value>: <indicator id> } }' },
);

const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** Column → allowed cell values; YAML turns `2015` into a number, so scalars are compared as text. */
const filterSpec = z.record(
  z.string(),
  z.union([scalar, z.array(scalar)]).transform((v) => (Array.isArray(v) ? v : [v]).map(String)),
);

const qualityStatus = z.enum(['final', 'provisional', 'estimated', 'suppressed']);
const qualitySpec = z.strictObject({ column, map: z.record(z.string(), qualityStatus).optional() });

const areaSpec = z.strictObject({
  column,
  pad: z.number().int().min(1).max(12).optional(),
  keep: regex.optional(),
  kreisfreiToGemeinde: z.boolean().optional(),
  /** Key as written → key of the level, applied before pad and keep (e.g. `'02': '02000'`). */
  rename: z.record(z.string(), z.string().min(1)).optional(),
});

export const indicatorInputSchema = z.strictObject({
  id: indicatorId,
  name: z.string().min(1),
  nameEn: z.string().nullable().optional(),
  topic: z.string().min(1).optional(),
  description: z.string().nullable().optional(),
  unit: z.string().min(1),
  kind: z.enum(INDICATOR_KINDS),
  ratePer: z.number().positive().nullable().optional(),
  numeratorId: indicatorId.nullable().optional(),
  denominatorId: indicatorId.nullable().optional(),
  aggregation: z.enum(AGGREGATION_RULES).optional(),
  weightId: indicatorId.nullable().optional(),
  polarity: z.enum(POLARITIES).optional(),
  source: z.string().nullable().optional(),
  updateCycle: z.string().nullable().optional(),
  referenceDate: z.string().nullable().optional(),
  confidentiality: z.enum(CONFIDENTIALITY_CLASSES).optional(),
  decimals: z.number().int().min(0).max(10).optional(),
  notes: z.string().nullable().optional(),
  /** A derived indicator: computed from other indicators by this formula, never imported. */
  formula: z.string().min(1).nullable().optional(),
});

const wideValue = z.strictObject({
  columns: regex,
  indicator: indicatorSpec,
  period: periodSpec.optional(),
  filter: filterSpec.optional(),
  /** Editions of a table differ: an optional entry may match no column (e.g. MSS S2 until 2017 only). */
  optional: z.boolean().optional(),
});

const common = {
  format: z.enum(['csv', 'xlsx', 'genesis-classic', 'genesis-flat', 'dbf'], {
    error: 'expected csv, xlsx, genesis-classic or genesis-flat',
  }),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).optional(),
  delimiter: z.enum([';', ',', '\t', 'auto']).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  range: z
    .string()
    .regex(/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/, 'expected an A1-style block like A5:F120')
    .optional(),
  headerRow: z.number().int().min(1).optional(),
  decimal: z.enum([',', '.', 'auto']).default('auto'),
  level: z.string().min(1, 'expected the id of the target spatial level, e.g. kreis'),
  area: areaSpec,
  indicators: z.array(indicatorInputSchema).optional(),
};

const wideMapping = z.strictObject({
  ...common,
  layout: z.literal('wide'),
  values: z
    .array(wideValue, {
      error: 'layout wide needs a list of { columns: <regex over header names>, indicator, period? }',
    })
    .min(1, 'layout wide needs at least one entry'),
});

const longMapping = z.strictObject({
  ...common,
  layout: z.literal('long'),
  period: periodSpec,
  indicator: indicatorSpec,
  value: z.strictObject({ column }, { error: 'layout long needs { column: <header of the value column> }' }),
  quality: qualitySpec.optional(),
  filter: filterSpec.optional(),
  numerator: columnRef.optional(),
  denominator: columnRef.optional(),
});

export const tableMappingSchema = z
  .discriminatedUnion('layout', [wideMapping, longMapping], {
    error: 'expected wide (one column per value) or long (one value column)',
  })
  .superRefine(checkCombinations);

export type TableMapping = z.output<typeof tableMappingSchema>;
export type WideTableMapping = Extract<TableMapping, { layout: 'wide' }>;
export type LongTableMapping = Extract<TableMapping, { layout: 'long' }>;
export type WideValueSpec = WideTableMapping['values'][number];
export type PeriodSpec = z.output<typeof periodSpec>;
export type IndicatorSpec = z.output<typeof indicatorSpec>;
export type QualitySpec = z.output<typeof qualitySpec>;

const OPTION_FORMATS: Record<string, readonly string[]> = {
  sheet: ['xlsx'],
  range: ['xlsx'],
  headerRow: ['csv', 'xlsx'],
  delimiter: ['csv'],
  encoding: ['csv', 'genesis-classic', 'dbf'],
};

function checkCombinations(
  mapping: z.output<typeof wideMapping> | z.output<typeof longMapping>,
  ctx: z.RefinementCtx,
) {
  for (const [option, formats] of Object.entries(OPTION_FORMATS)) {
    if ((mapping as Record<string, unknown>)[option] !== undefined && !formats.includes(mapping.format)) {
      ctx.addIssue({
        code: 'custom',
        path: [option],
        message: `${option} is only used with format ${formats.join(' or ')}`,
      });
    }
  }
  if (mapping.layout !== 'wide') return;
  mapping.values.forEach((entry, index) => {
    if (entry.period === undefined && !entry.columns.includes('(?<period>')) {
      ctx.addIssue({
        code: 'custom',
        path: ['values', index, 'period'],
        message: 'give period ({ column } or { value }) or a named group (?<period>…) in columns',
      });
    }
  });
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Validates a parsed YAML/JSON mapping; throws DomainError('MappingInvalid') listing every problem by path. */
export function parseTableMapping(input: unknown, source = 'mapping'): TableMapping {
  const result = tableMappingSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
  );
  throw new DomainError('MappingInvalid', `${source}: the mapping is not valid: ${problems.join('; ')}`, {
    problems,
  });
}
