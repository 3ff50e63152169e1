import { writeFileSync } from 'node:fs';
import {
  aggregateFrame,
  areaIndex,
  computeIndex,
  deriveFrame,
  emptyColumn,
  parentLinkTable,
  REASON_CODE,
  STATUS_CODE,
  wilson,
  type AggregatableIndicator,
  type AreaIndex,
  type IndexDefinition,
  type ValueColumn,
  type ValueFrame,
} from '@lagebild/core';
import { stopwatch, type JobOutcome } from '../harness.ts';
import {
  generateNational,
  INDEX_CLASSES,
  INDEX_COMPONENTS,
  INDEX_MIN_POPULATION,
  YEARS,
  type NationalData,
} from '../fixtures/national.ts';
import { SAMPLE, type AnalysisCheck } from './analysis-check.ts';

/**
 * Benchmark 3, product path: the full recompute with the pure modules of @lagebild/core, in process,
 * on the columnar path (one Float64Array of values plus status and reason codes per indicator and
 * period over a dense index of the Gemeinden; docs/analysis.md, "Derived indicators").
 * Untimed: generating the data and laying it out as one ValueFrame of the Gemeinden per year (what a
 * columnar read of the store would return), and the link tables Gemeinde → Kreis → Land (built once
 * per pair of levels). Timed, in phases, year by year (as the analysis service computes per period):
 * derived indicators (deriveFrame), aggregation Gemeinde → Kreis → Land (aggregateFrame: counts
 * summed, shares and rates re-derived), Wilson 95 % limits of every share on every level (wilson),
 * one composite index per year on Gemeinden (computeIndex).
 * Afterwards (untimed) it writes a sample of its results for the DuckDB job to compare.
 */
export interface AnalysisLagebildParams {
  checkPath: string;
}

const GEMEINDE = 'gemeinde';
const KREIS = 'kreis';
const LAND = 'land';

/** Wilson limits of one share on one level, over that level's areas (NaN where there is none). */
interface IntervalColumn {
  level: string;
  indicatorId: string;
  areas: AreaIndex;
  lower: Float64Array;
  upper: Float64Array;
}

