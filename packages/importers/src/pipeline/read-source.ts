import { DomainError, type Table } from '@lagebild/core';
import type { AreaMapping } from '../mapping/area-mapping.schema.ts';
import type { TableMapping } from '../mapping/mapping.schema.ts';
import { readCsv } from '../readers/csv.reader.ts';
import { readDbf } from '../readers/dbf.reader.ts';
import { readGenesisClassic } from '../readers/genesis-classic.reader.ts';
import { readGenesisFlat } from '../readers/genesis-flat.reader.ts';
import type { GeoTable } from '../readers/geo-table.ts';
import { readGeoJson } from '../readers/geojson.reader.ts';
import { readGeoPackage } from '../readers/geopackage.reader.ts';
import { readShapefile, readShapefileZip } from '../readers/shapefile.reader.ts';
import { extensionOf, sidecar, stemOf, type SourceFile } from './source-file.ts';

/** Dispatches a tabular source to its reader. The first file is the data; others are ignored. */
export async function readTableSource(files: SourceFile[], mapping: TableMapping): Promise<Table> {
  const main = mainFile(files);
  const file = main.name;
  switch (mapping.format) {
    case 'csv':
      return readCsv(main.bytes, {
        file,
        encoding: mapping.encoding,
        delimiter: mapping.delimiter,
        headerRow: mapping.headerRow,
      });
    case 'xlsx': {
      // ExcelJS takes about half a second to load: only when a workbook is read.
      const { readXlsx } = await import('../readers/xlsx.reader.ts');
      return readXlsx(main.bytes, {
        file,
        sheet: mapping.sheet,
        range: mapping.range,
        headerRow: mapping.headerRow,
      });
    }
    case 'genesis-classic':
      return readGenesisClassic(main.bytes, { file, encoding: mapping.encoding });
    case 'genesis-flat':
      return readGenesisFlat(main.bytes, { file });
    case 'dbf': {
      const cpg = sidecar(files, stemOf(file), 'cpg');
      return readDbf(main.bytes, {
        file,
        encoding: cpg ? new TextDecoder().decode(cpg.bytes) : mapping.encoding,
      });
    }
    default:
      throw new DomainError('UnsupportedFormat', `Format "${String(mapping.format)}" is not a table format.`);
  }
}

/** Dispatches a geographic source to its reader; shapefiles bring their sidecar files along. */
export async function readGeoSource(files: SourceFile[], mapping: AreaMapping): Promise<GeoTable> {
  const main = mainFile(files, mapping.format === 'shapefile' ? 'shp' : undefined);
  const file = main.name;
  switch (mapping.format) {
    case 'geojson':
      return readGeoJson(main.bytes, { file, sourceCrs: mapping.sourceCrs ?? undefined });
    case 'geopackage':
      return readGeoPackage(main.bytes, { file, layer: mapping.layer ?? undefined });
    case 'shapefile-zip':
      return readShapefileZip(main.bytes, {
        file,
        sourceCrs: mapping.sourceCrs ?? undefined,
        layer: mapping.layer ?? undefined,
      });
    case 'shapefile': {
      const stem = stemOf(file);
      const part = (ext: string) => sidecar(files, stem, ext)?.bytes;
      return readShapefile(
        { shp: main.bytes, dbf: part('dbf'), prj: part('prj'), cpg: part('cpg'), shx: part('shx') },
        { file, sourceCrs: mapping.sourceCrs ?? undefined },
      );
    }
    default:
      throw new DomainError(
        'UnsupportedFormat',
        `Format "${String(mapping.format)}" is not a geographic format.`,
      );
  }
}

function mainFile(files: SourceFile[], extension?: string): SourceFile {
  const main = extension ? files.find((f) => extensionOf(f.name) === extension) : files[0];
  if (!main) {
    const wanted = extension ? `a .${extension} file` : 'a data file';
    throw new DomainError('ImportInvalid', `The import needs ${wanted}; none was given.`);
  }
  return main;
}
