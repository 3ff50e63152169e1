import { writeFileSync } from 'node:fs';
import {
  aggregateToParents,
  computeIndex,
  recomputeDerived,
  wilson,
  type AggregatableIndicator,
  type IndexDefinition,
  type Observation,
} from '@lagebild/core';
import { stopwatch, type JobOutcome } from '../harness.ts';
import {
  generateNational,
  INDEX_CLASSES,
  INDEX_COMPONENTS,
  INDEX_MIN_POPULATION,
  YEARS,
} from '../fixtures/national.ts';
import { SAMPLE, type AnalysisCheck } from './analysis-check.ts';

/**
 * Benchmark 3, product path: the full recompute with the pure modules of @lagebild/core, in process.
 * Untimed: generating the data and turning it into Observation objects (what the store would return).
 * Timed, in phases, year by year (as the analysis service computes per period): derived indicators (recomputeDerived), aggregation Gemeinde → Kreis → Land
 * (aggregateToParents: counts summed, shares and rates re-derived), Wilson 95 % limits of every share
 * on every level (wilson), one composite index per year on Gemeinden (computeIndex).
 * Afterwards (untimed) it writes a sample of its results for the DuckDB job to compare.
 */
export interface AnalysisLagebildParams {
  checkPath: string;
}

const GEMEINDE = 'gemeinde';
const KREIS = 'kreis';
const LAND = 'land';

export async function analysisLagebild(params: AnalysisLagebildParams): Promise<JobOutcome> {
  const data = generateNational();
  // Per year: indicator → observations of the Gemeinden, in Gemeinde order (as the store reads them per period).
  const byYear = YEARS.map((period, y) => {
    const byIndicator = new Map<string, Observation[]>();
    data.countIds.forEach((indicatorId, k) => {
      const values = data.counts[k]!;
      byIndicator.set(
        indicatorId,
        data.gemeinden.map((areaKey, g): Observation => {
          const value = values[g * YEARS.length + y]!;
          const missing = Number.isNaN(value);
          return {
            indicatorId,
            levelId: GEMEINDE,
            areaKey,
            period,
            value: missing ? null : value,
            numerator: null,
            denominator: null,
            status: missing ? 'missing' : 'final',
            missingReason: missing ? 'secret' : null,
          };
        }),
      );
    });
    return { period, byIndicator, all: [...byIndicator.values()].flat() };
  });
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
  const shareById = new Map(data.derived.filter((d) => d.kind === 'share').map((s) => [s.id, s]));
  const inputs = new Set(INDEX_COMPONENTS.map((c) => c.indicator));
  const gemeindeIndex = new Map(data.gemeinden.map((key, g) => [key, g]));

  const timer = stopwatch();
  const phases: Record<string, number> = { derive: 0, aggregate: 0, intervals: 0, index: 0 };
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name]! += (now - mark) / 1000;
    mark = now;
  };
  const aggregated: Observation[] = [];
  const sampleIntervals: Interval[] = [];
  const indexResults: { period: string; result: ReturnType<typeof computeIndex> }[] = [];
  const counts = { derived: 0, derivedMissing: 0, intervals: 0, warnings: 0 };
  for (const { period, byIndicator, all } of byYear) {
    // 1. Derived shares and rates of all Gemeinden.
    const derived = recomputeDerived(formulas, byIndicator).observations;
    phase('derive');

    // 2. Gemeinde → Kreis → Land. Ratios are re-derived from their aggregated numerator and denominator.
    const kreis = aggregateToParents(
      { indicators, observations: all, fromLevelId: GEMEINDE, toLevelId: KREIS },
      data.gemeindeParent,
    );
    const kreisCounts = kreis.observations.filter((o) => o.indicatorId.startsWith('c_'));
    const land = aggregateToParents(
      { indicators, observations: kreisCounts, fromLevelId: KREIS, toLevelId: LAND },
      data.kreisParent,
    );
    phase('aggregate');

    // 3. Wilson limits of every share on every level; on Gemeinde level from the counts.
    const intervals: Interval[] = [];
    for (const obs of derived) {
      const share = shareById.get(obs.indicatorId);
      if (!share || obs.value === null) continue;
      const g = gemeindeIndex.get(obs.areaKey)!;
      const estimate = wilson(
        byIndicator.get(share.numeratorId)![g]!.value,
        byIndicator.get(share.denominatorId)![g]!.value,
        { multiplier: 100 },
      );
      if (estimate) intervals.push({ obs, lower: estimate.lower, upper: estimate.upper });
    }
    for (const obs of [...kreis.observations, ...land.observations]) {
      if (!shareById.has(obs.indicatorId)) continue;
      const estimate = wilson(obs.numerator, obs.denominator, { multiplier: 100 });
      if (estimate) intervals.push({ obs, lower: estimate.lower, upper: estimate.upper });
    }
    phase('intervals');

    // 4. The composite index over the Gemeinden.
    const rows = new Map<string, Record<string, number | null>>();
    for (const o of byIndicator.get('c_01')!) rows.set(o.areaKey, { c_01: o.value });
    for (const o of derived) if (inputs.has(o.indicatorId)) rows.get(o.areaKey)![o.indicatorId] = o.value;
    const result = computeIndex(
      definition,
      [...rows].map(([key, values]) => ({ key, values })),
    );
    phase('index');

    indexResults.push({ period, result });
    for (const o of kreis.observations) aggregated.push(o);
    for (const o of land.observations) aggregated.push(o);
    counts.derived += derived.length;
    counts.derivedMissing += derived.filter((o) => o.value === null).length;
    counts.intervals += intervals.length;
    counts.warnings += kreis.warnings.length + land.warnings.length;
    for (const i of intervals) if (inSample(i.obs, data)) sampleIntervals.push(i);
    mark = performance.now(); // the bookkeeping above is not part of the work
  }
  const [seconds, cpuSeconds] = [timer.seconds(), timer.cpuSeconds()];

  writeFileSync(params.checkPath, JSON.stringify(checkOf(aggregated, sampleIntervals, indexResults)));
  return {
    seconds,
    cpuSeconds,
    phases,
    counts: {
      inputValues: byYear.reduce((n, y) => n + y.all.length, 0),
      ...counts,
      aggregated: aggregated.length,
      aggregatedMissing: aggregated.filter((o) => o.value === null).length,
      indexScores: indexResults.reduce((n, r) => n + r.result.summary.n, 0),
    },
  };
}

