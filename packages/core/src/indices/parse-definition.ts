import { DomainError } from '../domain/errors.ts';
import type {
  IndexClass,
  IndexComponent,
  IndexDefinition,
  IndexExclusions,
  IndexPreset,
  NamedExclusion,
  Standardisation,
} from './definition.ts';
import { checkCoverage, parseInterval } from './interval.ts';
import {
  bool,
  finiteNumber,
  integer,
  invalid,
  list,
  oneOf,
  optionalText,
  period,
  record,
  text,
} from './validate.ts';

const DEFINITION_KEYS = [
  'id',
  'version',
  'name',
  'description',
  'appliesTo',
  'population',
  'components',
  'standardise',
  'combine',
  'restandardise',
  'classes',
  'exclude',
  'explainTop',
] as const;

/** Where a field came from, for error messages: the version's own fields or the shared ones. */
type PathOf = (key: string) => string;

/**
 * Reads an index preset (parsed YAML/JSON): either one definition, or shared fields plus `versions`,
 * each version overriding what it sets. Throws a `ValidationFailed` DomainError naming the bad input.
 */
export function parseIndexPreset(raw: unknown): IndexPreset {
  const top = record(raw, '', [...DEFINITION_KEYS, 'versions']);
  if (top.versions === undefined) {
    const definition = parseIndexDefinition(top, (key) => key);
    return { id: definition.id, name: definition.name, versions: [definition] };
  }
  const { versions: rawVersions, ...shared } = top;
  const versions = list(rawVersions, 'versions', 1).map((entry, i) => {
    const own = record(entry, `versions[${i}]`, DEFINITION_KEYS);
    return parseIndexDefinition({ ...shared, ...own }, (key) => (key in own ? `versions[${i}].${key}` : key));
  });
  checkVersions(versions);
  return { id: versions[0]!.id, name: versions[0]!.name, versions };
}

/** Reads one definition; `pathOf` prefixes field names in errors. */
export function parseIndexDefinition(raw: unknown, pathOf: PathOf = (key) => key): IndexDefinition {
  const fields = record(raw, '', DEFINITION_KEYS);
  const appliesTo =
    fields.appliesTo === undefined ? {} : record(fields.appliesTo, pathOf('appliesTo'), ['from', 'to']);
  const components = list(fields.components, pathOf('components'), 1).map((c, i) =>
    parseComponent(c, `${pathOf('components')}[${i}]`),
  );
  const duplicate = components.find((c, i) => components.findIndex((d) => d.id === c.id) !== i);
  if (duplicate) throw invalid(pathOf('components'), 'components with distinct ids', duplicate.id);
  const classes =
    fields.classes === undefined
      ? []
      : list(fields.classes, pathOf('classes')).map((c, i) => parseClass(c, `${pathOf('classes')}[${i}]`));
  checkCoverage(classes, pathOf('classes'));
  return {
    id: text(fields.id, pathOf('id')),
    version: integer(fields.version, pathOf('version'), 1),
    name: text(fields.name, pathOf('name')),
    description: optionalText(fields.description, pathOf('description')),
    appliesTo: {
      from: period(appliesTo.from, `${pathOf('appliesTo')}.from`),
      to: period(appliesTo.to, `${pathOf('appliesTo')}.to`),
    },
    population: optionalText(fields.population, pathOf('population')),
    components,
    standardise: parseStandardisation(fields.standardise, pathOf('standardise')),
    combine: oneOf(fields.combine, pathOf('combine'), ['sum', 'mean'] as const),
    restandardise:
      fields.restandardise === undefined || fields.restandardise === null
        ? null
        : parseStandardisation(fields.restandardise, pathOf('restandardise')),
    classes,
    exclude: parseExclusions(fields.exclude, pathOf('exclude'), fields.population),
    explainTop: fields.explainTop === undefined ? 3 : integer(fields.explainTop, pathOf('explainTop'), 0),
  };
}

function parseComponent(raw: unknown, path: string): IndexComponent {
  const c = record(raw, path, ['id', 'indicator', 'label', 'direction', 'weight', 'standardise']);
  if (c.direction !== 1 && c.direction !== -1) throw invalid(`${path}.direction`, '1 or -1', c.direction);
  const weight = c.weight === undefined ? 1 : finiteNumber(c.weight, `${path}.weight`);
  if (weight <= 0) throw invalid(`${path}.weight`, 'a number > 0', c.weight);
  const indicator = text(c.indicator, `${path}.indicator`);
  return {
    id: c.id === undefined ? indicator : text(c.id, `${path}.id`),
    indicator,
    label: optionalText(c.label, `${path}.label`),
    direction: c.direction,
    weight,
    standardise:
      c.standardise === undefined ? null : parseStandardisation(c.standardise, `${path}.standardise`),
  };
}

