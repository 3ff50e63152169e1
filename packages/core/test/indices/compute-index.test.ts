import { describe, expect, it } from 'vitest';
import {
  computeIndex,
  indexInputs,
  indexRowsFromObservations,
  parseIndexDefinition,
  type IndexRow,
} from '../../src/indices/index.ts';

const base = {
  id: 'test',
  version: 1,
  name: 'Test',
  standardise: { method: 'z', sd: 'population' },
  combine: 'sum',
};
const rows = (values: Record<string, (number | null)[]>): IndexRow[] => {
  const n = Object.values(values)[0]!.length;
  return Array.from({ length: n }, (_, i) => ({
    key: `A${i + 1}`,
    values: Object.fromEntries(Object.entries(values).map(([id, list]) => [id, list[i]])),
  }));
};

describe('computeIndex: standardisation and combination, checked by hand', () => {
  it('z-scores with the population or the sample SD', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, population SD 2, sample SD √(32/7)
    const definition = parseIndexDefinition({ ...base, components: [{ indicator: 'x', direction: 1 }] });
    const result = computeIndex(definition, rows({ x }));
    expect(result.areas.map((a) => a.score)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(result.summary.components.x).toMatchObject({ n: 8, mean: 5, sd: 2, min: 2, max: 9 });
    const sample = computeIndex(
      parseIndexDefinition({
        ...base,
        standardise: { method: 'z', sd: 'sample' },
        components: [{ indicator: 'x', direction: 1 }],
      }),
      rows({ x }),
    );
    expect(sample.areas[7]!.score).toBeCloseTo(4 / Math.sqrt(32 / 7), 12);
  });

  it('min–max with a weighted mean; direction −1 mirrors to 1 − v', () => {
    const definition = parseIndexDefinition({
      ...base,
      standardise: 'min-max',
      combine: 'mean',
      components: [
        { id: 'X', indicator: 'x', direction: 1, weight: 2 },
        { id: 'Y', indicator: 'y', direction: -1, weight: 1 },
      ],
    });
    const result = computeIndex(definition, rows({ x: [0, 5, 10], y: [100, 300, 200] }));
    // x → 0, .5, 1; y → 0, 1, .5, mirrored 1, 0, .5; (2x + y') / 3
    [1 / 3, 1 / 3, 2.5 / 3].forEach((expected, i) =>
      expect(result.areas[i]!.score).toBeCloseTo(expected, 12),
    );
    expect(result.areas[1]!.standardised).toEqual({ X: 0.5, Y: 1 });
    expect(result.areas[1]!.explanation!.contributions).toMatchObject([
      { component: 'X', contribution: 1 / 3, share: 1 },
      { component: 'Y', contribution: 0, share: 0 },
    ]);
  });

  it('percent ranks, ties sharing their average rank; per-component standardisation overrides the default', () => {
    const definition = parseIndexDefinition({
      ...base,
      components: [
        { indicator: 'x', direction: 1, standardise: 'rank' },
        { indicator: 'y', direction: 1, standardise: 'none' },
      ],
    });
    const result = computeIndex(definition, rows({ x: [10, 30, 20, 20], y: [1, 1, 1, 1] }));
    expect(result.areas.map((a) => a.standardised.x)).toEqual([0, 1, 0.5, 0.5]);
    expect(result.areas.map((a) => a.score)).toEqual([1, 2, 1.5, 1.5]);
  });

  it('re-standardises the combined score and reports the mean and SD it used', () => {
    const definition = parseIndexDefinition({
      ...base,
      standardise: 'none',
      restandardise: { method: 'z', sd: 'population' },
      components: [
        { indicator: 'x', direction: 1 },
        { indicator: 'y', direction: 1 },
      ],
    });
    const result = computeIndex(
      definition,
      rows({ x: [1, 2, 3, 4, 5, 6, 7, 8], y: [1, 2, 1, 0, 0, -1, -2, 0] }),
    );
    // combined = x + y, without standardisation
    expect(result.areas.map((a) => a.combined)).toEqual([2, 4, 4, 4, 5, 5, 5, 8]);
    expect(result.summary.combined).toMatchObject({ mean: 37 / 8 });
    const scores = result.areas.map((a) => a.score!);
    expect(scores.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    expect(Math.sqrt(scores.reduce((s, v) => s + v * v, 0) / 8)).toBeCloseTo(1, 12);
  });
});

describe('computeIndex: classes on the exact limits', () => {
  const definition = parseIndexDefinition({
    ...base,
    standardise: 'none',
    components: [{ indicator: 'x', direction: 1 }],
    classes: [
      { code: 1, label: 'hoch', interval: '(-inf, -1)' },
      { code: 2, label: 'mittel', interval: '[-1, 1]' },
      { code: 3, label: 'niedrig', interval: '(1, 1.5]' },
      { code: 4, label: 'sehr niedrig', interval: '(1.5, inf)' },
    ],
  });
  it('puts each limit on the side its bracket says', () => {
    const x = [-1.0000001, -1, 0, 1, 1.0000001, 1.5, 1.5000001, 40];
    const result = computeIndex(definition, rows({ x }));
    expect(result.areas.map((a) => a.class!.label)).toEqual([
      'hoch',
      'mittel',
      'mittel',
      'mittel',
      'niedrig',
      'niedrig',
      'sehr niedrig',
      'sehr niedrig',
    ]);
    expect(result.summary.classCounts).toEqual({ 1: 1, 2: 3, 3: 2, 4: 2 });
  });
});

describe('computeIndex: exclusions are reasons, counted, never crashes', () => {
  const definition = parseIndexDefinition({
    ...base,
    population: 'ew',
    components: [
      { id: 'A', indicator: 'a', direction: 1 },
      { id: 'B', indicator: 'b', direction: -1 },
    ],
    exclude: {
      minPopulation: 300,
      allZero: true,
      areas: [{ key: 'A1', reason: 'Ausreißer' }],
    },
  });
  const input = rows({
    ew: [5000, 100, null, 400, 400, 400, 1000, 2000, 3000],
    a: [1, 1, 1, 0, null, Number.NaN, 1, 2, 3],
    b: [1, 1, 1, 0, 2, 2, 3, 1, 2],
  });

  it('names the first rule that applies, and standardises over the rest only', () => {
    const result = computeIndex(definition, input);
    expect(result.areas.map((a) => a.excluded?.reason ?? null)).toEqual([
      'named',
      'population-below-minimum',
      'population-missing',
      'all-zero',
      'missing-values',
      'missing-values',
      null,
      null,
      null,
    ]);
    expect(result.areas[1]!.excluded!.detail).toBe('ew = 100 < 300');
    expect(result.areas[4]!.excluded!.detail).toBe('no value for A');
    expect(result.areas[0]!.excluded!.detail).toBe('Ausreißer');
    expect(result.areas[0]).toMatchObject({
      score: null,
      class: null,
      explanation: null,
      raw: { A: 1, B: 1 },
    });
    expect(result.summary).toMatchObject({ areas: 9, n: 3, excluded: 6 });
    expect(result.summary.excludedBy).toEqual({
      named: 1,
      'population-missing': 1,
      'population-below-minimum': 1,
      'all-zero': 1,
      'missing-values': 2,
    });
    expect(result.summary.warnings[0]).toBe(
      '6 of 9 areas left out (1 named, 1 population-missing, 1 population-below-minimum, 1 all-zero, 2 missing-values)',
    );
    expect(result.summary.components.A!.n).toBe(3);
  });

  it('warns about repeated keys and components without spread', () => {
    const flat = computeIndex(definition, [
      { key: 'X', values: { ew: 500, a: 1, b: 1 } },
      { key: 'Y', values: { ew: 500, a: 1, b: 2 } },
      { key: 'X', values: { ew: 500, a: 9, b: 9 } },
    ]);
    expect(flat.summary.warnings).toEqual([
      '1 repeated area keys: the first row of each key was used',
      'component A has no spread over 2 areas: every standardised value is 0',
    ]);
    expect(flat.areas).toHaveLength(2);
  });

  it('names the top drivers, with the direction they push the score', () => {
    const result = computeIndex(definition, input);
    const area = result.areas[8]!; // a = 3 (z +1.22), b = 2 (z 0 → 0)
    expect(area.explanation!.drivers).toEqual([{ component: 'A', effect: 'raises' }]);
    const low = result.areas[6]!; // a = 1 (z −1.22), b = 3 (z +1.22, mirrored −1.22)
    expect(low.explanation!.drivers).toEqual([
      { component: 'A', effect: 'lowers' },
      { component: 'B', effect: 'lowers' },
    ]);
  });
});

describe('store rows', () => {
  it('indexInputs lists the population and the component indicators once', () => {
    const definition = parseIndexDefinition({
      ...base,
      population: 'ew',
      components: [
        { id: 'A', indicator: 'a', direction: 1 },
        { id: 'A2', indicator: 'a', direction: 1, weight: 0.5 },
        { id: 'B', indicator: 'b', direction: 1 },
      ],
    });
    expect(indexInputs(definition)).toEqual(['ew', 'a', 'b']);
  });

  it('indexRowsFromObservations groups observations by area, ordered by key', () => {
    const result = indexRowsFromObservations(
      [
        { indicatorId: 'a', areaKey: '02', value: 1 },
        { indicatorId: 'b', areaKey: '01', value: null },
        { indicatorId: 'a', areaKey: '01', value: 3 },
      ],
      new Map([['01', 'Eins']]),
    );
    expect(result).toEqual([
      { key: '01', name: 'Eins', values: { b: null, a: 3 } },
      { key: '02', name: null, values: { a: 1 } },
    ]);
  });
});
