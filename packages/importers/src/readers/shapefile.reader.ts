import { open } from 'shapefile';
import { isDomainError, issue, type Geometry, type ImportIssue, appendAll } from '@lagebild/core';
import { chooseCrs, reprojectGeometry, type ResolvedCrs } from './crs.ts';
import { outOfRange, stem, toProperties, unreadable, type GeoFeature, type GeoTable } from './geo-table.ts';
import { extractZip, listZip } from './zip.ts';

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
  /** Accepted for completeness; records are read sequentially, so the index is not needed. */
  shx?: Uint8Array;
}

export interface ShapefileOptions {
  /** Name of the .shp (or of the archive entry) used in issues. */
  file: string;
  /** Overrides the .prj, and is required when there is none. */
  sourceCrs?: string;
}

/**
 * Reads a shapefile set into WGS84 features. Never throws for bad input: a missing projection or an
 * unreadable file becomes an error issue and an empty feature list, which the caller reports.
 */
export async function readShapefile(parts: ShapefileParts, options: ShapefileOptions): Promise<GeoTable> {
  const table: GeoTable = {
    file: options.file,
    format: 'shapefile',
    sourceCrs: 'unknown',
    features: [],
    issues: [],
  };
  const prjFile = `${stem(options.file)}.prj`;
  const declared = parts.prj ? new TextDecoder('utf-8').decode(parts.prj).trim() || null : null;
  const expected = 'a .prj file or sourceCrs in the mapping';
  const { crs, issues } = chooseCrs({ declared, sourceCrs: options.sourceCrs, file: prjFile, expected });
  appendAll(table.issues, issues);
  if (!crs) return table;
  table.sourceCrs = crs.code;
  const encoding = dbfEncoding(parts, `${stem(options.file)}.dbf`);
  appendAll(table.issues, encoding.issues);
  try {
    table.features = await readRecords(parts, encoding.label, crs, table);
  } catch (error) {
    table.features = [];
    table.issues.push(unreadable(options.file, error));
  }
  return table;
}

async function readRecords(
  parts: ShapefileParts,
  encoding: string,
  crs: ResolvedCrs,
  table: GeoTable,
): Promise<GeoFeature[]> {
  const source = await open(parts.shp, parts.dbf, { encoding });
  const features: GeoFeature[] = [];
  for (let result = await source.read(); !result.done; result = await source.read()) {
    const index = features.length + 1;
    const geometry = toWgs84(result.value.geometry as unknown as Geometry | null, crs, table, index);
    features.push({ index, properties: toProperties(result.value.properties), geometry });
  }
  return features;
}

function toWgs84(geometry: Geometry | null, crs: ResolvedCrs, table: GeoTable, row: number): Geometry | null {
  if (!geometry) return null;
  const result = reprojectGeometry(geometry, crs);
  if (!result) table.issues.push(outOfRange(table.file, row, crs.code));
  return result;
}

interface EncodingChoice {
  label: string;
  issues: ImportIssue[];
}

const CPG_LABELS: [RegExp, string][] = [
  [/^(utf-?8|65001)$/i, 'utf-8'],
  [/^(iso[-_ ]?8859[-_ ]?15|885915|latin-?9)$/i, 'iso-8859-15'],
  [/^(iso[-_ ]?8859[-_ ]?1|88591|latin-?1)$/i, 'iso-8859-1'],
  [/^((ansi|cp|windows)[-_ ]?)?1252$/i, 'windows-1252'],
];

/**
 * The .cpg names the .dbf text encoding. Without one, dBase convention is windows-1252, except that a
 * .dbf that decodes as valid UTF-8 with non-ASCII text is UTF-8: umlauts in windows-1252 are never
 * valid UTF-8, so the check cannot misfire on German text.
 */
