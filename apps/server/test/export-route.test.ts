import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importFiles } from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import { appWithFixtures } from './helpers.ts';

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, store, cleanup } = await appWithFixtures());
  await importFiles(
    store,
    [],
    {
      format: 'catalogue',
      indicators: [
        {
          id: 'alo_anteil',
          name: 'Arbeitslose je 100 Einwohner',
          unit: '%',
          kind: 'share',
          formula: '100 * arbeitslose / einwohner',
          source: 'Testquelle',
          decimals: 2,
        },
      ],
    },
    { apply: true, acceptExclusions: false },
  );
});
afterAll(async () => cleanup());

const today = () => new Date().toISOString().slice(0, 10);

const exportOf = async (query: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1/indicators/${query}` });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    disposition: response.headers['content-disposition'],
    text: response.body,
    bytes: response.rawPayload,
  };
};

describe('GET /indicators/{id}/export', () => {
  it('writes CSV for German Excel: every area of the level, missing values empty with their reason', async () => {
    const csv = await exportOf('arbeitslose/export?level=kreis&period=2020');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(
      `attachment; filename="lagebild_arbeitslose_kreis_2020.csv"; filename*=UTF-8''lagebild_arbeitslose_kreis_2020.csv`,
    );
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFSchlüssel;Gebiet;Zeitraum;Wert;Status;Grund;Zähler;Nenner;Indikator;Einheit;Quelle;Exportiert am',
    );
    // sorted by name like the table: Flensburg, Kiel, Lübeck
    expect(lines[1]).toBe(`01001;Flensburg;2020;4012;final;;;;Arbeitslose;Personen;;${today()}`);
    expect(lines[2]).toBe(`01002;Kiel;2020;;missing;secret;;;Arbeitslose;Personen;;${today()}`);
    expect(lines).toHaveLength(5);
  });

  it('lists areas without a value row as nodata, defaults to the latest period and filters and sorts like the table', async () => {
    const csv = await exportOf('einwohner/export?level=kreis&sort=key&direction=desc&locale=en');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFKey,Area,Period,Value,Status,Reason,Numerator,Denominator,Indicator,Unit,Source,Exported',
    );
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      '01003,Lübeck,2021,,nodata',
      '01002,Kiel,2021,,nodata',
      '01001,Flensburg,2021,91113,final',
    ]);
    const filtered = await exportOf('einwohner/export?level=kreis&period=2020&filter=l%C3%BC');
    expect(filtered.text.split('\r\n').slice(1, -1)).toEqual([
      `01003;Lübeck;2020;216277;final;;;;Einwohner;Personen;;${today()}`,
    ]);
  });

  it('writes XLSX with a data sheet (keys as text) and a source sheet explaining the codes', async () => {
    const xlsx = await exportOf('alo_anteil/export?level=kreis&period=2020&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.disposition).toContain('filename="lagebild_alo_anteil_kreis_2020.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Daten')!;
    expect(data.rowCount).toBe(4);
    expect(data.getRow(2).getCell(1).value).toBe('01001');
    expect(data.getRow(2).getCell(4).value).toBeCloseTo((100 * 4012) / 90164, 12);
    expect(data.getRow(3).getCell(4).value).toBeNull();
    expect([data.getRow(3).getCell(5).value, data.getRow(3).getCell(6).value]).toEqual(['missing', 'secret']);
    const source = workbook.getWorksheet('Quelle')!;
    const lines = new Map<string, unknown>();
    source.eachRow((row) => lines.set(String(row.getCell(1).value ?? ''), row.getCell(2).value));
    expect(lines.get('Indikator')).toBe('Arbeitslose je 100 Einwohner');
    expect(lines.get('Quelle')).toBe('Testquelle');
    expect(lines.get('Zeitraum')).toBe('2020');
    expect(lines.get('Ebene')).toBe('Kreise');
    expect(lines.get('Exportiert am')).toBe(today());
    expect(lines.get('secret')).toBe('geheim zu halten (.)');
  });

  it('writes GeoJSON with metadata, geometry and the missing reason in every feature', async () => {
    const geo = await exportOf('arbeitslose/export?level=kreis&period=2020&format=geojson&locale=en');
    expect(geo.status).toBe(200);
    expect(geo.type).toContain('application/geo+json');
    const body = JSON.parse(geo.text);
    expect(body.metadata).toMatchObject({
      indicator: 'arbeitslose',
      name: 'Arbeitslose',
      unit: 'Personen',
      level: 'kreis',
      levelName: 'Districts',
      parent: null,
      period: '2020',
      exportedAt: today(),
    });
    expect(body.features).toHaveLength(3);
    expect(body.features[1]).toMatchObject({
      type: 'Feature',
      id: '01002',
      geometry: { type: 'Polygon' },
      properties: { key: '01002', name: 'Kiel', value: null, status: 'missing', missingReason: 'secret' },
    });
    expect(body.features[0].properties).toMatchObject({ value: 4012, exportedAt: today(), period: '2020' });
  });

  it('answers bad selections with the one error shape', async () => {
    expect((await exportOf('nope/export?level=kreis')).status).toBe(404);
    expect(JSON.parse((await exportOf('einwohner/export?level=nope')).text).code).toBe('LevelNotFound');
    const parent = await exportOf('einwohner/export?level=kreis&parent=01');
    expect(parent.status).toBe(404);
    expect(JSON.parse(parent.text).message).toMatch(/no parent level/);
    const format = await exportOf('einwohner/export?level=kreis&format=pdf');
    expect(format.status).toBe(400);
    expect(JSON.parse(format.text).code).toBe('ValidationFailed');
  });

  it('documents the three media types in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const operation = response.json().paths['/api/v1/indicators/{id}/export'].get;
    expect(operation['x-permission']).toBe('data:read');
    expect(Object.keys(operation.responses['200'].content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/geo+json',
    ]);
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'level',
      'period',
      'parent',
      'format',
      'locale',
      'filter',
      'sort',
      'direction',
    ]);
  });
});
