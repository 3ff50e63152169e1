import {
  computeIndex,
  crossClasses,
  definitionFor,
  indexInputs,
  indexRowsFromObservations,
  type CrossClassDefinition,
  type IndexPreset,
  type IndexResult,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import type { PresetCatalogue } from '../presets/preset-catalogue.ts';
import { areasAt, checkPeriod, namesOf, requireLevel, valuesOf } from '../store-reads.ts';
import { chooseIndexLevel } from './index-level.ts';
import type { IndexAnalysis, IndexAreaResult } from './index-types.ts';

export interface IndexQuery {
  period: string;
  /** Default: the finest level on which the index's first component has values for the period. */
  level?: string;
}

/**
 * A composite index (or the cross class of several) per area of one level and period, from the
 * stored values of its indicators. Which areas take part is decided by the preset's exclusion rules.
 */
export async function indexResult(
  store: Store,
  presets: PresetCatalogue,
  presetId: string,
  query: IndexQuery,
): Promise<IndexAnalysis> {
  const period = checkPeriod(query.period);
  const entry = presets.require(presetId);
  if (entry.kind === 'index') return compositeIndex(store, entry.preset, period, query.level);
  return crossClassIndex(store, presets, entry.cross, period, query.level);
}

async function compositeIndex(
  store: Store,
  preset: IndexPreset,
  period: string,
  levelId: string | undefined,
): Promise<IndexAnalysis> {
  const definition = definitionFor(preset, period);
  const level = levelId ?? (await chooseIndexLevel(store, definition, period));
  await requireLevel(store, level);
  const { result } = await computeOn(store, preset, period, level);
  return {
    preset: { id: preset.id, name: preset.name, kind: 'index', version: definition.version },
    level,
    period,
    areas: result.areas.map((a) => ({ ...a, parts: null })),
    summary: {
      areas: result.summary.areas,
      n: result.summary.n,
      excluded: result.summary.excluded,
      excludedBy: result.summary.excludedBy,
      classCounts: result.summary.classCounts,
      components: result.summary.components,
      combined: result.summary.combined,
      warnings: result.summary.warnings,
    },
  };
}

/** Reads the index inputs of one level and period and computes the index on them. */
async function computeOn(
  store: Store,
  preset: IndexPreset,
  period: string,
  level: string,
): Promise<{ result: IndexResult }> {
  const definition = definitionFor(preset, period);
  const [values, areas] = await Promise.all([
    valuesOf(store, indexInputs(definition), level, period),
    areasAt(store, level, period),
  ]);
  const rows = indexRowsFromObservations([...values.values()].flat(), namesOf(areas));
  return { result: computeIndex(definition, rows) };
}

async function crossClassIndex(
  store: Store,
  presets: PresetCatalogue,
  cross: CrossClassDefinition,
  period: string,
  levelId: string | undefined,
): Promise<IndexAnalysis> {
  const parts = cross.parts.map((part) => ({
    name: part.name,
    preset: presets.requireIndex(part.index).preset,
  }));
  const level = levelId ?? (await chooseIndexLevel(store, definitionFor(parts[0]!.preset, period), period));
  await requireLevel(store, level);
  const results: Record<string, IndexResult> = {};
  for (const part of parts) results[part.name] = (await computeOn(store, part.preset, period, level)).result;
  const combined = new Map(crossClasses(cross, results).map((c) => [c.key, c]));
  const byPart = parts.map((p) => ({
    name: p.name,
    areas: new Map(results[p.name]!.areas.map((a) => [a.key, a])),
  }));
  const areas = results[parts[0]!.name]!.areas.map((area): IndexAreaResult => {
    const partAreas = byPart.map((p) => [p.name, p.areas.get(area.key)] as const);
    const c = combined.get(area.key);
    return {
      key: area.key,
      name: area.name,
      excluded: partAreas.map(([, a]) => a?.excluded).find((e) => e) ?? null,
      raw: {},
      standardised: {},
      combined: null,
      score: null,
      class: c?.code ? { code: c.number, label: c.label!, symbol: c.code } : null,
      explanation: null,
      parts: Object.fromEntries(partAreas.map(([name, a]) => [name, a?.class ?? null])),
    };
  });
  return {
    preset: { id: cross.id, name: cross.name, kind: 'cross', version: cross.version },
    level,
    period,
    areas,
    summary: crossSummary(areas),
  };
}

function crossSummary(areas: IndexAreaResult[]): IndexAnalysis['summary'] {
  const excludedBy: Record<string, number> = {};
  const classCounts: Record<string, number> = {};
  for (const area of areas) {
    if (area.excluded) excludedBy[area.excluded.reason] = (excludedBy[area.excluded.reason] ?? 0) + 1;
    if (area.class) classCounts[area.class.symbol] = (classCounts[area.class.symbol] ?? 0) + 1;
  }
  const excluded = areas.filter((a) => a.excluded).length;
  return {
    areas: areas.length,
    n: areas.length - excluded,
    excluded,
    excludedBy,
    classCounts,
    components: {},
    combined: null,
    warnings: [],
  };
}