export function dbfEncoding(parts: Pick<ShapefileParts, 'cpg' | 'dbf'>, dbfFile: string): EncodingChoice {
  if (parts.cpg) {
    const text = new TextDecoder('utf-8').decode(parts.cpg).trim();
    const label = CPG_LABELS.find(([pattern]) => pattern.test(text))?.[1];
    if (label) return { label, issues: [] };
    return { label: 'windows-1252', issues: [encodingWarning(dbfFile, text)] };
  }
  if (parts.dbf && isUtf8WithNonAscii(dbfRecords(parts.dbf))) {
    const message = `${dbfFile}: no .cpg file; the attributes are valid UTF-8 and are read as UTF-8`;
    return {
      label: 'utf-8',
      issues: [
        issue({
          severity: 'warning',
          code: 'EncodingMismatch',
          file: dbfFile,
          expected: 'a .cpg file',
          found: 'UTF-8',
          message,
        }),
      ],
    };
  }
  return { label: 'windows-1252', issues: [] };
}

function encodingWarning(dbfFile: string, cpg: string): ImportIssue {
  return issue({
    severity: 'warning',
    code: 'EncodingMismatch',
    file: dbfFile,
    expected: 'UTF-8, ISO-8859-1 or windows-1252 in the .cpg',
    found: cpg,
    message: `${dbfFile}: unknown .cpg encoding "${cpg}"; read as windows-1252`,
  });
}

/** The record area of a .dbf; the binary header (counts, lengths) would spoil the UTF-8 test. */
function dbfRecords(dbf: Uint8Array): Uint8Array {
  const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : dbf.length;
  return dbf.subarray(Math.min(headerLength, dbf.length));
}

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface ShapefileZipOptions {
  /** Name of the archive, used in issues. */
  file: string;
  sourceCrs?: string;
  /** Which shapefile to read when the archive holds several (name without extension, any folder). */
  layer?: string;
}

/** Reads one shapefile set out of a zip; unsafe archives and ambiguous layers become error issues. */
export async function readShapefileZip(bytes: Uint8Array, options: ShapefileZipOptions): Promise<GeoTable> {
  const empty: GeoTable = {
    file: options.file,
    format: 'shapefile',
    sourceCrs: 'unknown',
    features: [],
    issues: [],
  };
  try {
    const entries = listZip(bytes)
      .map((e) => e.name)
      .filter((name) => !isJunk(name));
    const shp = pickLayer(entries, options);
    if (typeof shp !== 'string') return { ...empty, issues: [shp] };
    const parts = shapefileParts(bytes, entries, shp);
    return await readShapefile(parts, { file: `${options.file}/${shp}`, sourceCrs: options.sourceCrs });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ...empty, issues: [unreadable(options.file, error)] };
  }
}

/** macOS archivers add resource forks that look like shapefiles. */
function isJunk(name: string): boolean {
  return name.startsWith('__MACOSX/') || baseName(name).startsWith('._');
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function pickLayer(entries: string[], options: ShapefileZipOptions) {
  const shps = entries.filter((name) => /\.shp$/i.test(name));
  const layers = shps.map((name) => stem(baseName(name)));
  const wanted = options.layer?.toLowerCase();
  const index =
    wanted === undefined && shps.length === 1
      ? 0
      : layers.findIndex((l, i) => l.toLowerCase() === wanted || stem(shps[i]!).toLowerCase() === wanted);
  if (index >= 0) return shps[index]!;
  const found =
    shps.length === 0
      ? 'no .shp file'
      : options.layer === undefined
        ? `${shps.length} shapefiles`
        : `layer ${options.layer}`;
  return issue({
    code: 'Unreadable',
    file: options.file,
    expected: shps.length === 0 ? 'a .shp file in the zip' : `layer: one of ${layers.join(', ')}`,
    found,
    message: `${options.file}: ${found}; choose the layer in the mapping (${layers.join(', ') || 'none found'})`,
  });
}

function shapefileParts(bytes: Uint8Array, entries: string[], shp: string): ShapefileParts {
  const base = stem(shp).toLowerCase();
  const companion = (ext: string) => entries.find((name) => name.toLowerCase() === `${base}.${ext}`);
  const names = { shp, dbf: companion('dbf'), prj: companion('prj'), cpg: companion('cpg') };
  const files = extractZip(
    bytes,
    Object.values(names).filter((n): n is string => n !== undefined),
  );
  const get = (name: string | undefined) => (name === undefined ? undefined : files.get(name));
  return { shp: files.get(shp)!, dbf: get(names.dbf), prj: get(names.prj), cpg: get(names.cpg) };
}
