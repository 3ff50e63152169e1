import { z } from 'zod';
import { LEVEL_KINDS } from '@lagebild/core';

/**
 * Mapping file for geographic imports (YAML or JSON): how features of one source become the areas of
 * one level. Objects are strict, so a misspelt option fails loudly instead of being ignored.
 */

/** YAML reads unquoted `06010102` as the number 6010102; keys must stay text with their zeros. */
const keyText = z.string({ error: 'must be text: quote keys in YAML to keep leading zeros' }).trim().min(1);

/** ISO date; YAML 1.1 parsers turn unquoted dates into Date objects, so those are accepted too. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD'),
);

/** `key: AGS` is short for `key: { property: AGS }`. */
const propertyRef = <T extends z.ZodRawShape>(extra: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? { property: v } : v),
    z.strictObject({ property: z.string().min(1), ...extra }),
  );

const levelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens (a URL slug)'),
  name: z.string().min(1),
  nameEn: z.string().nullable().default(null),
  kind: z.enum(LEVEL_KINDS),
  parentLevelId: z.string().nullable().default(null),
  sortOrder: z.number().int().default(0),
  description: z.string().nullable().default(null),
});

const pad = z.number().int().min(1).max(12);

const parentSchema = z.union([
  z.strictObject({
    property: z.string().min(1),
    slice: z.tuple([z.number().int(), z.number().int()]).optional(),
    pad: pad.optional(),
  }),
  z.strictObject({ value: keyText }),
]);

const rekeySchema = z.strictObject({
  key: keyText,
  /** A point inside the feature to re-key, so that only the defective one of two equal keys changes. */
  containsLonLat: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  newKey: keyText,
  reason: z.string().min(1, 'say why the source is wrong; it is kept with the area'),
});

const renameSchema = z.strictObject({
  key: keyText,
  name: z.string().min(1),
  reason: z.string().min(1, 'say why the source name is not used; it is kept with the area'),
});

export const areaMappingSchema = z
  .strictObject({
    format: z.enum(['geojson', 'shapefile', 'shapefile-zip', 'geopackage']),
    sourceCrs: z.string().min(1).nullable().optional(),
    layer: z.string().min(1).nullable().optional(),
    level: levelSchema,
    /** `map` translates source keys explicitly (e.g. 000000000000 → DG), before padding. */
    key: propertyRef({ pad: pad.optional(), map: z.record(z.string(), keyText).optional() }),
    name: propertyRef({}),
    parent: parentSchema.nullable().optional(),
    filter: z.record(z.string(), z.array(z.union([z.string(), z.number()])).min(1)).optional(),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
    attributes: z.array(z.string().min(1)).default([]),
    dissolve: z.boolean().default(false),
    rekey: z.array(rekeySchema).default([]),
    /** Explicit names where the source's name does not fit the status imported (after rekey/dissolve). */
    rename: z.array(renameSchema).default([]),
    simplify: z.number().positive().max(1).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.parent && m.level.parentLevelId === null) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a parent key needs level.parentLevelId' });
    }
    if (m.validFrom && m.validTo && m.validTo <= m.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'validTo must lie after validFrom (it is exclusive)',
      });
    }
  });

export type AreaMapping = z.output<typeof areaMappingSchema>;
export type AreaMappingInput = z.input<typeof areaMappingSchema>;