export async function analysisLagebild(params: AnalysisLagebildParams): Promise<JobOutcome> {
  const data = generateNational();
  const gemeinden = areaIndex(data.gemeinden);
  const byYear = YEARS.map((period, y) => ({ period, frame: countFrame(data, gemeinden, period, y) }));
  const indicators: AggregatableIndicator[] = [
    ...data.countIds.map((id) => ({
      id,
      aggregation: 'sum' as const,
      ratePer: null,
      numeratorId: null,
      denominatorId: null,
      weightId: null,
    })),
    ...data.derived.map((d) => ({
      id: d.id,
      aggregation: 'ratio' as const,
      ratePer: d.ratePer,
      numeratorId: d.numeratorId,
      denominatorId: d.denominatorId,
      weightId: null,
    })),
  ];
  const formulas = data.derived.map((d) => ({ id: d.id, formula: d.formula }));
  const definition = indexDefinition();
  const shares = data.derived.filter((d) => d.kind === 'share');
  const toKreis = parentLinkTable(data.gemeindeParent, gemeinden);
  const toLand = parentLinkTable(data.kreisParent, toKreis.parents);

  const timer = stopwatch();
  const phases: Record<string, number> = { derive: 0, aggregate: 0, intervals: 0, index: 0 };
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name]! += (now - mark) / 1000;
    mark = now;
  };
  const check: AnalysisCheck = {
    countTotals: [],
    ratioTotals: [],
    intervals: [],
    indexClasses: [],
    indexScores: [],
  };
  const counts = {
    derived: 0,
    derivedMissing: 0,
    intervals: 0,
    warnings: 0,
    aggregated: 0,
    aggregatedMissing: 0,
  };
  let indexScores = 0;
  for (const { period, frame } of byYear) {
    // 1. Derived shares and rates of all Gemeinden.
    const derived = deriveFrame(formulas, frame).frame;
    phase('derive');

    // 2. Gemeinde → Kreis → Land. Ratios are re-derived from their aggregated numerator and denominator.
    const kreis = aggregateFrame({ indicators, frame, toLevelId: KREIS }, toKreis);
    const kreisCounts = { ...kreis.frame, columns: countColumns(kreis.frame) };
    const land = aggregateFrame({ indicators, frame: kreisCounts, toLevelId: LAND }, toLand);
    phase('aggregate');

    // 3. Wilson limits of every share on every level; on Gemeinde level from the counts.
    const intervals: IntervalColumn[] = [];
    for (const share of shares) {
      const column = derived.columns.get(share.id)!.get(period)!;
      const numerators = frame.columns.get(share.numeratorId)!.get(period)!.values;
      const denominators = frame.columns.get(share.denominatorId)!.get(period)!.values;
      intervals.push(limits(GEMEINDE, share.id, gemeinden, column, numerators, denominators, true));
      for (const [level, result] of [
        [KREIS, kreis.frame],
        [LAND, land.frame],
      ] as const) {
        const ratio = result.columns.get(share.id)!.get(period)!;
        intervals.push(
          limits(level, share.id, result.areas, ratio, ratio.numerators, ratio.denominators, false),
        );
      }
    }
    phase('intervals');

    // 4. The composite index over the Gemeinden.
    const valuesOf = (id: string, f: ValueFrame) => f.columns.get(id)!.get(period)!.values;
    const population = valuesOf('c_01', frame);
    const components = INDEX_COMPONENTS.map((c) => [c.indicator, valuesOf(c.indicator, derived)] as const);
    const rows = data.gemeinden.map((key, g) => {
      const values: Record<string, number | null> = { c_01: nullable(population[g]!) };
      for (const [id, column] of components) values[id] = nullable(column[g]!);
      return { key, values };
    });
    const result = computeIndex(definition, rows);
    phase('index');

    for (const id of data.derived.map((d) => d.id)) {
      const column = derived.columns.get(id)!.get(period)!;
      for (const status of column.status) {
        if (status !== 0) counts.derived++;
        if (status === STATUS_CODE.missing) counts.derivedMissing++;
      }
    }
    for (const [level, f] of [
      [KREIS, kreis.frame],
      [LAND, land.frame],
    ] as const)
      addTotals(check, level, period, f, counts);
    counts.warnings += kreis.warnings.length + land.warnings.length;
    for (const i of intervals) sampleIntervals(check, i, period, counts);
    check.indexClasses.push({ period, included: result.summary.n, classes: result.summary.classCounts });
    result.areas.forEach((a, i) => {
      if (i % SAMPLE.scoreEvery === 0) check.indexScores.push({ areaKey: a.key, period, score: a.score });
    });
    indexScores += result.summary.n;
    mark = performance.now(); // the bookkeeping above is not part of the work
  }
  const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];

  writeFileSync(params.checkPath, JSON.stringify(check));
  return {
    seconds,
    cpuSeconds,
    phases,
    counts: {
      inputValues: byYear.reduce((n, y) => n + observed(y.frame), 0),
      ...counts,
      indexScores,
    },
  };
}

/** One year of the counts as a frame of the Gemeinden: missing values are secret (GENESIS `.`). */
function countFrame(data: NationalData, areas: AreaIndex, period: string, year: number): ValueFrame {
  const columns = new Map<string, Map<string, ValueColumn>>();
  data.countIds.forEach((id, k) => {
    const source = data.counts[k]!;
    const column = emptyColumn(areas.keys.length);
    for (let g = 0; g < areas.keys.length; g++) {
      const value = source[g * YEARS.length + year]!;
      if (Number.isNaN(value)) {
        column.status[g] = STATUS_CODE.missing;
        column.reasons[g] = REASON_CODE.secret;
      } else {
        column.values[g] = value;
        column.status[g] = STATUS_CODE.final;
      }
    }
    columns.set(id, new Map([[period, column]]));
  });
  return { levelId: GEMEINDE, areas, columns };
}

