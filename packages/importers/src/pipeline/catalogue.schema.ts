import { z } from 'zod';
import {
  AGGREGATION_RULES,
  CONFIDENTIALITY_CLASSES,
  INDICATOR_KINDS,
  POLARITIES,
} from '@lagebild/core';

const slug = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case id like bev_insgesamt');

/** One catalogue entry as users write it; omitted fields get defaults by kind (withIndicatorDefaults). */
export const indicatorEntrySchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    nameEn: z.string().nullable().optional(),
    topic: z.string().min(1).optional(),
    description: z.string().nullable().optional(),
    unit: z.string().min(1),
    kind: z.enum(INDICATOR_KINDS),
    ratePer: z.number().positive().nullable().optional(),
    numeratorId: slug.nullable().optional(),
    denominatorId: slug.nullable().optional(),
    aggregation: z.enum(AGGREGATION_RULES).optional(),
    weightId: slug.nullable().optional(),
    polarity: z.enum(POLARITIES).optional(),
    source: z.string().nullable().optional(),
    updateCycle: z.string().nullable().optional(),
    referenceDate: z.string().nullable().optional(),
    confidentiality: z.enum(CONFIDENTIALITY_CLASSES).optional(),
    decimals: z.number().int().min(0).max(10).optional(),
    notes: z.string().nullable().optional(),
  })
  .strict();

/** A catalogue file: `format: catalogue` and a list of indicator definitions. */
export const catalogueSchema = z
  .object({ format: z.literal('catalogue'), indicators: z.array(indicatorEntrySchema).min(1) })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.id)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', index, 'id'], message: `duplicate id "${indicator.id}"` });
      }
      seen.add(indicator.id);
    });
  });

export type CatalogueMapping = z.output<typeof catalogueSchema>;
