import type { FastifyRequest } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DomainError } from '@lagebild/core';
import { importFiles, type SourceFile } from '@lagebild/importers';
import { defineRoute } from '../http/route.ts';
import { batchSchema, importReportSchema } from '../http/schemas.ts';

const importParams = z.object({ id: z.string().describe('Import id from the upload.') });

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/imports',
    operationId: 'uploadImport',
    summary: 'Upload files with a mapping; returns the dry-run report',
    description:
      'Nothing is written. The report lists what would be inserted, updated and left unchanged, and every problem with file, row, column, expected and found. Apply it with POST /imports/{id}/apply.',
    tags: ['Imports'],
    permission: 'import:write',
    multipart: {
      fields: { mapping: 'The mapping as YAML or JSON text.' },
      files: { files: 'The data file(s); a shapefile with its .dbf, .prj and .cpg, or one zip.' },
    },
    status: 201,
    response: importReportSchema,
    handler: async ({ request, ctx, reply }) => {
      const { files, mapping } = await readUpload(request, ctx.uploadLimitBytes);
      const report = await importFiles(ctx.store, files, mapping, { apply: false, acceptExclusions: false });
      const pending = ctx.pendingImports.add(files, mapping, report);
      void reply.status(201);
      return { importId: pending.id, ...report };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/imports/{id}',
    operationId: 'getImport',
    summary: 'The report of an uploaded import',
    tags: ['Imports'],
    permission: 'import:write',
    params: importParams,
    response: importReportSchema,
    handler: async ({ params, ctx }) => {
      const pending = ctx.pendingImports.get(params.id);
      if (!pending)
        throw new DomainError(
          'BatchNotFound',
          `No pending import "${params.id}" (uploads expire after an hour).`,
        );
      return { importId: pending.id, ...pending.report };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/imports/{id}/apply',
    operationId: 'applyImport',
    summary: 'Apply an uploaded import atomically',
    description:
      'Refused with ImportInvalid (the report in details) while the import has errors, unless acceptExclusions is true: then the rows listed with errors are left out and the rest is written in one transaction.',
    tags: ['Imports'],
    permission: 'import:write',
    params: importParams,
    body: z.object({ acceptExclusions: z.boolean().default(false) }).default({ acceptExclusions: false }),
    response: importReportSchema,
    handler: async ({ params, body, ctx, request }) => {
      const pending = ctx.pendingImports.get(params.id);
      if (!pending)
        throw new DomainError(
          'BatchNotFound',
          `No pending import "${params.id}" (uploads expire after an hour).`,
        );
      if (pending.appliedBatchId !== null) {
        throw new DomainError(
          'Conflict',
          `Import "${params.id}" was already applied as batch ${pending.appliedBatchId}.`,
        );
      }
      const report = await importFiles(ctx.store, pending.files, pending.mapping, {
        apply: true,
        acceptExclusions: body.acceptExclusions,
      });
      pending.appliedBatchId = report.batchId;
      pending.report = report;
      if (report.batchId !== null)
        await ctx.audit.record(request, {
          action: 'import.apply',
          targetType: 'batch',
          targetId: String(report.batchId),
          summary: `Import of ${report.file} applied as batch ${report.batchId}`,
          after: {
            batchId: report.batchId,
            file: report.file,
            format: report.format,
            diff: report.diff,
            excludedRows: report.excludedRows,
          },
        });
      return { importId: pending.id, ...report };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/batches',
    operationId: 'listBatches',
    summary: 'Applied and undone import batches, newest first',
    tags: ['Imports'],
    permission: 'import:write',
    response: z.object({ batches: z.array(batchSchema) }),
    handler: async ({ ctx }) => ({ batches: await ctx.store.listBatches() }),
  }),
  defineRoute({
    method: 'GET',
    path: '/batches/{id}',
    operationId: 'getBatch',
    summary: 'One import batch',
    tags: ['Imports'],
    permission: 'import:write',
    params: z.object({ id: z.coerce.number().int().positive() }),
    response: batchSchema,
    handler: async ({ params, ctx }) => {
      const batch = await ctx.store.getBatch(params.id);
      if (!batch) throw new DomainError('BatchNotFound', `No import batch ${params.id}.`);
      return batch;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/batches/{id}/undo',
    operationId: 'undoBatch',
    summary: 'Undo a whole import batch, restoring the state before it exactly',
    tags: ['Imports'],
    permission: 'import:write',
    params: z.object({ id: z.coerce.number().int().positive() }),
    response: batchSchema,
    handler: async ({ params, ctx, request }) => {
      const undone = await ctx.store.undoBatch(params.id);
      const state = ({ status, undoneAt }: { status: string; undoneAt: string | null }) => ({
        id: undone.id,
        file: undone.file,
        status,
        undoneAt,
      });
      await ctx.audit.record(request, {
        action: 'batch.undo',
        targetType: 'batch',
        targetId: String(undone.id),
        summary: `Import batch ${undone.id} (${undone.file}) undone`,
        before: state({ status: 'applied', undoneAt: null }),
        after: state(undone),
      });
      return undone;
    },
  }),
];

async function readUpload(
  request: FastifyRequest,
  limitBytes: number,
): Promise<{ files: SourceFile[]; mapping: unknown }> {
  if (!request.isMultipart()) {
    throw new DomainError('ValidationFailed', 'Send the files and the mapping as multipart/form-data.');
  }
  const files: SourceFile[] = [];
  let mappingText: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const name = safeName(part.filename);
      files.push({ name, bytes: await readLimited(() => part.toBuffer(), name, limitBytes) });
    } else if (part.fieldname === 'mapping') mappingText = String(part.value);
  }
  if (mappingText === null) throw new DomainError('MappingInvalid', 'The upload has no "mapping" field.');
  if (files.length === 0) throw new DomainError('ValidationFailed', 'The upload has no files.');
  return { files, mapping: parseMappingText(mappingText) };
}

/** Multipart's own "request file too large" becomes a 413 naming the file and the limit. */
async function readLimited(read: () => Promise<Buffer>, name: string, limitBytes: number): Promise<Buffer> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    const limit = formatBytes(limitBytes);
    throw Object.assign(
      new Error(`${name}: the file is larger than the upload limit of ${limit} (setting uploadLimitMb).`),
      { statusCode: 413, code: 'UploadTooLarge' },
    );
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function parseMappingText(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new DomainError(
      'MappingInvalid',
      `The mapping is not valid YAML/JSON: ${(error as Error).message}`,
    );
  }
}

/** Uploaded names are labels only (files never touch the disk); strip any directory part. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  return base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload';
}
