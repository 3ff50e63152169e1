import proj4 from 'proj4';
import { issue, mapPositions, roundTo, type Geometry, type ImportIssue } from '@lagebild/core';

/**
 * Coordinate reference systems the importers understand without any lookup service. German sources come
 * in ETRS89/UTM (25832/25833), in the old DHDN Gauss–Krüger zones (3146x, still common in BKG and Länder
 * data) or in LAEA (3035, EU grids). DHDN needs the 7-parameter datum shift: a .prj usually omits it,
 * and without it positions end up about 100 m off.
 */
const DHDN = '+ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';
const ETRS89 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const gk = (zone: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ${DHDN}`;

export const BUILT_IN_CRS: Readonly<Record<string, string>> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:4258': `+proj=longlat ${ETRS89}`,
  'EPSG:4314': `+proj=longlat ${DHDN}`,
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  'EPSG:25832': `+proj=utm +zone=32 ${ETRS89}`,
  'EPSG:25833': `+proj=utm +zone=33 ${ETRS89}`,
  // UTM with the zone number prefixed to the easting (Berlin and Brandenburg publish in 5650).
  'EPSG:4647': `+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 ${ETRS89}`,
  'EPSG:5650': `+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 ${ETRS89}`,
  'EPSG:31466': gk(2),
  'EPSG:31467': gk(3),
  'EPSG:31468': gk(4),
  'EPSG:31469': gk(5),
  'EPSG:3035': `+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 ${ETRS89}`,
};

export type ToWgs84 = (x: number, y: number) => [number, number];

export interface ResolvedCrs {
  /** `EPSG:nnnn` when recognised, otherwise `WKT`. */
  code: string;
  toWgs84: ToWgs84;
  /** Set when the transformation is doubtful, e.g. a WKT datum without any shift to WGS84. */
  warning: string | null;
}

const identity: ToWgs84 = (x, y) => [x, y];

function converter(definition: string): ToWgs84 {
  const forward = proj4(definition, 'WGS84').forward;
  return (x, y) => forward([x, y]) as [number, number];
}

/** A built-in CRS by EPSG code (`EPSG:25833`, `25833`); null when the code is not built in. */
export function crsFromEpsg(code: string | number): ResolvedCrs | null {
  const key = `EPSG:${String(code).replace(/^EPSG:/i, '')}`;
  const definition = BUILT_IN_CRS[key];
  if (definition === undefined) return null;
  const toWgs84 = key === 'EPSG:4326' ? identity : converter(definition);
  return { code: key, toWgs84, warning: null };
}

/**
 * A CRS from a .prj or GeoPackage WKT. A recognised EPSG code (from AUTHORITY/ID or a well-known name)
 * uses the built-in definition, because .prj files usually lack the datum shift; otherwise proj4 parses
 * the WKT itself. Null when proj4 cannot parse it.
 */
export function crsFromWkt(wkt: string): ResolvedCrs | null {
  const epsg = epsgFromWkt(wkt);
  const builtIn = epsg ? crsFromEpsg(epsg) : null;
  if (builtIn) return builtIn;
  try {
    return { code: epsg ?? 'WKT', toWgs84: converter(wkt), warning: datumWarning(wkt) };
  } catch {
    return null;
  }
}

function datumWarning(wkt: string): string | null {
  const datum = new proj4.Proj(wkt).datum as { datum_type?: number; a?: number } | undefined;
  // proj4 datum_type 5 = "no datum": the ellipsoid is known but not its position relative to WGS84.
  const wgsLike = datum?.a === 6378137;
  if (datum?.datum_type !== 5 || wgsLike) return null;
  return 'the projection names no datum shift to WGS84; positions may be off by up to a few hundred metres';
}

/**
 * Any CRS notation found in mapping files and legacy GeoJSON: `EPSG:25833`, `25833`,
 * `urn:ogc:def:crs:EPSG::25833`, `http://www.opengis.net/def/crs/EPSG/0/25833`, `OGC:CRS84`, or WKT.
 */
export function resolveCrs(spec: string): ResolvedCrs | null {
  const text = spec.trim();
  if (/^[A-Z_]+\s*[[(]/i.test(text)) return crsFromWkt(text);
  const code = epsgFromName(text);
  return code ? crsFromEpsg(code) : null;
}

/** `EPSG:nnnn` for the usual ways of naming a CRS by code; CRS84 counts as 4326 (both lon/lat WGS84). */
export function epsgFromName(text: string): string | null {
  if (/(^|:)CRS:?84$/i.test(text)) return 'EPSG:4326';
  const m =
    /^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/\d+\/)?(\d{4,6})$/i.exec(
      text,
    );
  return m ? `EPSG:${m[1]}` : null;
}

/** The EPSG code of a WKT from its top-level AUTHORITY/ID, else from its name; null if unrecognised. */
export function epsgFromWkt(wkt: string): string | null {
  return topLevelAuthority(wkt) ?? epsgFromWktName(wkt);
}

/** Only the outermost AUTHORITY counts: nested ones name the datum, ellipsoid or unit. */
function topLevelAuthority(wkt: string): string | null {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < wkt.length; i++) {
    const c = wkt[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 1 && (c === 'A' || c === 'I' || c === 'a' || c === 'i')) {
      const m = /^(?:AUTHORITY|ID)\s*[[(]\s*"EPSG"\s*,\s*"?(\d+)"?/i.exec(wkt.slice(i, i + 40));
      if (m && /[\s,]/.test(wkt[i - 1] ?? '')) return `EPSG:${m[1]}`;
    }
  }
  return null;
}

const NAME_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^etrs(?:89|1989)utmzone(3[23])n$/, (m) => `EPSG:258${m[1]}`],
  [/^dhdn.*gauss.*zone([2-5])$/, (m) => `EPSG:${31464 + Number(m[1])}`],
  [/^etrs(?:89|1989)(?:extended)?laea(?:europe)?$/, () => 'EPSG:3035'],
  [/^(?:gcs)?wgs(?:84|1984)$/, () => 'EPSG:4326'],
  [/^(?:wgs84pseudomercator|wgs1984webmercator(?:auxiliarysphere)?)$/, () => 'EPSG:3857'],
  [/^(?:gcs)?etrs(?:89|1989)$/, () => 'EPSG:4258'],
];

/** ESRI-style .prj files often carry only a name such as `ETRS_1989_UTM_Zone_32N`. */
function epsgFromWktName(wkt: string): string | null {
  const name = /^\s*[A-Z_]+\s*[[(]\s*"([^"]*)"/i.exec(wkt)?.[1];
  if (!name) return null;
  const normalised = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [pattern, code] of NAME_PATTERNS) {
    const m = pattern.exec(normalised);
    if (m) return code(m);
  }
  return null;
}

