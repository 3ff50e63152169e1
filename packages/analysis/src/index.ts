export {
  createAnalysisService,
  DEMO_INDEX_PRESETS,
  DEMO_WARNING_RULES,
  type AnalysisService,
  type AnalysisServiceOptions,
  type Versioned,
} from './analysis.service.ts';
export type { AggregateAnalysis, AggregateQuery, AggregatedValue } from './aggregate/aggregate-analysis.ts';
export type { CompareAnalysis, CompareQuery, ComparedArea } from './compare/compare-analysis.ts';
export type { IntervalMethod } from './compare/interval-method.ts';
export type {
  CompareAreasAnalysis,
  CompareAreasArea,
  CompareAreasIndicator,
  CompareAreasQuery,
  CompareAreasValue,
} from './compare-areas/compare-areas-analysis.ts';
export type { CompareReference } from './compare-areas/area-references.ts';
export {
  parseReference,
  type ReferenceBasis,
  type ReferenceSpec,
  type ReferenceValue,
} from './compare/reference-values.ts';
export type {
  CorrelationsAnalysis,
  CorrelationsQuery,
  TypologyAnalysis,
  TypologyQuery,
} from './correlate/correlate-analysis.ts';
export { dataVersion } from './data-version.ts';
export {
  directlyStandardisedRates,
  indirectlyStandardisedRates,
  type DsrRequest,
  type DsrResponse,
  type IsrRequest,
  type IsrResponse,
} from './standardise/standardised-rates.ts';
export { withDerivedIndicators, type DerivedReads } from './derived/derived-aware-store.ts';
export type {
  DerivedCoverage,
  DerivedPeriods,
  DerivedQuery,
  DerivedValues,
} from './derived/derived-values.ts';
export type { IndexQuery } from './indices/index-result.ts';
export type { IndexAnalysis, IndexAreaResult, IndexClassRef } from './indices/index-types.ts';
export type { PresetSummary } from './presets/preset-summary.ts';
export type {
  AreaProfile,
  ProfileAncestor,
  ProfileComparison,
  ProfileIndicator,
  ProfileLevelRef,
  ProfileQuery,
  ProfileReference,
  ProfileSeriesPoint,
  ProfileStatus,
} from './profile/profile-types.ts';
export { cacheKey, ResultCache, type CacheStats } from './result-cache.ts';
export type { IndicatorRef } from './store-reads.ts';
export type { TransitionsAnalysis, TransitionsQuery } from './trends/class-transitions-analysis.ts';
export type { TrendAnalysis, TrendQuery } from './trends/trend-analysis.ts';
export { loadWarningRules, parseWarningRules, type WarningRuleSpec } from './warnings/warning-rule-file.ts';
export type { WarningsAnalysis, WarningsQuery } from './warnings/warnings-analysis.ts';
export { DEMO_PYRAMIDS, loadPyramids } from './pyramids/pyramid-file.ts';
export {
  pyramidForArea,
  pyramidSummary,
  requirePyramid,
  type PyramidQuery,
  type PyramidResult,
  type PyramidSummary,
} from './pyramids/pyramid-analysis.ts';
export { AnalysisHub, type AnalysisHubOptions } from './access/analysis-hub.ts';
