import { describe, expect, it } from 'vitest';
import {
  computeIndex,
  crossClasses,
  definitionFor,
  parseCrossClassDefinition,
  parseIndexDefinition,
  parseIndexPreset,
  parseInterval,
} from '../../src/indices/index.ts';

const valid = {
  id: 'test',
  version: 1,
  name: 'Test',
  standardise: { method: 'z', sd: 'population' },
  combine: 'sum',
  components: [{ id: 'A', indicator: 'a', direction: 1 }],
};

describe('parseIndexDefinition', () => {
  it('fills defaults: weight 1, id = indicator, no classes, no exclusions, 3 drivers', () => {
    const d = parseIndexDefinition({ ...valid, components: [{ indicator: 'a', direction: -1 }] });
    expect(d.components).toEqual([
      { id: 'a', indicator: 'a', label: null, direction: -1, weight: 1, standardise: null },
    ]);
    expect(d).toMatchObject({
      classes: [],
      restandardise: null,
      population: null,
      exclude: { minPopulation: null, areas: [], allZero: false },
      explainTop: 3,
      appliesTo: { from: null, to: null },
    });
  });

  const errors: [string, Record<string, unknown>, string][] = [
    [
      'a weight ≤ 0',
      { components: [{ indicator: 'a', direction: 1, weight: -1 }] },
      'components[0].weight must be a number > 0, got -1',
    ],
    [
      'a direction that is not ±1',
      { components: [{ indicator: 'a', direction: 2 }] },
      'components[0].direction must be 1 or -1, got 2',
    ],
    [
      'a misspelt option',
      { components: [{ indicator: 'a', direction: 1, wieght: 2 }] },
      'components[0].wieght is not an option; expected one of id, indicator, label, direction, weight, standardise',
    ],
    ['no components', { components: [] }, 'components must be a list of at least 1, got []'],
    [
      'two components with one id',
      {
        components: [
          { id: 'A', indicator: 'a', direction: 1 },
          { id: 'A', indicator: 'b', direction: 1 },
        ],
      },
      'components must be components with distinct ids, got "A"',
    ],
    [
      'z without its SD',
      { standardise: { method: 'z' } },
      'standardise.sd must be one of "population", "sample", got nothing',
    ],
    [
      'an unknown method',
      { standardise: 'robust' },
      'standardise.method must be one of "z", "min-max", "rank", "none", got "robust"',
    ],
    ['an unknown combination', { combine: 'product' }, 'combine must be one of "sum", "mean", got "product"'],
    ['a number as version 0', { version: 0 }, 'version must be an integer ≥ 1, got 0'],
    [
      'a key YAML read as a number',
      { exclude: { areas: [{ key: 10010203, reason: 'x' }] } },
      'exclude.areas[0].key must be text (quote it in YAML), got 10010203',
    ],
    [
      'a named exclusion without reason',
      { exclude: { areas: [{ key: '1' }] } },
      'exclude.areas[0].reason must be non-empty text, got nothing',
    ],
    [
      'a minimum population without population',
      { exclude: { minPopulation: 300 } },
      'population must be the population indicator when exclude.minPopulation is set, got nothing',
    ],
    [
      'a malformed interval',
      { classes: [{ code: 1, label: 'a', interval: '-1..1' }] },
      'classes[0].interval must be an interval like "[-1, 1]", "(1, 1.5]" or "(-inf, -1)", got "-1..1"',
    ],
    [
      'an infinite closed end',
      { classes: [{ code: 1, label: 'a', interval: '[-inf, inf)' }] },
      'classes[0].interval must be an interval like "[-1, 1]", "(1, 1.5]" or "(-inf, -1)", lower ≤ upper, infinite ends open, got "[-inf, inf)"',
    ],
    [
      'a limit in two classes',
      {
        classes: [
          { code: 1, label: 'a', interval: '(-inf, 0]' },
          { code: 2, label: 'b', interval: '[0, inf)' },
        ],
      },
      'classes[1].interval must exclude 0, which classes[0] includes, got "[0, inf)"',
    ],
    [
      'a limit in no class',
      {
        classes: [
          { code: 1, label: 'a', interval: '(-inf, 0)' },
          { code: 2, label: 'b', interval: '(0, inf)' },
        ],
      },
      'classes[1].interval must include 0, which classes[0] excludes, got "(0, inf)"',
    ],
    [
      'a gap',
      {
        classes: [
          { code: 1, label: 'a', interval: '(-inf, 0)' },
          { code: 2, label: 'b', interval: '[1, inf)' },
        ],
      },
      'classes[1].interval must start where classes[0] ends (0), got "[1, inf)"',
    ],
    [
      'classes not reaching +inf',
      { classes: [{ code: 1, label: 'a', interval: '(-inf, 0)' }] },
      'classes[0].interval must end at inf, got "(-inf, 0)"',
    ],
  ];
  it.each(errors)('rejects %s, naming the input', (_, change, message) => {
    expect(() => parseIndexDefinition({ ...valid, ...change })).toThrow(message);
  });

  it('reads intervals with unicode minus and infinity', () => {
    expect(parseInterval('(−∞, −1)', 'x')).toEqual({
      lower: Number.NEGATIVE_INFINITY,
      upper: -1,
      lowerClosed: false,
      upperClosed: false,
    });
  });
});

