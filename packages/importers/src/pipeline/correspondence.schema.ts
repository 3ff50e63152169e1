import { z } from 'zod';

const column = z.string().min(1);
const end = z.strictObject({
  level: z.string().min(1),
  column,
  pad: z.number().int().min(1).max(12).optional(),
});

/**
 * Weighted correspondences between areas of two levels that do not nest (school catchments ↔
 * Stadtteile) or between territorial versions (old ↔ new Planungsräume), read from a table. The weight
 * is the share of the `from` area that belongs to the `to` area.
 */
export const correspondenceMappingSchema = z.strictObject({
  format: z.literal('correspondence'),
  source: z.enum(['csv', 'xlsx', 'dbf']),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).optional(),
  delimiter: z.enum([';', ',', '\t', 'auto']).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  from: end,
  to: end,
  weight: z.strictObject({ column, percent: z.boolean().default(false) }),
  decimal: z.enum([',', '.']).default(','),
  basis: z.string().min(1).default('population'),
});

export type CorrespondenceMapping = z.output<typeof correspondenceMappingSchema>;
