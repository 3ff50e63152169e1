import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@lagebild/importers';
import { openStore, type Store } from '@lagebild/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FORMULA, HOSTILE_IMPORTS } from '../../../../e2e/security/hostile-data.ts';
import { buildApp } from '../../src/app.ts';
import { createAppContext } from '../../src/app-context-factory.ts';

// Text from the data that a spreadsheet would run (=HYPERLINK, +, -, @) must not become a formula in
// any export: CSV cells get a leading apostrophe, XLSX cells are typed text.
let app: FastifyInstance;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'lagebild-formula-'));

beforeAll(async () => {
  store = await openStore(`sqlite:${join(dir, 'f.db')}`);
  await store.migrate();
  for (const source of HOSTILE_IMPORTS) {
    const bytes = Buffer.from(source.text || JSON.stringify(source.mapping));
    const report = await importFiles(store, [{ name: source.name, bytes }], source.mapping, {
      apply: true,
      acceptExclusions: false,
    });
    expect(report.errors, source.name).toBe(0);
  }
  app = await buildApp(createAppContext(store, { version: 'test', uploadLimitBytes: 1024 * 1024 }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Cells of a CSV (quotes resolved), for `;` or `,` separated files. */
function csvCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  const pattern = new RegExp(`(?:^|${separator}|\\r?\\n)("(?:[^"]|"")*"|[^${separator}\\r\\n]*)`, 'g');
  for (const match of text.replace(/^\uFEFF/, '').matchAll(pattern))
    cells.push(match[1]!.startsWith('"') ? match[1]!.slice(1, -1).replace(/""/g, '"') : match[1]!);
  return cells;
}

const risky = (cells: string[]) => cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c));

describe('formula injection in exports', () => {
  for (const locale of ['de', 'en'] as const) {
    it(`defuses formulas in the indicator CSV (${locale})`, async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/indicators/xss_a/export?level=kreis&format=csv&locale=${locale}`,
      });
      expect(response.statusCode).toBe(200);
      const cells = csvCells(response.body, locale === 'de' ? ';' : ',');
      expect(cells).toContain(`'${FORMULA.hyperlink}`);
      expect(risky(cells)).toEqual([]);
    });

    it(`defuses formulas in the directory CSV (${locale})`, async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/directory/services.csv?locale=${locale}`,
      });
      expect(response.statusCode).toBe(200);
      const cells = csvCells(response.body, locale === 'de' ? ';' : ',');
      expect(cells).toContain("'+49 30 1234");
      expect(risky(cells)).toEqual([]);
    });
  }

  it('writes formula-like text into XLSX as text cells, never formulas', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/indicators/xss_a/export?level=kreis&format=xlsx',
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts).toContain(FORMULA.hyperlink);
  });
});
