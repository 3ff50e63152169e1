import type { IndexClass, IndexDefinition } from './definition.ts';
import { isInside } from './definition.ts';
import {
  EXCLUSION_REASONS,
  exclusionOf,
  type Exclusion,
  type ExclusionReason,
  type IndexRow,
} from './exclusions.ts';
import { explain, type Explanation } from './explain.ts';
import { directed, standardise, type StandardisationStats } from './standardise.ts';

export interface AreaIndexResult {
  key: string;
  name: string | null;
  /** Why the area is left out; all figures below are then null. */
  excluded: Exclusion | null;
  /** Per component id: the value as given. */
  raw: Record<string, number | null>;
  /** Per component id: the standardised value, before direction and weight (e.g. the published zS1). */
  standardised: Record<string, number | null>;
  /** Σ wᵢ·(direction·standardised) (÷ Σ wᵢ for `mean`): the Status-Summe of the MSS. */
  combined: number | null;
  /** The final score: `combined`, re-standardised if the definition says so. */
  score: number | null;
  class: Pick<IndexClass, 'code' | 'label' | 'symbol'> | null;
  explanation: Explanation | null;
}

export interface IndexSummary {
  /** Areas given, included, left out (by reason). */
  areas: number;
  n: number;
  excluded: number;
  excludedBy: Record<ExclusionReason, number>;
  /** Per component id: the mean, SD, min and max used to standardise it (over the included areas). */
  components: Record<string, StandardisationStats>;
  /** Of the combined score, as used to re-standardise it. */
  combined: StandardisationStats | null;
  /** Areas per class code. */
  classCounts: Record<string, number>;
  warnings: string[];
}

export interface IndexResult {
  definition: { id: string; version: number };
  areas: AreaIndexResult[];
  summary: IndexSummary;
}

/**
 * Computes a composite index over areas: exclusions, standardisation of each component over the
 * included areas, weighted combination, optional re-standardisation, classes and an explanation
 * per area. Pure and deterministic; bad rows are left out with a reason and counted, never thrown on.
 */
export function computeIndex(definition: IndexDefinition, rows: readonly IndexRow[]): IndexResult {
  const warnings: string[] = [];
  const unique = uniqueRows(rows, warnings);
  const exclusions = unique.map((row) => exclusionOf(row, definition));
  const included = unique.filter((_, i) => exclusions[i] === null);
  const components = standardiseComponents(definition, included, warnings);
  const contributions = included.map((_, r) => contributionsOf(definition, components.values, r));
  const combined = contributions.map((parts) => parts.reduce((sum, v) => sum + v, 0));
  const final = restandardise(definition, combined, warnings);
  const position = new Map(included.map((row, r) => [row, r]));
  const areas = unique.map((row, i): AreaIndexResult => {
    const r = position.get(row);
    const raw = Object.fromEntries(
      definition.components.map((c) => [c.id, numberOrNull(row.values[c.indicator])]),
    );
    if (r === undefined) return excludedArea(definition, row, raw, exclusions[i]!);
    return {
      key: row.key,
      name: row.name ?? null,
      excluded: null,
      raw,
      standardised: Object.fromEntries(
        definition.components.map((c) => [c.id, components.values.get(c.id)![r]!]),
      ),
      combined: combined[r]!,
      score: final.scores[r]!,
      class: classOfScore(definition.classes, final.scores[r]!),
      explanation: explain(definition, raw, contributions[r]!),
    };
  });
  return {
    definition: { id: definition.id, version: definition.version },
    areas,
    summary: summarise(areas, components.stats, final.stats, warnings),
  };
}

/** Each component standardised over the included areas (by component id, in row order). */
function standardiseComponents(definition: IndexDefinition, included: IndexRow[], warnings: string[]) {
  const values = new Map<string, number[]>();
  const stats: Record<string, StandardisationStats> = {};
  for (const c of definition.components) {
    const how = c.standardise ?? definition.standardise;
    const result = standardise(
      included.map((row) => row.values[c.indicator] as number),
      how,
      `component ${c.id}`,
    );
    values.set(c.id, result.values);
    stats[c.id] = result.stats;
    if (result.warning) warnings.push(result.warning);
  }
  return { values, stats };
}

/** weight · directed standardised value per component (÷ Σ weights for `mean`), for row r. */
function contributionsOf(
  definition: IndexDefinition,
  standardised: Map<string, number[]>,
  r: number,
): number[] {
  const divisor =
    definition.combine === 'mean' ? definition.components.reduce((sum, c) => sum + c.weight, 0) : 1;
  return definition.components.map((c) => {
    const how = c.standardise ?? definition.standardise;
    return (c.weight * directed(standardised.get(c.id)![r]!, c.direction, how)) / divisor;
  });
}

function restandardise(
  definition: IndexDefinition,
  combined: number[],
  warnings: string[],
): { scores: number[]; stats: StandardisationStats | null } {
  if (!definition.restandardise) return { scores: combined, stats: null };
  const result = standardise(combined, definition.restandardise, 'the combined score');
  if (result.warning) warnings.push(result.warning);
  return { scores: result.values, stats: result.stats };
}

function excludedArea(
  definition: IndexDefinition,
  row: IndexRow,
  raw: Record<string, number | null>,
  excluded: Exclusion,
): AreaIndexResult {
  return {
    key: row.key,
    name: row.name ?? null,
    excluded,
    raw,
    standardised: Object.fromEntries(definition.components.map((c) => [c.id, null])),
    combined: null,
    score: null,
    class: null,
    explanation: null,
  };
}

/** The class whose interval holds the score; null without classes. */
export function classOfScore(classes: readonly IndexClass[], score: number): AreaIndexResult['class'] {
  const found = classes.find((c) => isInside(c.interval, score));
  return found ? { code: found.code, label: found.label, symbol: found.symbol } : null;
}

function uniqueRows(rows: readonly IndexRow[], warnings: string[]): IndexRow[] {
  const seen = new Set<string>();
  const unique = rows.filter((row) => !seen.has(row.key) && seen.add(row.key));
  if (unique.length < rows.length) {
    warnings.push(`${rows.length - unique.length} repeated area keys: the first row of each key was used`);
  }
  return unique;
}

function summarise(
  areas: AreaIndexResult[],
  components: Record<string, StandardisationStats>,
  combined: StandardisationStats | null,
  warnings: string[],
): IndexSummary {
  const excludedBy = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
    ExclusionReason,
    number
  >;
  const classCounts: Record<string, number> = {};
  for (const area of areas) {
    if (area.excluded) excludedBy[area.excluded.reason]++;
    if (area.class) classCounts[area.class.code] = (classCounts[area.class.code] ?? 0) + 1;
  }
  const excluded = areas.filter((a) => a.excluded).length;
  if (excluded > 0) {
    const reasons = EXCLUSION_REASONS.filter((r) => excludedBy[r] > 0).map((r) => `${excludedBy[r]} ${r}`);
    warnings.unshift(`${excluded} of ${areas.length} areas left out (${reasons.join(', ')})`);
  }
  return {
    areas: areas.length,
    n: areas.length - excluded,
    excluded,
    excludedBy,
    components,
    combined,
    classCounts,
    warnings,
  };
}

function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
