import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { MAX_UNZIPPED_BYTES } from '../../../../packages/importers/src/readers/zip.ts';
import { MAX_XLSX_UNZIPPED_BYTES } from '../../../../packages/importers/src/readers/xlsx.reader.ts';
import { fixtureMapping, multipart, readFixture, signInAs } from '../helpers.ts';
import { fingerprint } from './db-fingerprint.ts';
import { securityApp, type SecurityApp } from './security-app.ts';
import { forgedBomb, manyEntries, xlsxSkeleton } from './zip-bombs.ts';

// POST /imports with hostile files. Uploads are read into memory (part.toBuffer) and never written
// to disk; names are labels only. Every refusal must be a clear 4xx (or, for geodata readers that
// report per file, an error in the dry-run report that blocks applying) — never a 500 or an expansion.
const LIMIT = 2 * 1024 * 1024;
let ctx: SecurityApp;
let headers: Record<string, string>;

beforeAll(async () => {
  ctx = await securityApp('sqlite', LIMIT);
  headers = await signInAs(ctx.app, ctx.store, 'admin');
}, 120_000);
afterAll(async () => ctx?.close());

const werteMapping = JSON.stringify(fixtureMapping('werte.mapping.yaml'));
const areasZipMapping = JSON.stringify({
  format: 'shapefile-zip',
  level: { id: 'bomb', name: 'Bomb', kind: 'planning' },
  key: { property: 'KEY' },
  name: { property: 'NAME' },
});
const xlsxMapping = JSON.stringify({ ...(fixtureMapping('werte.mapping.yaml') as object), format: 'xlsx' });

async function upload(mapping: string, name: string, bytes: Uint8Array) {
  const body = multipart({ mapping }, [{ name, bytes: Buffer.from(bytes) }]);
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json() };
}

/** A refusal: 413/422 with a message, or a dry run whose errors block applying (422 on apply). */
async function expectRefused(result: Awaited<ReturnType<typeof upload>>, message: RegExp) {
  if (result.status === 201) {
    const errors = result.body.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
    const apply = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${result.body.importId}/apply`,
      headers,
      payload: {},
    });
    expect(apply.statusCode).toBe(422);
  } else {
    expect([413, 422]).toContain(result.status);
    expect(result.body.message).toMatch(message);
  }
}

describe('upload file names', () => {
  const names = [
    '../../etc/passwd.csv',
    '..\\..\\x.csv',
    '/etc/shadow.csv',
    'C:\\Windows\\win.csv',
    'a\u0000b.csv',
  ];
  for (const name of names) {
    it(`neutralises ${JSON.stringify(name)} to a bare label`, async () => {
      const result = await upload(werteMapping, name, readFixture('werte.csv'));
      expect(result.status).toBe(201);
      const file: string = result.body.file;
      expect(file).not.toMatch(/[\\/]|\.\./);
      expect(file).not.toContain(String.fromCharCode(0));
      expect(file.endsWith('.csv')).toBe(true);
    });
  }
});

describe('zip bombs and oversized uploads', () => {
  it('refuses a shapefile zip declaring more than the unzip limit, before expanding it', async () => {
    const bomb = forgedBomb({ 'a.shp': new Uint8Array(1000), 'a.dbf': new Uint8Array(1000) });
    expect(bomb.length).toBeLessThan(LIMIT);
    await expectRefused(
      await upload(areasZipMapping, 'bomb.zip', bomb),
      new RegExp(`more than ${MAX_UNZIPPED_BYTES} bytes`),
    );
  });

  it('does not open a zip nested in a zip', async () => {
    const inner = forgedBomb({ 'a.shp': new Uint8Array(1000) });
    await expectRefused(
      await upload(areasZipMapping, 'nested.zip', zipSync({ 'inner.zip': inner })),
      /no \.shp file/,
    );
  });

  it('refuses a zip with too many entries', async () => {
    await expectRefused(
      await upload(areasZipMapping, 'many.zip', manyEntries(20_001)),
      /more than 10000 entries/,
    );
  });

  it('refuses an XLSX bomb before the workbook is loaded', async () => {
    const bomb = forgedBomb(xlsxSkeleton());
    await expectRefused(
      await upload(xlsxMapping, 'bomb.xlsx', bomb),
      new RegExp(`more than ${MAX_XLSX_UNZIPPED_BYTES} bytes`),
    );
  });

  it('answers an upload over the limit with 413 naming the limit', async () => {
    const result = await upload(werteMapping, 'big.csv', new Uint8Array(LIMIT + 1).fill(65));
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'UploadTooLarge', message: expect.stringContaining('2 MB') });
  });

  it('answers a PNG named .csv with 422 saying what it is', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200)]);
    const result = await upload(werteMapping, 'werte.csv', png);
    expect(result.status).toBe(422);
    expect(result.body.message).toMatch(/werte\.csv.*not (CSV )?text.*PNG/i);
  });

  it('left the database unchanged', async () => {
    // The dry runs above write nothing; only refused applies were attempted.
    const now = await fingerprint(ctx.database);
    expect(now.areas!.rows).toBeGreaterThan(0);
    expect(now.import_batches!.rows).toBe(3);
  });
});
