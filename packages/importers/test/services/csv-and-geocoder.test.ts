import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@lagebild/core';
import { openStore, type Store } from '@lagebild/store';
import { importFiles } from '../../src/index.ts';
import { createGeocoder } from '../../src/pipeline/geocoder.ts';

const csv = (text: string) => [{ name: 'beratung.csv', bytes: new TextEncoder().encode(text) }];

/** Counselling offices of a made-up county, as a planner would export them from a spreadsheet. */
const OFFICES = [
  'Nr;Name;Art;Straße;Hausnr;PLZ;Ort;Rechtswert;Hochwert;Sprachen;Plätze;Stand;Barrierefrei',
  '1;Schuldnerberatung Mitte;Schulden;Hauptstraße;1;10115;Berlin;13,3889;52,5170;de,tr;12;01.03.2024;ja',
  '2;Suchtberatung Nord;Sucht;Nordweg;5;13347;Berlin;;;de;;2024-02-01;nein',
  '3;Migrationsdienst;Migration;Südring;9;12043;Berlin;13,4300;52,4800;de,ar,fa;viele;;ja',
  '4;Beratung ohne Art;Sonstiges;Westweg;2;10555;Berlin;13,3300;52,5200;de;;;',
  '1;Schuldnerberatung doppelt;Schulden;Hauptstraße;1;10115;Berlin;13,3889;52,5170;de;;;',
].join('\n');

function mapping(extra: Record<string, unknown> = {}) {
  return {
    format: 'services',
    source: 'csv',
    directory: { id: 'kreis-beratung', name: 'Beratungsstellen im Kreis', attribution: 'Kreis X' },
    key: 'Nr',
    coordinates: { x: 'Rechtswert', y: 'Hochwert' },
    lastVerified: { property: 'Stand' },
    service: {
      name: 'Name',
      category: {
        property: 'Art',
        values: {
          Schulden: 'debt-counselling',
          Sucht: 'addiction-counselling',
          Migration: 'migration-counselling',
        },
      },
      languages: { property: 'Sprachen' },
      capacity: 'Plätze',
    },
    facility: {
      street: 'Straße',
      houseNumber: 'Hausnr',
      postcode: 'PLZ',
      city: 'Ort',
      accessibility: { property: 'Barrierefrei', values: { ja: ['wheelchair', 'step-free-entrance'] } },
    },
    ...extra,
  };
}

let store: Store;
beforeEach(async () => {
  store = await openStore('sqlite::memory:');
  await store.migrate();
});
afterEach(async () => store.close());

describe('a CSV directory source', () => {
  it('is a dry run by default that lists every bad record by file, row, column, expected and found', async () => {
    const report = await importFiles(store, csv(OFFICES), mapping(), {
      apply: false,
      acceptExclusions: false,
    });
    expect(report.dryRun).toBe(true);
    const brief = report.issues.map((i) => [i.severity, i.code, i.file, i.row, i.column, i.found]);
    expect(brief).toEqual([
      ['error', 'MissingCoordinates', 'beratung.csv', 3, 'Rechtswert/Hochwert', '/'],
      ['warning', 'NotANumber', 'beratung.csv', 4, 'Plätze', 'viele'],
      ['error', 'MissingValue', 'beratung.csv', 5, 'Art', 'Sonstiges'],
      ['error', 'DuplicateRow', 'beratung.csv', 6, 'Nr', '1'],
    ]);
    expect(report.issues[0]!.message).toContain('has no coordinates');
    expect(report.diff.directory!.services.inserted).toBe(2);
    expect(await store.listDirectoryEntries()).toEqual([]);
  });

  it('refuses to apply with errors, and applies the valid records when their exclusion is accepted', async () => {
    await expect(
      importFiles(store, csv(OFFICES), mapping(), { apply: true, acceptExclusions: false }),
    ).rejects.toThrow(DomainError);
    const report = await importFiles(store, csv(OFFICES), mapping(), { apply: true, acceptExclusions: true });
    expect(report.excludedRows).toBe(3);
    const entries = await store.listDirectoryEntries();
    expect(entries.map((e) => e.service.name)).toEqual(['Schuldnerberatung Mitte', 'Migrationsdienst']);
    expect(entries[0]!.service).toMatchObject({
      id: 'kreis-beratung:1',
      categoryId: 'debt-counselling',
      languages: ['de', 'tr'],
      capacity: 12,
      lastVerified: '2024-03-01',
    });
    expect(entries[0]!.facility).toMatchObject({
      location: { lon: 13.3889, lat: 52.517 },
      accessibility: ['wheelchair', 'step-free-entrance'],
    });
    expect(entries[1]!.service).toMatchObject({ capacity: null, languages: ['de', 'ar', 'fa'] });
  });

  it('reprojects coordinate columns from a projected CRS', async () => {
    const utm = [
      'Nr;Name;Art;Straße;Hausnr;PLZ;Ort;X;Y',
      '7;Kita Albrechtstraße;Kita;Albrechtstr.;20;10117;Berlin;390387,4;5820383,1',
    ].join('\n');
    const m = {
      ...mapping({ coordinates: { x: 'X', y: 'Y', crs: 'EPSG:25833' } }),
      lastVerified: undefined,
      service: { name: 'Name', category: { value: 'kita' } },
      facility: { street: 'Straße' },
    };
    const report = await importFiles(store, csv(utm), m, { apply: true, acceptExclusions: false });
    expect(report.errors).toBe(0);
    const [entry] = await store.listDirectoryEntries();
    // Albrechtstraße 20 in Berlin-Mitte; the GeoJSON of the same Kita gives the same point.
    expect(entry!.facility!.location).toEqual({ lon: 13.384393, lat: 52.522516 });
  });

  it('a later delivery withdraws the records the source no longer has', async () => {
    await importFiles(store, csv(OFFICES), mapping(), { apply: true, acceptExclusions: true });
    const fewer = OFFICES.split('\n')
      .filter((line) => !line.startsWith('3;'))
      .join('\n');
    const report = await importFiles(store, csv(fewer), mapping(), { apply: true, acceptExclusions: true });
    expect(report.diff.directory!.services).toEqual({ inserted: 0, updated: 0, unchanged: 1, withdrawn: 1 });
    expect((await store.listDirectoryEntries()).map((e) => e.service.name)).toEqual([
      'Schuldnerberatung Mitte',
    ]);
  });

  it('reports a mapping naming a column the file lacks, and a malformed mapping', async () => {
    const report = await importFiles(store, csv(OFFICES), mapping({ attributes: ['Träger'] }), {
      apply: false,
      acceptExclusions: false,
    });
    expect(report.issues[0]).toMatchObject({ code: 'ColumnMissing', column: 'Träger', row: null });
    await expect(
      importFiles(
        store,
        csv(OFFICES),
        { ...mapping(), coordinates: undefined },
        { apply: false, acceptExclusions: false },
      ),
    ).rejects.toThrow(/coordinates: a table needs coordinates/);
    await expect(
      importFiles(
        store,
        csv(OFFICES),
        { ...mapping(), service: { name: 'Name', category: 'kita' } },
        { apply: false, acceptExclusions: false },
      ),
    ).rejects.toThrow(/service.category: give \{ value: <category id> \}/);
  });
});

