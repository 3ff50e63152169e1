import { fileURLToPath } from 'node:url';
import { definitionFor, isDomainError, type ClassAssignment, type IndexPreset } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  aggregateAnalysis,
  type AggregateAnalysis,
  type AggregateQuery,
} from './aggregate/aggregate-analysis.ts';
import { compareAnalysis, type CompareAnalysis, type CompareQuery } from './compare/compare-analysis.ts';
import {
  compareAreasAnalysis,
  type CompareAreasAnalysis,
  type CompareAreasQuery,
} from './compare-areas/compare-areas-analysis.ts';
import {
  correlationsAnalysis,
  typologyAnalysis,
  type CorrelationsAnalysis,
  type CorrelationsQuery,
  type TypologyAnalysis,
  type TypologyQuery,
} from './correlate/correlate-analysis.ts';
import { dataVersion } from './data-version.ts';
import { withDerivedIndicators } from './derived/derived-aware-store.ts';
import {
  derivedCoverage,
  derivedPeriods,
  derivedValues,
  type DerivedCoverage,
  type DerivedPeriods,
  type DerivedQuery,
  type DerivedValues,
} from './derived/derived-values.ts';
import { indexResult, type IndexQuery } from './indices/index-result.ts';
import type { IndexAnalysis } from './indices/index-types.ts';
import { PresetCatalogue } from './presets/preset-catalogue.ts';
import { areaProfile } from './profile/area-profile.ts';
import type { SpreadCache } from './profile/level-spread.ts';
import type { AreaProfile, ProfileQuery } from './profile/profile-types.ts';
import { presetSummary, type PresetSummary } from './presets/preset-summary.ts';
import { cacheKey, ResultCache, type CacheStats } from './result-cache.ts';
import {
  classTransitionsAnalysis,
  type TransitionsAnalysis,
  type TransitionsQuery,
} from './trends/class-transitions-analysis.ts';
import { trendAnalysis, type TrendAnalysis, type TrendQuery } from './trends/trend-analysis.ts';
import { loadWarningRules, type WarningRuleSpec } from './warnings/warning-rule-file.ts';
import { warningsAnalysis, type WarningsAnalysis, type WarningsQuery } from './warnings/warnings-analysis.ts';

/** The demo's index presets and warning rules, shipped with the repository. */
export const DEMO_INDEX_PRESETS = fileURLToPath(new URL('../../../demo/indices', import.meta.url));
export const DEMO_WARNING_RULES = fileURLToPath(new URL('../../../demo/warnings.yaml', import.meta.url));

/** Every result names the data version it was computed from. */
export type Versioned<T> = T & { dataVersion: string };

export interface AnalysisServiceOptions {
  store: Store;
  /** Directories of index preset YAML files; later directories override ids of earlier ones. */
  presetDirs: readonly string[];
  /** YAML files with early-warning rules (`rules: [...]`); default none. */
  warningRuleFiles?: readonly string[];
  /** Most results kept in memory (default 500). */
  cacheSize?: number;
  /** Presets read already (the hub reads them once for all principals); default: read `presetDirs`. */
  presetCatalogue?: PresetCatalogue;
  /**
   * The data version results name, and the version they are cached under (the hub adds the revision
   * of the access rules); default the store's data version for both.
   */
  versions?: () => Promise<{ data: string; cache: string }>;
}

/**
 * The analysis engine as a service: reads the store, calls the pure core, caches the results per
 * input and data version. Every import and every undo changes the data version, so no result
 * outlives the data it was computed from.
 */
export interface AnalysisService {
  presets(): PresetSummary[];
  warningRules(): WarningRuleSpec[];
  indexResult(presetId: string, query: IndexQuery): Promise<Versioned<IndexAnalysis>>;
  compare(indicatorId: string, query: CompareQuery): Promise<Versioned<CompareAnalysis>>;
  /** Several areas side by side across several indicators, with references and time series. */
  compareAreas(query: CompareAreasQuery): Promise<Versioned<CompareAreasAnalysis>>;
  aggregate(indicatorId: string, query: AggregateQuery): Promise<Versioned<AggregateAnalysis>>;
  trend(indicatorId: string, query: TrendQuery): Promise<Versioned<TrendAnalysis>>;
  classTransitions(indicatorId: string, query: TransitionsQuery): Promise<Versioned<TransitionsAnalysis>>;
  warnings(query?: WarningsQuery): Promise<Versioned<WarningsAnalysis>>;
  correlations(query: CorrelationsQuery): Promise<Versioned<CorrelationsAnalysis>>;
  typology(query: TypologyQuery): Promise<Versioned<TypologyAnalysis>>;
  /** A derived indicator's values, computed from the stored values of its inputs (see docs/analysis.md). */
  derivedValues(indicatorId: string, query: DerivedQuery): Promise<Versioned<DerivedValues>>;
  /** The periods a derived indicator can be computed for on a level: those all its inputs have. */
  derivedPeriods(indicatorId: string, level: string): Promise<Versioned<DerivedPeriods>>;
  /** Per level: the periods and computed values of a derived indicator. */
  derivedCoverage(indicatorId: string): Promise<Versioned<DerivedCoverage>>;
  /** One area against its parent, ancestors and the areas of its level, indicator by indicator. */
  areaProfile(query: ProfileQuery): Promise<Versioned<AreaProfile>>;
  /**
   * The store for reading values: derived indicators are computed on the fly (cached), so callers
   * read every indicator the same way. Every analysis above reads through it.
   */
  readonly reads: Store;
  dataVersion(): Promise<string>;
  cacheStats(): CacheStats;
}

