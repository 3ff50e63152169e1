import { defineRoute } from '../http/route.ts';
import { geocodeQuerySchema, geocodeResponseSchema } from './directory.schemas.ts';

/** The Wegweiser's address search: the text a citizen types, turned into places to search around. */
export const directoryGeoRoutes = [
  defineRoute({
    method: 'GET',
    path: '/directory/geocode',
    operationId: 'geocodeDirectoryAddress',
    summary: 'Places matching an address, inside the installation’s area, through the configured geocoder',
    description:
      'Asks the configured Photon or Nominatim geocoder (settings `geocoderUrl`, `geocoderService`) for places inside the installation’s area (setting `geocoderBbox`, else the box of the places level). Without a geocoder `geocoder` is null and `places` empty: the portal then searches its own places (Bezirke, Ortsteile). A geocoder that fails or is too slow gives an `error`, not an HTTP error.',
    tags: ['Wegweiser'],
    permission: 'directory:read',
    query: geocodeQuerySchema,
    response: geocodeResponseSchema,
    handler: async ({ query, ctx }) => {
      const search = ctx.addressSearch;
      if (!search) return { geocoder: null, bbox: null, places: [] };
      const answer = await search.search(query.q, query.limit, query.lang);
      if ('error' in answer)
        return { geocoder: search.service, bbox: await search.box(), places: [], error: answer.error };
      return { geocoder: search.service, bbox: answer.box, places: answer.places };
    },
  }),
];
