import { z } from 'zod';
import { DIRECTORY_CHANGE_KINDS, DIRECTORY_CHANGE_STATUSES, EDITABLE_FIELDS } from '@lagebild/core';

/** Request and response schemas of the Wegweiser's editorial routes (and the public report form). */
const text = (max: number) => z.string().max(max).nullable();

export const editableFieldsSchema = z
  .object({
    name: z.string().max(200),
    description: text(4000),
    phone: text(30),
    email: text(200),
    contactPerson: text(200),
    website: text(500),
    openingHours: text(1000),
    costs: text(1000),
    capacity: z.number().nullable(),
    freePlaces: z.number().nullable(),
    freePlacesDate: text(10),
    languages: z.array(z.string().max(10)).max(50),
    validFrom: text(10),
    validTo: text(10),
  })
  .meta({ id: 'EditableServiceFields' });

const fieldChangeSchema = z.object({
  field: z.enum(EDITABLE_FIELDS as [string, ...string[]]),
  before: z.unknown(),
  after: z.unknown(),
});

export const editorialEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.object({ id: z.string(), name: z.string() }).nullable(),
    facility: z.object({ id: z.string(), name: z.string(), city: z.string().nullable() }).nullable(),
    categoryId: z.string(),
    status: z.string(),
    lastVerified: z.string().nullable(),
    verificationDue: z.boolean().describe('Not verified within `directoryVerifyMonths` months.'),
    pendingChanges: z.number(),
    fields: editableFieldsSchema,
  })
  .meta({ id: 'EditorialEntry' });

export const editorialEntriesQuerySchema = z.object({
  q: z.string().max(200).optional(),
  due: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const editorialEntriesResponseSchema = z.object({
  total: z.number(),
  dueTotal: z.number(),
  reviewer: z.boolean().describe('The caller reviews every entry (directory:review).'),
  verifyMonths: z.number(),
  items: z.array(editorialEntrySchema),
});

const optionalText = (max: number) => z.string().max(max).nullable().optional();

const placementSchema = z.object({
  categoryId: z.string(),
  providerId: z.string(),
  facilityId: z.string().nullable(),
  facility: z
    .object({
      name: z.string(),
      address: z.object({
        street: z.string().nullable(),
        houseNumber: z.string().nullable(),
        postcode: z.string().nullable(),
        city: z.string().nullable(),
        district: z.string().nullable(),
      }),
      location: z.object({ lon: z.number(), lat: z.number() }),
    })
    .nullable()
    .optional(),
});

export const changeSchema = z
  .object({
    id: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    kind: z.enum(DIRECTORY_CHANGE_KINDS),
    fields: editableFieldsSchema.partial(),
    message: z.string().nullable(),
    base: editableFieldsSchema.nullable(),
    status: z.enum(DIRECTORY_CHANGE_STATUSES),
    submittedBy: z.string().nullable(),
    submittedByName: z.string().nullable(),
    reporter: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    submittedAt: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    before: editableFieldsSchema.nullable(),
    after: editableFieldsSchema.nullable(),
    batchId: z.number().nullable(),
    reportId: z
      .string()
      .nullable()
      .describe('The citizen’s report the change answers (dealt with on publication).'),
    placement: placementSchema
      .nullable()
      .describe('Träger, category and facility of a proposed new service.'),
    providerName: z.string().nullable(),
    diff: z.array(fieldChangeSchema).describe('What the change alters, against the entry as proposed.'),
    conflicts: z
      .array(fieldChangeSchema)
      .describe('Fields changed since the change was proposed; publishing needs `overrideConflict`.'),
  })
  .meta({ id: 'DirectoryChange' });

export const proposeBodySchema = z.object({
  kind: z.enum(['edit', 'withdraw', 'verify']),
  fields: editableFieldsSchema.partial().optional(),
  message: z.string().max(4000).nullable().optional(),
  reportId: z
    .string()
    .max(100)
    .nullable()
    .optional()
    .describe('Reviewers: the citizen’s report this edit answers; publishing marks it dealt with.'),
});

export const newEntryBodySchema = z.object({
  providerId: optionalText(200).describe(
    'The Träger; provider editors with one linked Träger may leave it out, reviewers choose any.',
  ),
  categoryId: z.string().max(200).describe('A category id of the configured category tree.'),
  fields: editableFieldsSchema.partial(),
  facilityName: optionalText(200).describe('Default: the service’s name.'),
  address: z.object({
    street: optionalText(200),
    houseNumber: optionalText(20),
    postcode: optionalText(10),
    city: optionalText(200),
    district: optionalText(200),
  }),
  lat: z
    .number()
    .nullable()
    .optional()
    .describe('WGS84; without it the address is geocoded (if a geocoder is set up).'),
  lon: z.number().nullable().optional(),
  message: z.string().max(4000).nullable().optional(),
  reportId: z
    .string()
    .max(100)
    .nullable()
    .optional()
    .describe('Reviewers: the report of a missing service this entry answers.'),
});

export const providersResponseSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const changesQuerySchema = z.object({ status: z.enum(DIRECTORY_CHANGE_STATUSES).optional() });

export const reviewBodySchema = z.object({
  note: z.string().max(2000).nullable().optional(),
  overrideConflict: z.boolean().optional(),
});

export const historyResponseSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      by: z.string().nullable(),
      byName: z.string().nullable(),
      proposedBy: z.string().nullable(),
      proposedByName: z.string().nullable(),
      changeId: z.string().nullable(),
      batchId: z.number().nullable(),
      file: z.string().nullable(),
      changes: z.array(fieldChangeSchema),
      note: z.string().nullable(),
    }),
  ),
});

export const reportBodySchema = z.object({
  serviceId: z.string().max(200).nullable().optional(),
  message: z.string().trim().min(10, 'Bitte beschreiben Sie es in mindestens 10 Zeichen.').max(4000),
  name: z.string().max(200).nullable().optional(),
  email: z
    .union([
      z.literal(''),
      z.email(
        'Bitte geben Sie eine E-Mail-Adresse an (Beispiel: name@example.org) oder lassen Sie das Feld leer.',
      ),
    ])
    .nullable()
    .optional(),
  homepage: z.string().max(500).optional().describe('Leave empty (a field for bots).'),
});

export const reportResponseSchema = z.object({
  received: z.literal(true),
  message: z.string(),
});