/**
 * Transforms a geometry to WGS84 lon/lat rounded to 6 decimals (≈0.1 m), keeping x/y only.
 * Null when a position cannot be transformed or lands outside lon/lat range (wrong CRS, garbage input).
 */
export function reprojectGeometry(geometry: Geometry, crs: ResolvedCrs): Geometry | null {
  let valid = true;
  const result = mapPositions(geometry, (p) => {
    const [lon, lat] = crs.toWgs84(p[0]!, p[1]!);
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) valid = false;
    return [roundTo(lon, 6), roundTo(lat, 6)];
  });
  return valid ? result : null;
}

export interface CrsChoice {
  crs: ResolvedCrs | null;
  issues: ImportIssue[];
}

export interface CrsSources {
  /** The CRS the file itself declares (.prj text, GeoJSON `crs` name, GeoPackage srs); null if none. */
  declared: string | null;
  /** The mapping's `sourceCrs`: overrides the declared CRS and is the fallback when there is none. */
  sourceCrs: string | undefined;
  /** File named in issues (e.g. `VG5000_GEM.prj`). */
  file: string;
  /** What would have fixed a missing CRS, for the issue's `expected`. */
  expected: string;
}

/** Decides which CRS to read with and explains every doubt as an issue. */
export function chooseCrs({ declared, sourceCrs, file, expected }: CrsSources): CrsChoice {
  const fromFile = declared === null ? null : resolveCrs(declared);
  const fromMapping = sourceCrs === undefined ? null : resolveCrs(sourceCrs);
  const issues: ImportIssue[] = [];
  if (sourceCrs !== undefined && !fromMapping) {
    issues.push(unknownCrs(file, sourceCrs, 'sourceCrs in the mapping'));
    return { crs: null, issues };
  }
  if (declared !== null && !fromFile && !fromMapping)
    issues.push(unknownCrs(file, declared, 'the declared CRS'));
  if (fromMapping && fromFile && fromMapping.code !== fromFile.code && fromFile.code !== 'WKT') {
    issues.push(overrideWarning(file, fromMapping.code, fromFile.code));
  }
  const crs = fromMapping ?? fromFile;
  if (!crs && issues.length === 0) {
    issues.push(
      issue({
        code: 'MissingProjection',
        file,
        expected,
        found: null,
        message: `${file}: no coordinate reference system given`,
      }),
    );
  }
  if (crs?.warning)
    issues.push(
      issue({
        severity: 'warning',
        code: 'MissingProjection',
        file,
        found: crs.code,
        message: `${file}: ${crs.warning}`,
      }),
    );
  return { crs, issues };
}

function unknownCrs(file: string, found: string, what: string): ImportIssue {
  return issue({
    code: 'MissingProjection',
    file,
    expected: `a CRS proj4 can read or one of ${Object.keys(BUILT_IN_CRS).join(', ')}`,
    found: found.length > 120 ? `${found.slice(0, 120)}…` : found,
    message: `${file}: ${what} is not a recognised coordinate reference system`,
  });
}

function overrideWarning(file: string, used: string, declared: string): ImportIssue {
  return issue({
    severity: 'warning',
    code: 'MissingProjection',
    file,
    expected: declared,
    found: used,
    message: `${file}: the mapping's sourceCrs ${used} overrides the declared ${declared}`,
  });
}
