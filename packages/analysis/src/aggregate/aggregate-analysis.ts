import {
  aggregateObservations,
  type AggregationRule,
  type AggregationWarning,
  type IndicatorDefinition,
  type Observation,
  type SpatialLevel,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  areasAt,
  indicatorRef,
  periodOrLatest,
  requireIndicator,
  requireLevel,
  usable,
  valuesOf,
  type IndicatorRef,
} from '../store-reads.ts';
import { linksBetween, type LevelLinks } from './aggregation-links.ts';

export interface AggregateQuery {
  fromLevel: string;
  toLevel: string;
  /** Default: the latest period with values on `fromLevel`. */
  period?: string;
}

export interface AggregatedValue {
  key: string;
  name: string | null;
  value: number | null;
  status: Observation['status'];
  missingReason: Observation['missingReason'];
  numerator: number | null;
  denominator: number | null;
  /** The value stored for the area on the target level, for comparison; null if none. */
  stored: number | null;
}

export interface AggregateAnalysis {
  indicator: IndicatorRef;
  fromLevel: string;
  toLevel: string;
  period: string;
  rule: AggregationRule;
  basis: LevelLinks['basis'];
  path: string[];
  /** True when any value is an estimate (weighted means, apportioned or incomplete children). */
  estimated: boolean;
  values: AggregatedValue[];
  summary: {
    parents: number;
    computed: number;
    missing: number;
    equalToStored: number;
    differentFromStored: number;
  };
  warnings: AggregationWarning[];
}

const MAX_LISTED_CHILDREN = 50;

/**
 * Aggregates an indicator from one level to a coarser one by its own rule: counts add up, ratios are
 * re-derived from numerator and denominator, weighted means are flagged as estimates, `none` is only
 * carried over for parents made of one whole child. Stored values of the target level are shown
 * beside the computed ones, so a planner sees whether the published figure is reproduced.
 */
export async function aggregateAnalysis(
  store: Store,
  indicatorId: string,
  query: AggregateQuery,
): Promise<AggregateAnalysis> {
  const indicator = await requireIndicator(store, indicatorId);
  const [from, to] = await Promise.all([
    requireLevel(store, query.fromLevel),
    requireLevel(store, query.toLevel),
  ]);
  const period = await periodOrLatest(store, indicator.id, from.id, query.period);
  const { observations, warnings, links } = await aggregatedObservations(store, indicator, from, to, period);
  const [stored, names] = await Promise.all([
    store.getValues({ indicatorId: indicator.id, levelId: to.id, period }),
    areasAt(store, to.id, period),
  ]);
  const storedByKey = new Map(stored.map((o) => [o.areaKey, usable(o)]));
  const values = observations
    .filter((o) => o.indicatorId === indicator.id)
    .sort((a, b) => (a.areaKey < b.areaKey ? -1 : a.areaKey > b.areaKey ? 1 : 0))
    .map((o) => ({
      key: o.areaKey,
      name: names.get(o.areaKey)?.name ?? null,
      value: o.value,
      status: o.status,
      missingReason: o.missingReason,
      numerator: o.numerator,
      denominator: o.denominator,
      stored: storedByKey.get(o.areaKey) ?? null,
    }));
  return {
    indicator: indicatorRef(indicator),
    fromLevel: from.id,
    toLevel: to.id,
    period,
    rule: indicator.aggregation,
    basis: links.basis,
    path: links.path,
    estimated: values.some((v) => v.status === 'estimated'),
    values,
    summary: summarise(values),
    warnings: warnings.map((w) => ({ ...w, children: w.children.slice(0, MAX_LISTED_CHILDREN) })),
  };
}

/** The computed values of the target level (for references when a parent has no stored value). */
export async function aggregatedObservations(
  store: Store,
  indicator: IndicatorDefinition,
  from: SpatialLevel,
  to: SpatialLevel,
  period: string,
): Promise<{ observations: Observation[]; warnings: AggregationWarning[]; links: LevelLinks }> {
  const links = await linksBetween(store, from, to, period);
  const inputs = [indicator.id, indicator.numeratorId, indicator.denominatorId, indicator.weightId].filter(
    (id): id is string => id !== null,
  );
  const values = await valuesOf(store, inputs, from.id, period);
  const result = aggregateObservations(
    {
      indicators: [indicator],
      observations: [...values.values()].flat(),
      fromLevelId: from.id,
      toLevelId: to.id,
    },
    links.links,
  );
  return { ...result, links };
}

function summarise(values: AggregatedValue[]): AggregateAnalysis['summary'] {
  const computed = values.filter((v) => v.value !== null);
  const compared = computed.filter((v) => v.stored !== null);
  const equal = compared.filter(
    (v) => Math.abs(v.value! - v.stored!) <= 1e-9 * Math.max(1, Math.abs(v.stored!)),
  );
  return {
    parents: values.length,
    computed: computed.length,
    missing: values.length - computed.length,
    equalToStored: equal.length,
    differentFromStored: compared.length - equal.length,
  };
}