describe('parseIndexPreset: versions', () => {
  const preset = parseIndexPreset({
    ...valid,
    versions: [
      { version: 1, appliesTo: { from: '2012-12-31', to: '2016-12-31' } },
      {
        version: 2,
        appliesTo: { from: new Date('2018-12-31') },
        components: [{ id: 'B', indicator: 'b', direction: 1 }],
      },
    ],
  });

  it('merges the shared fields into each version and picks the version for a period', () => {
    expect(preset.versions.map((v) => v.components.map((c) => c.id))).toEqual([['A'], ['B']]);
    expect(definitionFor(preset, '2014-12-31').version).toBe(1);
    expect(definitionFor(preset, '2020-12-31').version).toBe(2);
    expect(() => definitionFor(preset, '2017-12-31')).toThrow(
      'period 2017-12-31 is in no version of test (1: 2012-12-31 – 2016-12-31; 2: 2018-12-31 – …)',
    );
  });

  it('names the version whose own field is wrong, and refuses overlapping versions', () => {
    expect(() => parseIndexPreset({ ...valid, versions: [{ version: 1, combine: 'max' }] })).toThrow(
      'versions[0].combine must be one of "sum", "mean", got "max"',
    );
    expect(() =>
      parseIndexPreset({ ...valid, versions: [{ version: 1 }, { version: 2, appliesTo: { from: '2019' } }] }),
    ).toThrow('versions[1].appliesTo overlaps versions[0].appliesTo: a period must select one version');
    expect(() => parseIndexPreset({ ...valid, versions: [{ version: 1 }, { version: 1 }] })).toThrow(
      'versions[1].version must be a version number used once, got 1',
    );
  });
});

describe('cross classes (Gesamtindex)', () => {
  const status = parseIndexDefinition({
    ...valid,
    standardise: 'none',
    classes: [
      { code: 1, label: 'hoch', interval: '(-inf, 0)' },
      { code: 2, label: 'mittel', interval: '[0, inf)' },
    ],
  });
  const dynamik = parseIndexDefinition({
    ...valid,
    standardise: 'none',
    classes: [
      { code: 1, label: 'positiv', symbol: '+', interval: '(-inf, 0)' },
      { code: 3, label: 'stabil', symbol: '+/-', interval: '[0, inf)' },
    ],
  });
  const definition = parseCrossClassDefinition({
    id: 'gesamt',
    version: 1,
    name: 'Gesamt',
    parts: [
      { name: 'Status', index: 'status' },
      { name: 'Dynamik', index: 'dynamik' },
    ],
    code: '{Status.symbol}{Dynamik.symbol}',
    number: '{Status.code}{Dynamik.code}',
    label: 'Status {Status.label}, Dynamik {Dynamik.label}',
  });

  it('joins the classes per area; an area without a class in a part has none', () => {
    const rows = [
      { key: 'p', values: { a: -1 } },
      { key: 'q', values: { a: 1 } },
      { key: 'r', values: { a: null } },
    ];
    const result = crossClasses(definition, {
      Status: computeIndex(status, rows),
      Dynamik: computeIndex(dynamik, rows),
    });
    expect(result).toEqual([
      { key: 'p', code: '1+', number: 11, label: 'Status hoch, Dynamik positiv' },
      { key: 'q', code: '2+/-', number: 23, label: 'Status mittel, Dynamik stabil' },
      { key: 'r', code: null, number: null, label: null },
    ]);
  });

  it('refuses templates that name no part', () => {
    expect(() => parseCrossClassDefinition({ ...definition, code: '{Stat.symbol}' })).toThrow(
      'code must be a template of {Part.code|symbol|label} with parts Status, Dynamik, got "{Stat.symbol}"',
    );
  });
});
