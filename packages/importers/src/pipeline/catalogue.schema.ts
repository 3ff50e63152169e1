import { z } from 'zod';
import { indicatorInputSchema } from '../mapping/mapping.schema.ts';

/** Catalogue entries are validated exactly like the indicators a table mapping declares. */
export const indicatorEntrySchema = indicatorInputSchema;

/** A catalogue file: `format: catalogue` and a list of indicator definitions. */
export const catalogueSchema = z
  .object({ format: z.literal('catalogue'), indicators: z.array(indicatorEntrySchema).min(1) })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'id'],
          message: `duplicate id "${indicator.id}"`,
        });
      }
      seen.add(indicator.id);
    });
  });

export type CatalogueMapping = z.output<typeof catalogueSchema>;
