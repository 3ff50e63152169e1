import { DomainError } from '../domain/errors.ts';

/**
 * One age band of a population pyramid: ages `ageFrom` up to (not including) `ageTo`, with the
 * indicators holding its male and female counts. `ageTo: null` is an open last band ("90 und mehr").
 */
export interface PyramidBand {
  label: string;
  labelEn: string | null;
  ageFrom: number;
  ageTo: number | null;
  male: string;
  female: string;
}

/**
 * Which indicators form a population pyramid. The bands run from age 0 without gaps, so their sum is
 * the whole population and shares are shares of it. `openBandTo` is the age up to which an open last
 * band is drawn: its persons are spread over that many years, a stated assumption, never hidden.
 */
export interface PyramidDefinition {
  id: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  source: string | null;
  openBandTo: number | null;
  bands: PyramidBand[];
}

const PYRAMID_FIELDS = ['id', 'name', 'nameEn', 'description', 'source', 'openBandTo', 'bands'];
const BAND_FIELDS = ['label', 'labelEn', 'ageFrom', 'ageTo', 'male', 'female'];

/** Reads the pyramid list of a config file (`pyramids: [...]`); errors name the entry and the field. */
export function parsePyramidDefinitions(raw: unknown): PyramidDefinition[] {
  const list = isObject(raw) ? raw.pyramids : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw invalid('pyramids', 'a non-empty list of pyramids', list);
  const pyramids = list.map((entry, i) => parsePyramid(entry, `pyramids[${i}]`));
  checkUniqueIds(pyramids);
  return pyramids;
}

/** Ids must be unique across every configured file, too. */
export function checkUniqueIds(pyramids: readonly PyramidDefinition[]): void {
  const seen = new Set<string>();
  for (const p of pyramids) {
    if (seen.has(p.id))
      throw new DomainError('ValidationFailed', `pyramid id "${p.id}" is used twice`, { pyramid: p.id });
    seen.add(p.id);
  }
}

function parsePyramid(raw: unknown, path: string): PyramidDefinition {
  const r = record(raw, path, 'a pyramid object', PYRAMID_FIELDS);
  const id = text(r.id, `${path}.id`);
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id))
    throw invalid(`${path}.id`, 'lower-case letters, digits, - and _', id);
  if (!Array.isArray(r.bands) || r.bands.length < 2)
    throw invalid(`${path}.bands`, 'a list of at least 2 bands', r.bands);
  const bands = r.bands.map((b, i) => parseBand(b, `${path}.bands[${i}]`));
  checkBands(bands, `${path}.bands`);
  const last = bands.at(-1)!;
  const openBandTo = r.openBandTo === undefined ? null : integer(r.openBandTo, `${path}.openBandTo`);
  if (last.ageTo === null && (openBandTo === null || openBandTo <= last.ageFrom))
    throw invalid(
      `${path}.openBandTo`,
      `an age above ${last.ageFrom} up to which the open last band is drawn`,
      r.openBandTo,
    );
  return {
    id,
    name: text(r.name, `${path}.name`),
    nameEn: optionalText(r.nameEn, `${path}.nameEn`),
    description: optionalText(r.description, `${path}.description`),
    source: optionalText(r.source, `${path}.source`),
    openBandTo: last.ageTo === null ? openBandTo : null,
    bands,
  };
}

function parseBand(raw: unknown, path: string): PyramidBand {
  const r = record(raw, path, 'a band object', BAND_FIELDS);
  const ageFrom = integer(r.ageFrom, `${path}.ageFrom`);
  const ageTo = r.ageTo === undefined || r.ageTo === null ? null : integer(r.ageTo, `${path}.ageTo`);
  if (ageTo !== null && ageTo <= ageFrom)
    throw invalid(`${path}.ageTo`, `an age above ageFrom (${ageFrom})`, ageTo);
  return {
    label: text(r.label, `${path}.label`),
    labelEn: optionalText(r.labelEn, `${path}.labelEn`),
    ageFrom,
    ageTo,
    male: text(r.male, `${path}.male`),
    female: text(r.female, `${path}.female`),
  };
}

/** From age 0, each band starting where the previous one ended, only the last one open, no indicator twice. */
function checkBands(bands: readonly PyramidBand[], path: string): void {
  if (bands[0]!.ageFrom !== 0)
    throw invalid(`${path}[0].ageFrom`, '0 (the bands cover every age)', bands[0]!.ageFrom);
  const used = new Set<string>();
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (previous && band.ageFrom !== previous.ageTo)
      throw invalid(
        `${path}[${i}].ageFrom`,
        `${previous.ageTo ?? 'no band after an open band'} (where the band before ends)`,
        band.ageFrom,
      );
    for (const [sex, id] of [
      ['male', band.male],
      ['female', band.female],
    ] as const) {
      if (used.has(id)) throw invalid(`${path}[${i}].${sex}`, 'an indicator not used by another band', id);
      used.add(id);
    }
  });
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw);
}

function record(
  raw: unknown,
  path: string,
  expected: string,
  fields: readonly string[],
): Record<string, unknown> {
  if (!isObject(raw)) throw invalid(path, expected, raw);
  const unknown = Object.keys(raw).find((k) => !fields.includes(k));
  if (unknown !== undefined) throw invalid(`${path}.${unknown}`, `one of ${fields.join(', ')}`, unknown);
  return raw;
}

function text(value: unknown, path: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw invalid(path, 'a non-empty text', value);
}

function optionalText(value: unknown, path: string): string | null {
  return value === undefined || value === null ? null : text(value, path);
}

function integer(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw invalid(path, 'a whole number of years (0 or more)', value);
}

function invalid(path: string, expected: string, found: unknown): DomainError {
  return new DomainError(
    'ValidationFailed',
    `${path}: expected ${expected}, found ${JSON.stringify(found) ?? 'nothing'}`,
    {
      path,
      expected,
      found: found ?? null,
    },
  );
}