interface Interval {
  obs: Observation;
  lower: number;
  upper: number;
}

function inSample(obs: Observation, data: ReturnType<typeof generateNational>): boolean {
  if (!SAMPLE.shares.includes(obs.indicatorId) || !SAMPLE.periods.includes(obs.period)) return false;
  const list = obs.levelId === GEMEINDE ? data.gemeinden : obs.levelId === KREIS ? data.kreise : data.laender;
  return list.indexOf(obs.areaKey) % SAMPLE.every[obs.levelId]! === 0;
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

function checkOf(
  aggregated: Observation[],
  intervals: Interval[],
  indexResults: { period: string; result: ReturnType<typeof computeIndex> }[],
): AnalysisCheck {
  const totals = (counts: boolean) => {
    const byKey = new Map<string, { level: string; period: string; sum: number; missing: number }>();
    for (const o of aggregated) {
      if (o.indicatorId.startsWith('c_') !== counts) continue;
      const key = `${o.levelId} ${o.period}`;
      let t = byKey.get(key);
      if (!t) byKey.set(key, (t = { level: o.levelId, period: o.period, sum: 0, missing: 0 }));
      if (o.value === null) t.missing++;
      else t.sum += o.value;
    }
    return [...byKey.values()];
  };
  return {
    countTotals: totals(true),
    ratioTotals: totals(false),
    intervals: intervals.map(({ obs, lower, upper }) => ({
      level: obs.levelId,
      indicatorId: obs.indicatorId,
      areaKey: obs.areaKey,
      period: obs.period,
      lower,
      upper,
    })),
    indexClasses: indexResults.map(({ period, result }) => ({
      period,
      included: result.summary.n,
      classes: result.summary.classCounts,
    })),
    indexScores: indexResults.flatMap(({ period, result }) =>
      result.areas
        .filter((_, i) => i % SAMPLE.scoreEvery === 0)
        .map((a) => ({ areaKey: a.key, period, score: a.score })),
    ),
  };
}
