import { z } from 'zod';
import { ACCESSIBILITY_FEATURES, LIFE_PHASES, PROVIDER_KINDS, PUBLICATION_STATUSES } from '@lagebild/core';

/** Response and query schemas of the Wegweiser routes (documented in the OpenAPI document). */
const named = { id: z.string(), name: z.string(), nameEn: z.string().nullable() };

export const directoryCategorySchema = z
  .object({
    ...named,
    parentId: z.string().nullable(),
    depth: z.number(),
    terms: z.array(z.string()),
    lifePhases: z.array(z.enum(LIFE_PHASES)),
    count: z.number().describe('Public entries in this category and its sub-categories.'),
  })
  .meta({ id: 'DirectoryCategory' });

export const categoriesResponseSchema = z.object({
  categories: z.array(directoryCategorySchema),
  targetGroups: z.array(z.object(named)),
  lifePhases: z.array(z.object(named)),
  accessibilityFeatures: z.array(z.enum(ACCESSIBILITY_FEATURES)),
  uncategorised: z
    .record(z.string(), z.number())
    .describe('Public entries whose category id is not in the tree, by that id (a mapping to fix).'),
});

const addressSchema = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
});

export const directoryItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.object({ id: z.string(), name: z.string().nullable(), nameEn: z.string().nullable() }),
    targetGroups: z.array(z.string()),
    lifePhases: z.array(z.enum(LIFE_PHASES)),
    languages: z.array(z.string()),
    capacity: z.number().nullable(),
    freePlaces: z.number().nullable(),
    freePlacesDate: z.string().nullable(),
    costs: z.string().nullable(),
    openingHours: z.string().nullable(),
    contact: z.object({
      phone: z.string().nullable(),
      email: z.string().nullable(),
      person: z.string().nullable(),
    }),
    website: z.string().nullable(),
    description: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    lastVerified: z.string().nullable(),
    status: z.enum(PUBLICATION_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    facility: z
      .object({
        id: z.string(),
        name: z.string(),
        address: addressSchema,
        location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
        accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
      })
      .nullable(),
    provider: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(PROVIDER_KINDS).nullable(),
        umbrella: z.string().nullable(),
        website: z.string().nullable(),
      })
      .nullable(),
    source: z.object({
      id: z.string(),
      name: z.string().nullable(),
      attribution: z.string().nullable(),
      url: z.string().nullable(),
    }),
    distanceKm: z
      .number()
      .optional()
      .describe('Great-circle distance from the given point in km (mean Earth radius), rounded to metres.'),
    travel: z
      .array(
        z.object({
          profile: z.string().describe('Routing profile as configured, e.g. `foot` or `car`.'),
          durationSeconds: z.number().nullable().describe('Travel time; null where no route was found.'),
          distanceMeters: z.number().nullable().describe('Road distance; null where not known.'),
        }),
      )
      .optional()
      .describe(
        'With a point and a configured routing service (setting `routingUrl`): travel time and road distance per profile.',
      ),
  })
  .meta({ id: 'DirectoryService' });

export const searchResponseSchema = z
  .object({
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
    items: z.array(directoryItemSchema),
    travelError: z
      .string()
      .optional()
      .describe(
        'Why the items carry no `travel` although a routing service is configured (it failed or was too slow).',
      ),
    facets: z.object({
      categories: z
        .record(z.string(), z.number())
        .describe('Matches per category with every filter but the category; parents include sub-categories.'),
    }),
  })
  .meta({ id: 'DirectorySearchResult' });

const number = (description: string) => z.coerce.number().describe(description);

/** The filters shared by the search and the open-data exports. */
export const directoryFilterSchema = z.object({
  q: z.string().max(200).optional().describe('Free text; forgives typos, knows word forms and synonyms.'),
  category: z.string().optional().describe('Category id; its sub-categories are included.'),
  targetGroup: z.string().optional().describe('Target group id, e.g. `seniors`.'),
  lifePhase: z.enum(LIFE_PHASES).optional(),
  language: z.string().optional().describe('ISO 639-1 code, e.g. `tr`.'),
  accessible: z
    .string()
    .optional()
    .describe(
      `Accessibility features the facility must all have, comma-separated (${ACCESSIBILITY_FEATURES.join(', ')}); \`true\` means \`wheelchair\`.`,
    ),
  level: z.string().optional().describe('With `area`: the level of the area, e.g. `berlin-bezirk`.'),
  area: z.string().optional().describe('With `level`: only entries located inside this area.'),
  lat: number(
    'Latitude (WGS84) of the point to search around; results are then sorted nearest first.',
  ).optional(),
  lon: number('Longitude (WGS84) of the point.').optional(),
  radiusKm: number('Only entries within this great-circle distance of the point, in km.').optional(),
});

export const searchQuerySchema = directoryFilterSchema.extend({
  limit: z.coerce.number().int().min(0).max(500).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const exportQuerySchema = directoryFilterSchema.extend({
  locale: z
    .enum(['de', 'en'])
    .default('de')
    .describe('CSV only: `de` uses `;` and decimal comma (German Excel), `en` `,` and decimal point.'),
});

export type DirectoryFilterQuery = z.output<typeof directoryFilterSchema>;

export const geocodeQuerySchema = z.object({
  q: z.string().trim().min(2).max(200).describe('An address or place, e.g. `Karl-Marx-Str. 10, Neukölln`.'),
  limit: z.coerce.number().int().min(1).max(10).default(5),
  lang: z.enum(['de', 'en']).default('de').describe('Preferred language of the labels.'),
});

export const geocodeResponseSchema = z
  .object({
    geocoder: z
      .enum(['photon', 'nominatim'])
      .nullable()
      .describe('The configured geocoder (setting `geocoderUrl`); null: none, search the places instead.'),
    bbox: z
      .array(z.number())
      .nullable()
      .describe('The area searched in, [minLon, minLat, maxLon, maxLat]; null: unbounded.'),
    places: z.array(z.object({ label: z.string(), lon: z.number(), lat: z.number() })),
    error: z.string().optional().describe('Why no places came back although a geocoder is configured.'),
  })
  .meta({ id: 'GeocodeResult' });
