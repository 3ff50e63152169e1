import { z } from 'zod';
import { ACCESSIBILITY_FEATURES, LIFE_PHASES, PROVIDER_KINDS, PUBLICATION_STATUSES } from '@lagebild/core';

/**
 * How one source (a register of Kitas, care homes, counselling offices …) becomes service directory
 * entries: one record (GeoJSON feature, shapefile record, CSV row) → one service at one facility of
 * one provider. A text field is a property/column name, a fixed `{ value }`, a mapped
 * `{ property, values, default }`, or a `{ template }` with `{property}` placeholders (a part in
 * `[…]` is left out when one of its placeholders is empty).
 */
const name = z.string().min(1, 'expected a property or column name');
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id (a-z, 0-9, -)');
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
);

const textField = z.union(
  [
    name,
    z.strictObject({ value: z.union([z.string(), z.number()]).transform(String).nullable() }),
    z.strictObject({
      property: name,
      values: z.record(z.string(), z.string().nullable()).optional(),
      default: z.string().nullable().optional(),
    }),
    z.strictObject({ template: z.string().min(1) }),
  ],
  { error: 'give a property name, { value }, { property, values, default } or { template }' },
);

/** A list: fixed values, or split from a property (and optionally mapped value by value). */
const listField = <T extends z.ZodType<string>>(item: T) =>
  z.union(
    [
      z.array(item),
      z.strictObject({
        property: name,
        split: z.string().min(1).default(','),
        values: z.record(z.string(), z.array(item)).optional(),
      }),
    ],
    { error: 'give a list of values or { property, split, values }' },
  );

const categoryField = z.union(
  [
    z.strictObject({ value: id }),
    z.strictObject({ property: name, values: z.record(z.string(), id), default: id.optional() }),
  ],
  { error: 'give { value: <category id> } or { property, values: { <cell>: <category id> }, default }' },
);

const kindField = z.union([
  z.strictObject({ value: z.enum(PROVIDER_KINDS).nullable() }),
  z.strictObject({
    property: name,
    values: z.record(z.string(), z.enum(PROVIDER_KINDS).nullable()),
    default: z.enum(PROVIDER_KINDS).nullable().optional(),
  }),
]);

const dateField = z.union([
  z.strictObject({ value: isoDate.nullable() }),
  z.strictObject({ property: name }),
]);

const geocoderSchema = z.strictObject({
  service: z.enum(['photon', 'nominatim']),
  url: z.url(),
  /** Nominatim's usage policy asks for an identifying User-Agent. */
  userAgent: z.string().min(1).optional(),
  /** Pause between requests (public Nominatim: at least 1000 ms). */
  minIntervalMs: z.number().int().min(0).optional(),
  /** Appended to every address, e.g. "Deutschland". */
  country: z.string().min(1).optional(),
});

export const servicesMappingSchema = z
  .strictObject({
    format: z.literal('services'),
    source: z.enum(['geojson', 'shapefile', 'shapefile-zip', 'geopackage', 'csv', 'xlsx']),
    sourceCrs: z.string().min(1).optional(),
    layer: z.string().min(1).optional(),
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
    encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).optional(),
    delimiter: z.enum([';', ',', '\t', 'auto']).optional(),
    headerRow: z.number().int().min(1).optional(),
    /** The directory source: entries of it missing from a later delivery are withdrawn. */
    directory: z.strictObject({
      id,
      name: z.string().min(1),
      attribution: z.string().min(1).nullable().optional(),
      url: z.url().nullable().optional(),
    }),
    /** The property with the record's stable id in the source (Kita number, IK number …). */
    key: name,
    /** Tables: the columns with the coordinates and their CRS (default WGS84 lon/lat). */
    coordinates: z.strictObject({ x: name, y: name, crs: z.string().min(1).default('EPSG:4326') }).optional(),
    geocoder: geocoderSchema.optional(),
    status: z.enum(PUBLICATION_STATUSES).default('published'),
    lastVerified: dateField.optional(),
    validFrom: dateField.optional(),
    validTo: dateField.optional(),
    service: z.strictObject({
      name: textField,
      category: categoryField,
      targetGroups: listField(id).default([]),
      lifePhases: listField(z.enum(LIFE_PHASES)).default([]),
      languages: listField(z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639 code like de')).default([]),
      capacity: textField.optional(),
      freePlaces: textField.optional(),
      freePlacesDate: dateField.optional(),
      costs: textField.optional(),
      openingHours: textField.optional(),
      phone: textField.optional(),
      email: textField.optional(),
      contactPerson: textField.optional(),
      website: textField.optional(),
      description: textField.optional(),
    }),
    facility: z
      .strictObject({
        name: textField.optional(),
        street: textField.optional(),
        houseNumber: textField.optional(),
        postcode: textField.optional(),
        city: textField.optional(),
        district: textField.optional(),
        accessibility: listField(z.enum(ACCESSIBILITY_FEATURES)).default([]),
      })
      .default({ accessibility: [] }),
    provider: z
      .strictObject({
        /** What identifies a provider across records; default: its name. */
        key: name.optional(),
        name: textField,
        kind: kindField.optional(),
        umbrella: textField.optional(),
        website: textField.optional(),
      })
      .optional(),
    /** Properties kept verbatim with the service (searchable text). */
    attributes: z.array(name).default([]),
  })
  .superRefine((mapping, ctx) => {
    const table = mapping.source === 'csv' || mapping.source === 'xlsx';
    if (table && !mapping.coordinates && !mapping.geocoder)
      ctx.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message: 'a table needs coordinates: { x, y, crs } columns or a geocoder',
      });
    if (!table && mapping.coordinates)
      ctx.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message: 'geographic sources take the geometry',
      });
  });

export type ServicesMapping = z.output<typeof servicesMappingSchema>;
export type TextField = z.output<typeof textField>;
export type DateField = z.output<typeof dateField>;
export type GeocoderConfig = z.output<typeof geocoderSchema>;
