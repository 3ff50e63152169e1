import { z } from 'zod';

const column = z.string().min(1);
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD'),
);
const keyText = z.string({ error: 'must be text: quote keys in YAML to keep leading zeros' }).min(1);

/**
 * A territorial status: a complete list of a level's areas at a date (e.g. the VG250 attribute table
 * of 31.12.2022), read from a table. Compared with the areas the level has, it yields new territorial
 * versions. `changes` says what the list cannot: which earlier areas a new area was formed from.
 */
export const territorialStatusSchema = z.strictObject({
  format: z.literal('territorial-status'),
  source: z.enum(['dbf', 'csv', 'xlsx']),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).optional(),
  delimiter: z.enum([';', ',', '\t', 'auto']).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  level: z.string().min(1),
  statusDate: isoDate,
  key: z.strictObject({ column, pad: z.number().int().min(1).max(12).optional() }),
  name: z.strictObject({ column }),
  parent: z
    .strictObject({ column, slice: z.tuple([z.number().int(), z.number().int()]).optional() })
    .optional(),
  effectiveFrom: z.strictObject({ column }).optional(),
  filter: z.record(z.string(), z.array(z.union([z.string(), z.number()])).min(1)).optional(),
  changes: z
    .array(
      z.strictObject({ key: keyText, predecessors: z.array(keyText).min(1), note: z.string().optional() }),
    )
    .default([]),
});

export type TerritorialStatusMapping = z.output<typeof territorialStatusSchema>;
