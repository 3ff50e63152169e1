import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readShapefile, readShapefileZip } from '../../src/readers/shapefile.reader.ts';
import { listZip, MAX_UNZIPPED_BYTES } from '../../src/readers/zip.ts';
import { fixtureShapefileParts } from './fixture-files.ts';

const parts = fixtureShapefileParts();
const set = (stem: string) => ({
  [`${stem}.shp`]: parts.shp,
  [`${stem}.SHX`]: parts.shx,
  [`${stem}.dbf`]: parts.dbf,
  [`${stem}.prj`]: parts.prj,
  [`${stem}.cpg`]: parts.cpg,
});

describe('readShapefileZip', () => {
  it('reads a zipped shapefile (in a folder, mixed-case extensions) like the loose files', async () => {
    const zip = zipSync({ ...set('daten/gemeinden'), '__MACOSX/daten/._gemeinden.shp': new Uint8Array(4) });
    const zipped = await readShapefileZip(zip, { file: 'gemeinden.zip' });
    const loose = await readShapefile(parts, { file: 'gemeinden.shp' });
    expect(zipped.issues).toEqual([]);
    expect(zipped.sourceCrs).toBe('EPSG:25832');
    expect(zipped.features).toEqual(loose.features);
  });

  it('asks for a layer when the zip holds several shapefiles, and reads the chosen one', async () => {
    const zip = zipSync({ ...set('a/VG_GEM'), ...set('a/VG_KRS') });
    const ambiguous = await readShapefileZip(zip, { file: 'vg.zip' });
    expect(ambiguous.features).toEqual([]);
    expect(ambiguous.issues).toEqual([
      expect.objectContaining({ code: 'Unreadable', expected: 'layer: one of VG_GEM, VG_KRS' }),
    ]);
    const chosen = await readShapefileZip(zip, { file: 'vg.zip', layer: 'vg_krs' });
    expect(chosen.features).toHaveLength(3);
    const missing = await readShapefileZip(zip, { file: 'vg.zip', layer: 'VG_LAN' });
    expect(missing.issues[0]).toMatchObject({ found: 'layer VG_LAN' });
  });

  it('reports a missing .prj inside the zip with its path', async () => {
    const { 'g.prj': _prj, ...rest } = set('g');
    const table = await readShapefileZip(zipSync(rest), { file: 'g.zip' });
    expect(table.issues).toEqual([
      expect.objectContaining({ code: 'MissingProjection', file: 'g.zip/g.prj' }),
    ]);
  });

  it.each(['../evil.shp', 'a/../../evil.shp', '/etc/evil.shp', 'C:\\evil.shp'])(
    'refuses an archive with the entry %s',
    async (name) => {
      const zip = zipSync({ ...set('ok'), [name]: parts.shp });
      const table = await readShapefileZip(zip, { file: 'evil.zip', layer: 'ok' });
      expect(table.features).toEqual([]);
      expect(table.issues).toEqual([
        expect.objectContaining({
          code: 'Unreadable',
          file: 'evil.zip',
          found: `unsafe path in zip: ${name}`,
        }),
      ]);
    },
  );

  it('refuses archives that declare more than 1 GiB uncompressed (zip bombs)', async () => {
    const zip = zipSync(set('bomb'));
    declareHugeSize(zip);
    const table = await readShapefileZip(zip, { file: 'bomb.zip' });
    expect(table.features).toEqual([]);
    expect(table.issues[0]!.message).toContain(`more than ${MAX_UNZIPPED_BYTES} bytes`);
    expect(() => listZip(zipSync(set('small')), 100)).toThrow(/more than 100 bytes/);
  });

  it('reports bytes that are not a zip', async () => {
    const table = await readShapefileZip(new Uint8Array([1, 2, 3]), { file: 'x.zip' });
    expect(table.issues).toEqual([expect.objectContaining({ code: 'Unreadable', file: 'x.zip' })]);
  });
});

/** Rewrites the uncompressed size of every entry (central directory and local headers) to 2 GiB − 1. */
function declareHugeSize(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, 0x7fffffff, true);
  }
}
