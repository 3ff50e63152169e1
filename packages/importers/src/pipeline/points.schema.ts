import { z } from 'zod';

const slug = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case indicator id');
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
);

/**
 * Point data (facilities, services) counted and summed per area of a level: the number of care homes
 * and their places per Bezirk become observations of catalogue indicators.
 */
export const pointsMappingSchema = z.strictObject({
  format: z.literal('points'),
  source: z.enum(['geojson', 'shapefile', 'shapefile-zip', 'geopackage']),
  sourceCrs: z.string().min(1).optional(),
  layer: z.string().min(1).optional(),
  level: z.string().min(1),
  period: isoDate,
  /** Territorial status of the areas the points fall into (default: the period, if it is a date). */
  at: isoDate.optional(),
  filter: z.record(z.string(), z.array(z.union([z.string(), z.number()])).min(1)).optional(),
  count: z.strictObject({ indicator: slug }).optional(),
  sum: z.array(z.strictObject({ property: z.string().min(1), indicator: slug })).default([]),
});

export type PointsMapping = z.output<typeof pointsMappingSchema>;
