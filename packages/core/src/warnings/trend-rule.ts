import type { Observation } from '../domain/observation.ts';
import {
  recentTrendForIntervals,
  recentTrendForProportions,
  type RecentTrend,
} from '../trends/recent-trend.ts';
import { assessTrend } from '../trends/trend-assessment.ts';
import { format, neutralNeedsDirection, polarityOf, usableValue } from './rule-helpers.ts';
import { intervalKey, type RuleOutcome, type TrendRule, type WarningContext } from './warning-types.ts';

/**
 * Flags areas whose recent trend (the last five periods up to the evaluated period) is significant
 * and in the worse direction for the indicator's polarity.
 */
export function evaluateTrend(rule: TrendRule, ctx: WarningContext): RuleOutcome {
  const polarity = polarityOf(rule, rule.indicatorId, ctx);
  if (polarity === 'neutral' && !rule.direction) throw neutralNeedsDirection(rule, rule.indicatorId);
  const outcome: RuleOutcome = { hits: [], notes: [] };
  const unavailable = new Map<string, number>();
  for (const series of seriesPerArea(rule.indicatorId, ctx)) {
    const last = series.at(-1)!;
    const trend = trendOf(rule, series, ctx);
    if (trend.marker === 'cannot_be_calculated') {
      unavailable.set(trend.reason, (unavailable.get(trend.reason) ?? 0) + 1);
      continue;
    }
    const worse =
      polarity === 'neutral'
        ? trend.marker === rule.direction
        : assessTrend(trend.marker, polarity) === 'worsening';
    if (!worse) continue;
    outcome.hits.push({
      levelId: last.levelId,
      areaKey: last.areaKey,
      reason: {
        ruleId: rule.id,
        kind: 'worsening_trend',
        indicatorId: rule.indicatorId,
        period: last.period,
        value: usableValue(last),
        message: `${rule.indicatorId} ${trend.periods[0]}–${last.period}: significant ${trend.marker} trend (χ² ${format(trend.chiSquare!)})`,
        details: {
          marker: trend.marker,
          fromPeriod: trend.periods[0]!,
          chiSquare: trend.chiSquare,
          pValue: trend.pValue,
          slope: trend.slope,
        },
      },
    });
  }
  for (const [reason, count] of unavailable)
    outcome.notes.push({
      ruleId: rule.id,
      count,
      message: `trend of ${rule.indicatorId} cannot be calculated for ${count} area(s): ${reason}`,
    });
  return outcome;
}

function trendOf(rule: TrendRule, series: Observation[], ctx: WarningContext): RecentTrend {
  if (rule.method === 'interval')
    return recentTrendForIntervals(
      series.map((obs) => {
        const interval = ctx.intervals?.get(
          intervalKey(obs.indicatorId, obs.levelId, obs.areaKey, obs.period),
        );
        return {
          period: obs.period,
          value: usableValue(obs),
          lower: interval?.lower ?? null,
          upper: interval?.upper ?? null,
        };
      }),
    );
  const counts = countLookup(rule.indicatorId, ctx);
  return recentTrendForProportions(
    series.map((obs) => ({
      period: obs.period,
      numerator: counts(obs, 'numerator'),
      denominator: counts(obs, 'denominator'),
    })),
  );
}

/** Counts come from the observation itself, or else from the indicator's numerator/denominator indicators. */
function countLookup(indicatorId: string, ctx: WarningContext) {
  const def = ctx.indicators.find((d) => d.id === indicatorId)!;
  const cells = new Map<string, Observation>();
  for (const obs of ctx.observations)
    if (obs.indicatorId === def.numeratorId || obs.indicatorId === def.denominatorId)
      cells.set(intervalKey(obs.indicatorId, obs.levelId, obs.areaKey, obs.period), obs);
  return (obs: Observation, field: 'numerator' | 'denominator'): number | null => {
    if (obs.status === 'missing' || obs.status === 'suppressed') return null;
    if (obs[field] !== null) return obs[field];
    const sourceId = field === 'numerator' ? def.numeratorId : def.denominatorId;
    const source = sourceId
      ? cells.get(intervalKey(sourceId, obs.levelId, obs.areaKey, obs.period))
      : undefined;
    return source ? usableValue(source) : null;
  };
}

/** The indicator's observations per (level, area), up to the evaluated period, sorted by period. */
function seriesPerArea(indicatorId: string, ctx: WarningContext): Observation[][] {
  const groups = new Map<string, Observation[]>();
  for (const obs of ctx.observations) {
    if (obs.indicatorId !== indicatorId || (ctx.period !== undefined && obs.period > ctx.period)) continue;
    const key = `${obs.levelId}\u0000${obs.areaKey}`;
    const list = groups.get(key);
    if (list) list.push(obs);
    else groups.set(key, [obs]);
  }
  return [...groups.values()].map((list) => list.sort((a, b) => (a.period < b.period ? -1 : 1)));
}