const METHODS = ['z', 'min-max', 'rank', 'none'] as const;

/** `{ method: z, sd: population }`; methods without options may be written as text (`rank`). */
function parseStandardisation(raw: unknown, path: string): Standardisation {
  const s = typeof raw === 'string' ? { method: raw } : record(raw, path, ['method', 'sd']);
  const method = oneOf(s.method, `${path}.method`, METHODS);
  if (method !== 'z') {
    if (s.sd !== undefined) throw invalid(`${path}.sd`, `absent for method ${method}`, s.sd);
    return { method };
  }
  return { method, sd: oneOf(s.sd, `${path}.sd`, ['population', 'sample'] as const) };
}

function parseClass(raw: unknown, path: string): IndexClass {
  const c = record(raw, path, ['code', 'label', 'symbol', 'interval']);
  const code = integer(c.code, `${path}.code`, 0);
  return {
    code,
    label: text(c.label, `${path}.label`),
    symbol: c.symbol === undefined ? String(code) : text(c.symbol, `${path}.symbol`),
    interval: parseInterval(c.interval, `${path}.interval`),
  };
}

function parseExclusions(raw: unknown, path: string, population: unknown): IndexExclusions {
  if (raw === undefined) return { minPopulation: null, areas: [], allZero: false };
  const e = record(raw, path, ['minPopulation', 'areas', 'allZero']);
  const minPopulation =
    e.minPopulation === undefined ? null : finiteNumber(e.minPopulation, `${path}.minPopulation`);
  if (minPopulation !== null && (population === undefined || population === null)) {
    throw invalid('population', 'the population indicator when exclude.minPopulation is set', population);
  }
  const areas =
    e.areas === undefined
      ? []
      : list(e.areas, `${path}.areas`).map((a, i) => namedExclusion(a, `${path}.areas[${i}]`));
  return {
    minPopulation,
    areas,
    allZero: e.allZero === undefined ? false : bool(e.allZero, `${path}.allZero`),
  };
}

function namedExclusion(raw: unknown, path: string): NamedExclusion {
  const a = record(raw, path, ['key', 'name', 'reason']);
  return {
    key: text(a.key, `${path}.key`),
    name: optionalText(a.name, `${path}.name`),
    reason: text(a.reason, `${path}.reason`),
  };
}

function checkVersions(versions: IndexDefinition[]): void {
  versions.forEach((v, i) => {
    if (v.id !== versions[0]!.id)
      throw invalid(`versions[${i}].id`, `the preset's id "${versions[0]!.id}"`, v.id);
    if (versions.findIndex((w) => w.version === v.version) !== i) {
      throw invalid(`versions[${i}].version`, 'a version number used once', v.version);
    }
    const overlap = versions.findIndex((w, j) => j < i && overlaps(w.appliesTo, v.appliesTo));
    if (overlap >= 0) {
      throw new DomainError(
        'ValidationFailed',
        `versions[${i}].appliesTo overlaps versions[${overlap}].appliesTo: a period must select one version`,
        { path: `versions[${i}].appliesTo` },
      );
    }
  });
}

type Range = IndexDefinition['appliesTo'];

function overlaps(a: Range, b: Range): boolean {
  const startsBeforeEnd = (x: Range, y: Range) => x.from === null || y.to === null || x.from <= y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** The version of a preset meant for a period; an error naming the versions when none is. */
export function definitionFor(preset: IndexPreset, forPeriod: string): IndexDefinition {
  const found = preset.versions.find(
    (v) =>
      (v.appliesTo.from === null || forPeriod >= v.appliesTo.from) &&
      (v.appliesTo.to === null || forPeriod <= v.appliesTo.to),
  );
  if (found) return found;
  const ranges = preset.versions.map(
    (v) => `${v.version}: ${v.appliesTo.from ?? '…'} – ${v.appliesTo.to ?? '…'}`,
  );
  throw new DomainError(
    'ValidationFailed',
    `period ${forPeriod} is in no version of ${preset.id} (${ranges.join('; ')})`,
    { period: forPeriod, preset: preset.id },
  );
}