function countColumns(frame: ValueFrame): ValueFrame['columns'] {
  return new Map([...frame.columns].filter(([id]) => id.startsWith('c_')));
}

function nullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/**
 * Wilson limits (percent) of a share column. On the Gemeinde level only where the derived share has
 * a value (`onlyValues`); on the aggregated levels for every parent, from its carried counts.
 */
function limits(
  level: string,
  indicatorId: string,
  areas: AreaIndex,
  share: ValueColumn,
  numerators: Float64Array | null,
  denominators: Float64Array | null,
  onlyValues: boolean,
): IntervalColumn {
  const lower = new Float64Array(share.status.length).fill(Number.NaN);
  const upper = new Float64Array(share.status.length).fill(Number.NaN);
  for (let i = 0; i < share.status.length; i++) {
    if (share.status[i] === 0 || (onlyValues && Number.isNaN(share.values[i]!))) continue;
    const estimate = wilson(
      nullable(numerators?.[i] ?? Number.NaN),
      nullable(denominators?.[i] ?? Number.NaN),
      {
        multiplier: 100,
      },
    );
    if (estimate) {
      lower[i] = estimate.lower;
      upper[i] = estimate.upper;
    }
  }
  return { level, indicatorId, areas, lower, upper };
}

function observed(frame: ValueFrame): number {
  let n = 0;
  for (const series of frame.columns.values())
    for (const column of series.values()) for (const status of column.status) if (status !== 0) n++;
  return n;
}

/** Per level and year: Σ of the values present and the number missing, counts and ratios apart. */
function addTotals(
  check: AnalysisCheck,
  level: string,
  period: string,
  frame: ValueFrame,
  counts: { aggregated: number; aggregatedMissing: number },
): void {
  const countTotal = { level, period, sum: 0, missing: 0 };
  const ratioTotal = { level, period, sum: 0, missing: 0 };
  for (const [id, series] of frame.columns) {
    const total = id.startsWith('c_') ? countTotal : ratioTotal;
    const column = series.get(period)!;
    for (let i = 0; i < column.status.length; i++) {
      if (column.status[i] === 0) continue;
      counts.aggregated++;
      if (Number.isNaN(column.values[i]!)) {
        total.missing++;
        counts.aggregatedMissing++;
      } else total.sum += column.values[i]!;
    }
  }
  check.countTotals.push(countTotal);
  check.ratioTotals.push(ratioTotal);
}

function sampleIntervals(
  check: AnalysisCheck,
  column: IntervalColumn,
  period: string,
  counts: { intervals: number },
): void {
  const sampled = SAMPLE.shares.includes(column.indicatorId) && SAMPLE.periods.includes(period);
  for (let i = 0; i < column.lower.length; i++) {
    if (Number.isNaN(column.lower[i]!)) continue;
    counts.intervals++;
    if (sampled && i % SAMPLE.every[column.level]! === 0)
      check.intervals.push({
        level: column.level,
        indicatorId: column.indicatorId,
        areaKey: column.areas.keys[i]!,
        period,
        lower: column.lower[i]!,
        upper: column.upper[i]!,
      });
  }
}

function indexDefinition(): IndexDefinition {
  const z = { method: 'z', sd: 'population' } as const;
  return {
    id: 'bench_index',
    version: 1,
    name: 'Benchmark index',
    description: null,
    appliesTo: { from: null, to: null },
    population: 'c_01',
    components: INDEX_COMPONENTS.map((c) => ({ ...c, label: null, weight: 1, standardise: null })),
    standardise: z,
    combine: 'sum',
    restandardise: z,
    classes: INDEX_CLASSES.map(([code, lower, upper]) => ({
      code,
      label: `class ${code}`,
      symbol: String(code),
      interval: { lower, upper, lowerClosed: true, upperClosed: false },
    })),
    exclude: { minPopulation: INDEX_MIN_POPULATION, areas: [], allZero: false },
    explainTop: 1,
  };
}