export function createAnalysisService(options: AnalysisServiceOptions): AnalysisService {
  const { store } = options;
  const presets = options.presetCatalogue ?? PresetCatalogue.load(options.presetDirs);
  const versionsOf =
    options.versions ??
    (async () => {
      const data = await dataVersion(store);
      return { data, cache: data };
    });
  const rules = loadWarningRules(options.warningRuleFiles ?? []);
  const cache = new ResultCache(options.cacheSize);
  const spreads = new ResultCache(2000);

  async function cached<T>(
    operation: string,
    input: unknown,
    compute: () => Promise<T>,
  ): Promise<Versioned<T>> {
    const version = await versionsOf();
    return cache.get(cacheKey(operation, input), version.cache, async () => ({
      ...(await compute()),
      dataVersion: version.data,
    }));
  }

  const reads = withDerivedIndicators(store, {
    values: (id, query) => service.derivedValues(id, query),
    periods: (id, level) => service.derivedPeriods(id, level),
  });

  const service: AnalysisService = {
    reads,
    presets: () => presets.list().map(presetSummary),
    warningRules: () => [...rules],
    indexResult: (presetId, query) =>
      cached('index', { presetId, query }, () => indexResult(reads, presets, presetId, query)),
    compare: (indicatorId, query) =>
      cached('compare', { indicatorId, query }, () => compareAnalysis(reads, indicatorId, query)),
    compareAreas: (query) =>
      cached('compare-areas', query, () => compareAreasAnalysis({ store: reads }, query)),
    aggregate: (indicatorId, query) =>
      cached('aggregate', { indicatorId, query }, () => aggregateAnalysis(reads, indicatorId, query)),
    trend: (indicatorId, query) =>
      cached('trend', { indicatorId, query }, () => trendAnalysis(reads, indicatorId, query)),
    classTransitions: (indicatorId, query) =>
      cached('transitions', { indicatorId, query }, () =>
        classTransitionsAnalysis(reads, indicatorId, query),
      ),
    warnings: (query = {}) =>
      cached('warnings', query, () =>
        warningsAnalysis(
          { store: reads, configured: rules, indexClasses: (id, level) => indexClasses(id, level) },
          query,
        ),
      ),
    correlations: (query) => cached('correlations', query, () => correlationsAnalysis(reads, query)),
    typology: (query) => cached('typology', query, () => typologyAnalysis(reads, query)),
    derivedValues: (indicatorId, query) =>
      cached('derived-values', { indicatorId, query }, () => derivedValues(store, indicatorId, query)),
    derivedPeriods: (indicatorId, level) =>
      cached('derived-periods', { indicatorId, level }, () => derivedPeriods(store, indicatorId, level)),
    derivedCoverage: (indicatorId) =>
      cached('derived-coverage', { indicatorId }, () => derivedCoverage(store, indicatorId)),
    areaProfile: async (query) => {
      // The spreads of the level (11,000 Gemeinden) outlive one profile: the next area reuses them.
      const version = await versionsOf();
      const spread: SpreadCache = (key, compute) =>
        spreads.get(cacheKey('profile-spread', key), version.cache, compute);
      return cache.get(cacheKey('area-profile', query), version.cache, async () => ({
        ...(await areaProfile(reads, query, { spread })),
        dataVersion: version.data,
      }));
    },
    dataVersion: async () => (await versionsOf()).data,
    cacheStats: () => cache.stats(),
  };

  /** The classes of an index preset in every period its first component has values for on the level. */
  async function indexClasses(presetId: string, levelId: string): Promise<ClassAssignment[]> {
    const entry = presets.require(presetId);
    const preset =
      entry.kind === 'index' ? entry.preset : presets.requireIndex(entry.cross.parts[0]!.index).preset;
    const indicatorId = preset.versions.at(-1)!.components[0]!.indicator;
    const periods = (await reads.listPeriods(indicatorId, levelId)).filter((p) => hasVersionFor(preset, p));
    const assignments: ClassAssignment[] = [];
    for (const period of periods) {
      const result = await service.indexResult(presetId, { period, level: levelId });
      for (const area of result.areas) {
        if (!area.class) continue;
        const classLabel = entry.kind === 'index' ? String(area.class.code) : area.class.symbol;
        assignments.push({ areaKey: area.key, period, classLabel });
      }
    }
    return assignments;
  }

  return service;
}

function hasVersionFor(preset: IndexPreset, period: string): boolean {
  try {
    definitionFor(preset, period);
    return true;
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}
