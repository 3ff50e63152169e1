import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_SORT_COLUMNS, writeExport } from '@lagebild/importers';
import { loadTableExport } from '../exports/table-export.ts';
import { defineRoute } from '../http/route.ts';

/** Media types as the OpenAPI document lists them (the CSV response adds `charset=utf-8`). */
const EXPORT_MEDIA_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/geo+json',
];

export const exportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/indicators/{id}/export',
    operationId: 'exportValues',
    summary: 'The values of one selection as a CSV, XLSX or GeoJSON file, with source and date',
    description:
      'Exactly the rows of the atlas table: the current areas of `level` (inside `parent`) with the ' +
      'values of one period (default: the latest), filtered and sorted like the table. Missing values ' +
      'keep their status and reason, never 0. CSV and XLSX name indicator, unit, source and export date ' +
      'on every row (XLSX also on a source sheet); GeoJSON has a `metadata` member and the same facts in ' +
      'every feature. `Content-Disposition` names the file.',
    tags: ['Indicators'],
    permission: 'data:read',
    params: z.object({ id: z.string().describe('Indicator id, e.g. `population_total`.') }),
    query: z.object({
      level: z.string().describe('Level id, e.g. `gemeinde`.'),
      period: z.string().optional().describe('`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: the latest.'),
      parent: z.string().optional().describe('Only areas inside this area of the parent level.'),
      format: z.enum(EXPORT_FORMATS).default('csv'),
      locale: z
        .enum(['de', 'en'])
        .default('de')
        .describe('de: German column titles, CSV with `;` and decimal comma; en: English, `,` and `.`.'),
      filter: z.string().optional().describe('Only areas whose name or key contains this text.'),
      sort: z.enum(EXPORT_SORT_COLUMNS).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
    }),
    response: z
      .string()
      .meta({ format: 'binary' })
      .describe('The file, in the format asked for by `format`.'),
    produces: EXPORT_MEDIA_TYPES,
    handler: async ({ params, query, analysis, reply }) => {
      const table = await loadTableExport((await analysis()).reads, {
        indicatorId: params.id,
        level: query.level,
        period: query.period,
        parent: query.parent,
        filter: query.filter,
        sort: query.sort,
        direction: query.direction,
        locale: query.locale,
        withGeometry: query.format === 'geojson',
        today: new Date().toISOString().slice(0, 10),
      });
      const file = await writeExport(table, query.format, query.locale);
      void reply.type(file.contentType).header('content-disposition', contentDisposition(file.fileName));
      return typeof file.body === 'string'
        ? file.body
        : Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength);
    },
  }),
];

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
