export type {
  ClassInterval,
  CrossClassDefinition,
  IndexClass,
  IndexComponent,
  IndexDefinition,
  IndexExclusions,
  IndexPreset,
  NamedExclusion,
  Standardisation,
} from './definition.ts';
export { formatInterval } from './definition.ts';
export { definitionFor, parseIndexDefinition, parseIndexPreset } from './parse-definition.ts';
export { parseInterval } from './interval.ts';
export {
  EXCLUSION_REASONS,
  exclusionOf,
  type Exclusion,
  type ExclusionReason,
  type IndexRow,
} from './exclusions.ts';
export type { StandardisationStats } from './standardise.ts';
export {
  classOfScore,
  computeIndex,
  type AreaIndexResult,
  type IndexResult,
  type IndexSummary,
} from './compute-index.ts';
export type { Contribution, Explanation } from './explain.ts';
export { crossClasses, parseCrossClassDefinition, type CrossClass } from './cross-classes.ts';
export { indexInputs, indexRowsFromObservations } from './index-rows.ts';
