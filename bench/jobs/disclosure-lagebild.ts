import {
  attackPublication,
  protectIndicator,
  validateDisclosureRule,
  type DisclosureHierarchy,
  type Observation,
} from '@lagebild/core';
import { stopwatch, type JobOutcome } from '../harness.ts';
import { generateNational, YEARS, type NationalData } from '../fixtures/national.ts';

/**
 * Benchmark 5: disclosure control of one period on the national synthetic set (16 Länder, 400 Kreise,
 * 11,000 Gemeinden), minCount 3, Gemeinde → Kreis → Land. `full` is the product: primary and
 * secondary suppression (group pass and attacker check); `primary` is the baseline, the naive pass
 * that only suppresses small counts. Two phases: a rare count with thousands of 1s and 2s
 * (5 cases per 10,000 residents, the hard case), and the 60 count indicators of the set in a row.
 * Untimed: generating the data and building the observations; afterwards the attacker checks the
 * rare count of the full run and the job fails if it recovers anything.
 */
export interface DisclosureLagebildParams {
  mode: 'full' | 'primary';
}

const LEVELS = ['gemeinde', 'kreis', 'land'];

export async function disclosureLagebild(params: DisclosureLagebildParams): Promise<JobOutcome> {
  const data = generateNational();
  const y = YEARS.length - 1;
  const period = YEARS[y]!;
  const hierarchies: DisclosureHierarchy[] = [
    {
      id: 'gemeinde-kreis-land',
      levels: LEVELS,
      parentOf: [data.gemeindeParent, data.kreisParent],
      complete: true,
    },
  ];
  const population = data.counts[0]!;
  const rare = table(
    data,
    'rare',
    period,
    (g) => Math.round(population[g * YEARS.length + y]! * 0.0005),
    () => false,
  );
  const counts = data.countIds.map((id, k) => {
    const values = data.counts[k]!;
    // A missing value (GENESIS "."): the totals still hold it, as official totals do; last year's value stands in.
    const at = (g: number) => values[g * YEARS.length + y]!;
    const truth = (g: number) => (Number.isNaN(at(g)) ? values[g * YEARS.length + y - 1]! || 0 : at(g));
    return table(data, id, period, truth, (g) => Number.isNaN(at(g)));
  });
  const rule = validateDisclosureRule({ minCount: 3 });
  const run = (observations: Observation[]) =>
    protectIndicator({
      indicator: { id: observations[0]!.indicatorId, aggregation: 'sum' },
      rule,
      observations,
      hierarchies: params.mode === 'full' ? hierarchies : [],
    });
  const watch = stopwatch();
  const rareResult = run(rare);
  const rareSeconds = watch.seconds();
  const results = counts.map(run);
  const seconds = watch.seconds();
  const cpuSeconds = watch.cpuSeconds();
  if (params.mode === 'full') {
    const attack = attackPublication({ observations: rareResult.observations, hierarchies, minWidth: 3 });
    if (attack.recovered.length + attack.narrow.length > 0)
      throw new Error(
        `the attacker recovered ${attack.recovered.length} and pinned ${attack.narrow.length} cells`,
      );
  }
  const all = [rareResult, ...results];
  const sum = (f: (r: (typeof all)[number]) => number) => all.reduce((s, r) => s + f(r), 0);
  return {
    seconds,
    cpuSeconds,
    phases: { 'rare count': rareSeconds, '60 counts': seconds - rareSeconds },
    counts: {
      indicators: all.length,
      cells: sum((r) => r.report.cells),
      'rare: primary': rareResult.report.suppressed - rareResult.report.byReason.complement,
      'rare: complements': rareResult.report.byReason.complement,
      primary: sum((r) => r.report.suppressed - r.report.byReason.complement),
      complements: sum((r) => r.report.byReason.complement),
    },
  };
}

/** Observations of one count on all three levels; `missing` Gemeinden are GENESIS "." (secret). */
function table(
  data: NationalData,
  indicatorId: string,
  period: string,
  value: (g: number) => number,
  missing: (g: number) => boolean,
): Observation[] {
  const kreis = new Map<string, number>();
  const land = new Map<string, number>();
  const rows = data.gemeinden.map((areaKey, g): Observation => {
    const v = value(g);
    const k = data.gemeindeParent.get(areaKey)!;
    kreis.set(k, (kreis.get(k) ?? 0) + v);
    const hidden = missing(g);
    return observation(indicatorId, 'gemeinde', areaKey, period, hidden ? null : v, hidden);
  });
  for (const [k, v] of kreis) {
    const l = data.kreisParent.get(k)!;
    land.set(l, (land.get(l) ?? 0) + v);
    rows.push(observation(indicatorId, 'kreis', k, period, v, false));
  }
  for (const [l, v] of land) rows.push(observation(indicatorId, 'land', l, period, v, false));
  return rows;
}

function observation(
  indicatorId: string,
  levelId: string,
  areaKey: string,
  period: string,
  value: number | null,
  secret: boolean,
): Observation {
  return {
    indicatorId,
    levelId,
    areaKey,
    period,
    value,
    numerator: null,
    denominator: null,
    status: secret ? 'missing' : 'final',
    missingReason: secret ? 'secret' : null,
  };
}