describe('geocoding records without coordinates', () => {
  /** Answers like Photon (/api) and Nominatim (/search) for two known addresses. */
  const KNOWN: Record<string, [number, number]> = {
    'Nordweg 5, 13347 Berlin, Deutschland': [13.36, 52.55],
    'Hauptstraße 1, 10115 Berlin, Deutschland': [13.39, 52.52],
  };
  let server: Server;
  let base: string;
  const requests: { path: string; agent: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push({ path: url.pathname, agent: req.headers['user-agent'] });
      const hit = KNOWN[url.searchParams.get('q') ?? ''];
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/api')
        res.end(
          JSON.stringify({
            type: 'FeatureCollection',
            features: hit ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: hit } }] : [],
          }),
        );
      else if (url.pathname === '/search')
        res.end(JSON.stringify(hit ? [{ lat: String(hit[1]), lon: String(hit[0]) }] : []));
      else res.writeHead(404).end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const noCoordinates = [
    'Nr;Name;Straße;Hausnr;PLZ;Ort',
    '1;Beratung A;Hauptstraße;1;10115;Berlin',
    '2;Beratung B;Nordweg;5;13347;Berlin',
    '3;Beratung C;Nirgendwo;0;99999;Irgendwo',
  ].join('\n');
  const geocoded = (service: 'photon' | 'nominatim') => ({
    ...mapping({
      coordinates: undefined,
      geocoder: { service, url: base, country: 'Deutschland', minIntervalMs: 0, userAgent: 'Lagebild-Test' },
    }),
    lastVerified: undefined,
    service: { name: 'Name', category: { value: 'debt-counselling' } },
    facility: { street: 'Straße', houseNumber: 'Hausnr', postcode: 'PLZ', city: 'Ort' },
  });

  for (const service of ['photon', 'nominatim'] as const) {
    it(`finds coordinates with ${service}, names the address it could not find, and asks once per address`, async () => {
      requests.length = 0;
      const dry = await importFiles(store, csv(noCoordinates), geocoded(service), {
        apply: false,
        acceptExclusions: false,
      });
      expect(dry.issues.map((i) => [i.code, i.row, i.column])).toEqual([
        ['MissingCoordinates', 4, 'coordinates'],
      ]);
      expect(dry.issues[0]!.found).toContain('Nirgendwo');
      await importFiles(store, csv(noCoordinates), geocoded(service), {
        apply: true,
        acceptExclusions: true,
      });
      const entries = await store.listDirectoryEntries();
      expect(entries.map((e) => [e.service.name, e.facility!.location])).toEqual([
        ['Beratung A', { lon: 13.39, lat: 52.52 }],
        ['Beratung B', { lon: 13.36, lat: 52.55 }],
      ]);
      expect(requests).toHaveLength(3);
      expect(new Set(requests.map((r) => r.path))).toEqual(
        new Set([service === 'photon' ? '/api' : '/search']),
      );
      expect(requests.every((r) => r.agent === 'Lagebild-Test')).toBe(true);
    });
  }

  it('a geocoder that cannot be reached stops the import with its address in the message', async () => {
    const geocoder = createGeocoder({ service: 'photon', url: 'http://127.0.0.1:9' });
    await expect(
      geocoder.geocode({ street: 'A', houseNumber: '1', postcode: null, city: 'B', district: null }),
    ).rejects.toThrow(/geocoder http:\/\/127.0.0.1:9 unreachable/);
  });
});
